import type { ServiceModel } from '../runtime/model.js';
import { PythonError, pyFloat, pyInt, pyShortTypeName } from './python/builtins.js';
import { getOwn, isPlainObject, listMemberOf, mapValueOf, membersOf, setOwn, type ArgShape } from './shapes.js';

/**
 * The shorthand syntax, a port of awscli/shorthand.py (AWS CLI v2). Grammar:
 *
 *   parameter      = keyval *("," keyval)
 *   keyval         = key "=" [values]
 *   key            = 1*(ALPHA / DIGIT / "-" / "_" / "." / "#" / "/" / ":")
 *   values         = csv-list / explicit-list / hash-literal
 *   csv-list       = first-value *("," second-value)
 *   explicit-list  = "[" [explicit-value *("," explicit-value)] "]"
 *   hash-literal   = "{" keyval *("," keyval) "}"
 *   explicit-value = explicit-list / hash-literal / first-value
 *   first-value    = value / single-quoted / double-quoted
 *   value          = 1*(escaped-comma / start-char) *(escaped-comma / first-follow-char)
 *
 * Whitespace around "=", "," and brackets is ignored. `a=b,c=d` is two keys, `a=b,c` is
 * a csv list: after a comma the parser tries another value and backtracks to the comma
 * when it turns out to be a key. Errors point at the failing column with a caret.
 * The parser is purely syntactic; BackCompatVisitor then fixes types from the model
 * (a scalar where a list is expected becomes a one-element list, "1" becomes 1).
 */

const START_WORD = '!#-&(-+\\--<>-Z\\\\-z\\u007c-\\uffff';
const SPACE = '\\s\\x1c-\\x1f\\x85';
const FIRST_FOLLOW = `${SPACE}!#-&(-+\\--\\\\^-|~-\\uffff`;
const SECOND_FOLLOW = `${SPACE}!#-&(-+\\--<>-\\uffff`;
const ESCAPED_COMMA = '(\\\\,)';

interface NamedRegex {
  readonly name: string;
  readonly regex: RegExp;
}

