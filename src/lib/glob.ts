import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/** True when `text` holds a wildcard a shell would have expanded (`*`, `?`, `[…]`). */
export const hasWildcards = (text: string): boolean => /[*?[]/.test(text);

/** One path segment's pattern as a regular expression: `*` and `?` never cross a `/`. */
function segmentRegExp(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end === -1) source += '\\[';
      else {
        const body = segment.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = end;
      }
    } else source += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

const isDirectory = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

const entries = (dir: string): string[] => {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
};

/**
 * The files a shell-style pattern names (`subs/*.json`, `class/**\/*.json`), sorted. Windows
 * shells hand patterns over unexpanded, so commands expand them themselves. Dot files match
 * only a segment that starts with a dot, as in POSIX shells.
 */
export function expandGlob(pattern: string): string[] {
  const segments = pattern.split(/[\\/]+/);
  const absolute = pattern.startsWith('/') || pattern.startsWith(sep);
  const start = absolute ? sep : '.';
  if (absolute) segments.shift();
  const found: string[] = [];
  const walk = (dir: string, shown: string, index: number): void => {
    if (index === segments.length) {
      if (!isDirectory(dir)) found.push(shown);
      return;
    }
    const segment = segments[index]!;
    const prefix = (name: string) => (shown === '' ? name : shown === sep ? `${sep}${name}` : `${shown}/${name}`);
    if (segment === '**') {
      walk(dir, shown, index + 1);
      for (const name of entries(dir)) {
        if (!name.startsWith('.') && isDirectory(join(dir, name))) walk(join(dir, name), prefix(name), index);
      }
      return;
    }
    if (!hasWildcards(segment)) {
      const next = join(dir, segment);
      if (index === segments.length - 1 ? entries(dir).includes(segment) : isDirectory(next)) walk(next, prefix(segment), index + 1);
      return;
    }
    const re = segmentRegExp(segment);
    for (const name of entries(dir)) {
      if (name.startsWith('.') && !segment.startsWith('.')) continue;
      if (re.test(name)) walk(join(dir, name), prefix(name), index + 1);
    }
  };
  walk(start, absolute ? sep : '', 0);
  return [...new Set(found)].sort();
}

/** Every file under `dir` whose name ends with `extension`, in subfolders too, sorted. */
export function filesUnder(dir: string, extension: string): string[] {
  const found: string[] = [];
  for (const name of entries(dir)) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (isDirectory(path)) found.push(...filesUnder(path, extension));
    else if (name.endsWith(extension)) found.push(path);
  }
  return found;
}
