import { dirname, joinPath, splitS3BucketKey, type PathType } from './paths.js';
import { absolutePath } from './learner-folder.js';

/**
 * --exclude and --include (awscli/customizations/s3/filters.py). Each pattern is joined to
 * the source's root (and, for sync --delete, to the destination's) and matched with
 * Python's fnmatch against the whole path, so `*` also matches `/`. Later patterns win.
 * https://docs.aws.amazon.com/cli/latest/reference/s3/index.html#use-of-exclude-and-include-filters
 */
export type FilterRule = readonly ['exclude' | 'include', string];

/** fnmatch.translate, as a JavaScript regular expression over the whole string. */
export function fnmatchRegExp(pattern: string): RegExp {
  let out = '';
  let i = 0;
  const n = pattern.length;
  while (i < n) {
    const c = pattern[i++] ?? '';
    if (c === '*') {
      if (!out.endsWith('.*')) out += '.*';
    } else if (c === '?') {
      out += '.';
    } else if (c === '[') {
      const [text, next] = characterClass(pattern, i);
      out += text;
      i = next;
    } else {
      out += c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    }
  }
  return new RegExp(`^(?:${out})$`, 's');
}

/** A `[...]` set starting after the `[` at `start`: its regex text and where the pattern continues. */
function characterClass(pattern: string, start: number): [string, number] {
  const n = pattern.length;
  let j = start;
  if (pattern[j] === '!') j++;
  if (pattern[j] === ']') j++;
  while (j < n && pattern[j] !== ']') j++;
  if (j >= n) return ['\\[', start];
  let stuff = pattern.slice(start, j);
  if (!stuff.includes('-')) {
    stuff = stuff.replace(/\\/g, '\\\\');
  } else {
    const chunks: string[] = [];
    let i = start;
    let k = pattern[start] === '!' ? start + 2 : start + 1;
    for (k = pattern.indexOf('-', k); k >= 0 && k < j; k = pattern.indexOf('-', k)) {
      chunks.push(pattern.slice(i, k));
      i = k + 1;
      k += 3;
    }
    const chunk = pattern.slice(i, j);
    if (chunk) chunks.push(chunk);
    else chunks[chunks.length - 1] += '-';
    for (let m = chunks.length - 1; m > 0; m--) {
      const previous = chunks[m - 1] ?? '';
      const current = chunks[m] ?? '';
      if (previous.slice(-1) > current.slice(0, 1)) {
        chunks[m - 1] = previous.slice(0, -1) + current.slice(1);
        chunks.splice(m, 1);
      }
    }
    stuff = chunks.map((s) => s.replace(/\\/g, '\\\\').replace(/-/g, '\\-')).join('-');
  }
  stuff = stuff.replace(/([&~|])/g, '\\$1');
  if (!stuff) return ['(?!)', j + 1];
  if (stuff === '!') return ['.', j + 1];
  if (stuff.startsWith('!')) stuff = `^${stuff.slice(1)}`;
  else if (stuff.startsWith('^') || stuff.startsWith('[')) stuff = `\\${stuff}`;
  return [`[${stuff}]`, j + 1];
}

/** _get_s3_root: `bucket/prefix` for a directory operation, the key's folder otherwise. */
function s3Root(location: string, dirOp: boolean): string {
  const [bucket, key] = splitS3BucketKey(location);
  const root = !dirOp && !key.endsWith('/') ? key.split('/').slice(0, -1).join('/') : key;
  return `${bucket}/${root}`;
}

/** _get_local_root. */
function localRoot(location: string, dirOp: boolean): string {
  return absolutePath(dirOp ? location : dirname(location));
}

function rootOf(location: string, dirOp: boolean): string {
  return location.startsWith('s3://') ? s3Root(location, dirOp) : localRoot(location, dirOp);
}

interface CompiledRule {
  readonly include: boolean;
  readonly source: RegExp;
  readonly destination: RegExp;
}

/** A file as the filter sees it: its source path (`bucket/key`, or an absolute local path). */
export interface FilterSubject {
  readonly src: string;
  readonly srcType: PathType;
}

export class Filter {
  private readonly rules: CompiledRule[];

  constructor(rules: readonly FilterRule[], src: string, dest: string, dirOp: boolean) {
    const srcRoot = rules.length > 0 ? rootOf(src, dirOp) : '';
    const destRoot = rules.length > 0 ? rootOf(dest, dirOp) : '';
    this.rules = rules.map(([kind, pattern]) => ({
      include: kind === 'include',
      source: fnmatchRegExp(joinPath(srcRoot, pattern)),
      destination: fnmatchRegExp(joinPath(destRoot, pattern)),
    }));
  }

  /** Filter.call for one file: every rule is tried against both roots; the last match decides. */
  includes(file: FilterSubject): boolean {
    let included = true;
    for (const rule of this.rules) {
      if (rule.source.test(file.src)) included = rule.include;
      if (rule.destination.test(file.src)) included = rule.include;
    }
    return included;
  }

  *apply<T extends FilterSubject>(files: Iterable<T>): Generator<T> {
    for (const file of files) if (this.includes(file)) yield file;
  }
}