const SINGLE_QUOTED: NamedRegex = { name: 'singled quoted', regex: /'(?:\\\\|\\'|[^'])*'/uy };
const DOUBLE_QUOTED: NamedRegex = { name: 'double quoted', regex: /"(?:\\\\|\\"|[^"])*"/uy };
const FIRST_VALUE: NamedRegex = {
  name: 'first',
  regex: new RegExp(`(${ESCAPED_COMMA}|[${START_WORD}])(${ESCAPED_COMMA}|[${FIRST_FOLLOW}])*`, 'uy'),
};
const SECOND_VALUE: NamedRegex = {
  name: 'second',
  regex: new RegExp(`(${ESCAPED_COMMA}|[${START_WORD}])(${ESCAPED_COMMA}|[${SECOND_FOLLOW}])*`, 'uy'),
};

const KEY_CHARS = /[A-Za-z0-9\-_.#/:]/;
// Python's string.whitespace.
const WHITESPACE = ' \t\n\r\x0b\x0c';

export type ShorthandValue = string | ShorthandValue[] | { [key: string]: ShorthandValue };

export class ShorthandParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShorthandParseError';
  }
}

/**
 * The consumed text, a caret under the failing column, and the rest of that line. Indexes
 * are UTF-16 units here; Python counts characters, so the caret's column is counted in those.
 */
function errorLocation(value: string, index: number): string {
  let consumed = value;
  let remaining = '';
  const before = value.slice(0, index);
  const spaces = [...before.slice(before.lastIndexOf('\n') + 1)].length;
  const after = value.slice(index);
  if (after.includes('\n')) {
    const nextNewline = index + after.indexOf('\n');
    consumed = value.slice(0, nextNewline);
    remaining = value.slice(nextNewline);
  }
  return `${consumed}\n${' '.repeat(spaces)}^${remaining}`;
}

export class ShorthandSyntaxError extends ShorthandParseError {
  constructor(value: string, expected: string, actual: string, index: number) {
    super(`Expected: '${expected}', received: '${actual}' for input:\n${errorLocation(value, index)}`);
  }
}

export class DuplicateKeyError extends ShorthandParseError {
  constructor(key: string, value: string, index: number) {
    super(
      `Second instance of key "${key}" encountered for input:\n${errorLocation(value, index)}\n` +
        'This is often because there is a preceding "," instead of a space.',
    );
  }
}

export class ShorthandParser {
  private input = '';
  private index = 0;

  parse(value: string): Record<string, ShorthandValue> {
    this.input = value;
    this.index = 0;
    return this.parameter();
  }

  private parameter(): Record<string, ShorthandValue> {
    const params: Record<string, ShorthandValue> = {};
    const [firstKey, firstValue] = this.keyval();
    setOwn(params, firstKey, firstValue);
    let lastIndex = this.index;
    while (this.index < this.input.length) {
      this.expect(',', true);
      const [key, value] = this.keyval();
      // A repeated key is most likely a "," typed where a space was meant.
      if (Object.hasOwn(params, key)) throw new DuplicateKeyError(key, this.input, lastIndex + 1);
      setOwn(params, key, value);
      lastIndex = this.index;
    }
    return params;
  }

  private keyval(): [string, ShorthandValue] {
    const key = this.key();
    this.expect('=', true);
    return [key, this.values()];
  }

  private key(): string {
    const start = this.index;
    while (!this.atEof() && KEY_CHARS.test(this.current() ?? '')) this.index++;
    return this.input.slice(start, this.index);
  }

  private values(): ShorthandValue {
    if (this.atEof()) return '';
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.csvValue();
  }

  private csvValue(): ShorthandValue {
    const first = this.firstValue();
    this.consumeWhitespace();
    if (this.atEof() || this.input[this.index] !== ',') return first;
    this.expect(',', true);
    const csv: ShorthandValue[] = [first];
    for (;;) {
      try {
        const current = this.secondValue();
        this.consumeWhitespace();
        if (this.atEof()) {
          csv.push(current);
          break;
        }
        this.expect(',', true);
        csv.push(current);
      } catch (error) {
        // `a=b,c=d`: "c" was a key, not a second value; back up to the comma before it.
        if (!(error instanceof ShorthandSyntaxError) || this.atEof()) throw error;
        this.backtrackTo(',');
        break;
      }
    }
    return csv.length === 1 ? first : csv;
  }

  private plainValue(): string {
    const match = this.match(FIRST_VALUE);
    return match === undefined ? '' : this.consume(match).replace(/\\,/g, ',').trimEnd();
  }

  private explicitList(): ShorthandValue[] {
    this.expect('[', true);
    const values: ShorthandValue[] = [];
    while (this.current() !== ']') {
      values.push(this.explicitValue());
      this.consumeWhitespace();
      if (this.current() !== ']') {
        this.expect(',');
        this.consumeWhitespace();
      }
    }
    this.expect(']');
    return values;
  }

  private explicitValue(): ShorthandValue {
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.firstValue();
  }

  private hashLiteral(): Record<string, ShorthandValue> {
    this.expect('{', true);
    const keyvals: Record<string, ShorthandValue> = {};
    while (this.current() !== '}') {
      const key = this.key();
      this.expect('=', true);
      const value = this.explicitValue();
      this.consumeWhitespace();
      if (this.current() !== '}') {
        this.expect(',');
        this.consumeWhitespace();
      }
      setOwn(keyvals, key, value);
    }
    this.expect('}');
    return keyvals;
  }

  private firstValue(): string {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"');
    return this.plainValue();
  }

  private secondValue(): string {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'");
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"');
    return this.mustConsume(SECOND_VALUE).replace(/\\,/g, ',').trimEnd();
  }

  private quoted(regex: NamedRegex, quote: string): string {
    const value = this.mustConsume(regex).slice(1, -1);
    return value.split(`\\${quote}`).join(quote).split('\\\\').join('\\');
  }

  private expect(char: string, consumeWhitespace = false): void {
    if (consumeWhitespace) this.consumeWhitespace();
    if (this.index >= this.input.length) throw new ShorthandSyntaxError(this.input, char, 'EOF', this.index);
    const actual = String.fromCodePoint(this.input.codePointAt(this.index) ?? 0);
    if (actual !== char) throw new ShorthandSyntaxError(this.input, char, actual, this.index);
    this.index++;
    if (consumeWhitespace) this.consumeWhitespace();
  }

  private match(regex: NamedRegex): string | undefined {
    regex.regex.lastIndex = this.index;
    const match = regex.regex.exec(this.input);
    return match ? match[0] : undefined;
  }

  private mustConsume(regex: NamedRegex): string {
    const match = this.match(regex);
    if (match === undefined) throw new ShorthandSyntaxError(this.input, `<${regex.name}>`, '<none>', this.index);
    return this.consume(match);
  }

  private consume(match: string): string {
    this.index += match.length;
    return match;
  }

  private current(): string | undefined {
    return this.index < this.input.length ? this.input[this.index] : undefined;
  }

  private atEof(): boolean {
    return this.index >= this.input.length;
  }

  private backtrackTo(char: string): void {
    while (this.index >= 0 && this.input[this.index] !== char) this.index--;
  }

  private consumeWhitespace(): void {
    while (!this.atEof() && WHITESPACE.includes(this.current() ?? '')) this.index++;
  }
}

/**
 * Makes the parsed value fit the model as the old parser did (shorthand.py
 * BackCompatVisitor): scalars where lists are expected become one-element lists,
 * numbers and booleans are converted. It mutates `value` in place.
 */
export function backCompatVisit(model: ServiceModel, shape: ArgShape, value: unknown): void {
  const holder: Record<string, unknown> = {};
  visit(model, holder, shape, '', value);
}

type Parent = Record<string, unknown> | unknown[];

function assign(parent: Parent, name: string | number, value: unknown): void {
  if (Array.isArray(parent)) parent[name as number] = value;
  else setOwn(parent, String(name), value);
}

function visit(model: ServiceModel, parent: Parent, shape: ArgShape, name: string | number, value: unknown): void {
  if (shape.type === 'structure') {
    if (!isPlainObject(value)) return;
    for (const [memberName, memberShape] of membersOf(model, shape)) visit(model, value, memberShape, memberName, getOwn(value, memberName));
  } else if (shape.type === 'list') {
    if (!Array.isArray(value)) {
      if (value !== undefined && value !== null) assign(parent, name, [value]);
      return;
    }
    const member = listMemberOf(model, shape);
    value.forEach((element, i) => visit(model, value, member, i, element));
  } else if (shape.type === 'map') {
    if (!isPlainObject(value)) return;
    const valueShape = mapValueOf(model, shape);
    for (const [key, element] of Object.entries(value)) visit(model, value, valueShape, key, element);
  } else {
    visitScalar(parent, shape, name, value);
  }
}

function visitScalar(parent: Parent, shape: ArgShape, name: string | number, value: unknown): void {
  if (value === undefined || value === null) return;
  if (shape.type === 'integer' || shape.type === 'long') {
    if (typeof value !== 'string') throw new PythonError(`int() argument must be a string, a bytes-like object or a real number, not '${pyShortTypeName(value)}'`);
    assign(parent, name, pyInt(value));
  } else if (shape.type === 'double' || shape.type === 'float') {
    if (typeof value !== 'string') throw new PythonError(`float() argument must be a string or a real number, not '${pyShortTypeName(value)}'`);
    assign(parent, name, pyFloat(value));
  } else if (shape.type === 'boolean') {
    if (typeof value !== 'string') throw new PythonError(`'${pyShortTypeName(value)}' object has no attribute 'lower'`);
    // Only "true" and "false" convert; anything else stays a string for validation to reject.
    if (value.toLowerCase() === 'true') assign(parent, name, true);
    else if (value.toLowerCase() === 'false') assign(parent, name, false);
  }
}
