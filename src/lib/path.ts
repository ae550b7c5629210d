/**
 * The path as the learner's in-memory files store it: `./a/b.txt`, `a//b.txt` and `a/b.txt`
 * are one file, and `..` climbs (never above the folder's root).
 */
export function normalisePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
