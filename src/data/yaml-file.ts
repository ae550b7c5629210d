import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ZodType } from 'zod';

export type Path = ReadonlyArray<string | number>;

/** A problem in a data file (a lab, a quiz bank), located to the line and column. */
export class DataFileError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly reason: string;

  constructor(file: string, line: number, column: number, reason: string) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = 'DataFileError';
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

/** Several problems found in one pass, so an author fixes them all at once. */
export class DataFileErrors extends Error {
  readonly errors: readonly DataFileError[];

  constructor(errors: readonly DataFileError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'DataFileErrors';
    this.errors = errors;
  }
}

/** A parsed YAML file that can say where any value in it came from. */
export class YamlFile {
  readonly file: string;
  readonly value: unknown;
  private readonly doc: Document;
  private readonly lines: LineCounter;

  private constructor(file: string, doc: Document, lines: LineCounter) {
    this.file = file;
    this.doc = doc;
    this.lines = lines;
    this.value = doc.toJS({ maxAliasCount: 100 });
  }

  static parse(text: string, file: string): YamlFile {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const problems = [...doc.errors].map((e) => {
      const pos = lines.linePos(e.pos[0]);
      return new DataFileError(file, pos.line, pos.col, `YAML syntax: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
    });
    if (problems.length) throw new DataFileErrors(problems);
    return new YamlFile(file, doc, lines);
  }

  /** An error at the value found at `path`, or at its nearest ancestor that exists. */
  errorAt(path: Path, reason: string, { atKey = false } = {}): DataFileError {
    const node = this.nodeAt(path, atKey);
    const offset = node?.range?.[0] ?? 0;
    const pos = this.lines.linePos(offset);
    return new DataFileError(this.file, pos.line, pos.col, reason);
  }

  private nodeAt(path: Path, atKey: boolean): Node | undefined {
    for (let depth = path.length; depth >= 0; depth--) {
      const prefix = path.slice(0, depth);
      if (atKey && depth === path.length && depth > 0) {
        const parent = depth === 1 ? this.doc.contents : this.doc.getIn(prefix.slice(0, -1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === prefix[prefix.length - 1]);
          if (pair && isNode(pair.key)) return pair.key;
        }
        continue;
      }
      const node = depth === 0 ? this.doc.contents : this.doc.getIn(prefix, true);
      if (isNode(node)) return node;
    }
    return undefined;
  }
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(root: unknown, path: Path): unknown {
  let value: unknown = root;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

export function formatPath(path: Path): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');
}

const TYPE_WORDS: Record<string, string> = { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a mapping' };

/**
 * Validates a parsed file against a zod schema and turns every issue into a located,
 * readable error: what is wrong, what was found, and what would be right.
 */
export function validateWith<T>(schema: ZodType<T>, file: YamlFile): T {
  const result = schema.safeParse(file.value);
  if (result.success) return result.data;
  const errors: DataFileError[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const where = formatPath(path);
    const found = valueAt(file.value, path);
    const prefix = where ? `${where}: ` : '';
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) errors.push(file.errorAt([...path, key], `${prefix}unknown key '${key}'`, { atKey: true }));
        continue;
      case 'invalid_type':
        errors.push(file.errorAt(path, found === undefined ? `${where || 'file'}: required, expected ${TYPE_WORDS[issue.expected] ?? issue.expected}` : `${prefix}expected ${TYPE_WORDS[issue.expected] ?? issue.expected}, found ${describeValue(found)}`));
        continue;
      case 'invalid_value':
        errors.push(file.errorAt(path, `${prefix}expected ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`}, found ${describeValue(found)}`));
        continue;
      default:
        errors.push(file.errorAt(path, `${prefix}${issue.message}`));
    }
  }
  throw new DataFileErrors(errors);
}
