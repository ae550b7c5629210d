import { ENCODINGS_BY_EXTENSION, SUFFIX_MAP, TYPES_BY_EXTENSION } from './mime-table.js';

/** posixpath.splitext: the last dot of the last component, unless the name is all leading dots. */
function splitExtension(path: string): [string, string] {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  if (dot <= slash) return [path, ''];
  const name = path.slice(slash + 1, dot);
  if (/^\.*$/.test(name)) return [path, ''];
  return [path.slice(0, dot), path.slice(dot)];
}

/**
 * Python's `mimetypes.guess_type(path)[0]` (strict): shorthand suffixes expanded (`.tgz`),
 * a compression suffix set aside (`q1.csv.gz` is text/csv), then the type of what is left
 * (by its lower-cased extension). Undefined when Python would return None: S3 then stores
 * binary/octet-stream. https://docs.python.org/3/library/mimetypes.html#mimetypes.guess_type
 */
export function guessContentType(path: string): string | undefined {
  let [base, extension] = splitExtension(path);
  for (let expanded = SUFFIX_MAP[extension.toLowerCase()]; expanded !== undefined; expanded = SUFFIX_MAP[extension.toLowerCase()]) {
    [base, extension] = splitExtension(base + expanded);
  }
  if (Object.hasOwn(ENCODINGS_BY_EXTENSION, extension)) extension = splitExtension(base)[1];
  const lower = extension.toLowerCase();
  return Object.hasOwn(TYPES_BY_EXTENSION, lower) ? TYPES_BY_EXTENSION[lower] : undefined;
}
