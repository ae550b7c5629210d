import { describe, expect, it } from 'vitest';
import { normalisePath } from '../../src/lib/path.js';

describe('normalisePath', () => {
  it.each([
    ['./a/b.txt', 'a/b.txt'], ['a//b.txt', 'a/b.txt'], ['a/b.txt', 'a/b.txt'], ['a/./b/../c.txt', 'a/c.txt'], ['../../x', 'x'], ['', ''], ['dir/', 'dir'],
  ])('%j names the file %j', (path, file) => expect(normalisePath(path)).toBe(file));
});
