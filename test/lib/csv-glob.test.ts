import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, CsvError } from '../../src/lib/csv.js';
import { expandGlob } from '../../src/lib/glob.js';

describe('CSV', () => {
  it('reads quoted cells, doubled quotes, CRLF and LF rows, a BOM, and skips blank lines', () => {
    expect(parseCsv('\uFEFFname,id\r\n"Lima, Ana",s1\n\n"say ""hi""",\n')).toEqual([['name', 'id'], ['Lima, Ana', 's1'], ['say "hi"', '']]);
  });

  it('says where a quoted cell is never closed', () => {
    expect(() => parseCsv('name\n"open\n')).toThrow(new CsvError('line 2: a quoted cell is never closed'));
  });

  it('writes cells without raw line breaks, quoting commas and quotes', () => {
    expect(csvCell('a\r\nb\nc')).toBe('a b c');
    expect(csvCell('x, "y"')).toBe('"x, ""y"""');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('glob', () => {
  it('expands *, ?, [..] and ** as a POSIX shell would, sorted, dot files only when asked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'awslab-glob-'));
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    for (const f of ['x1.json', 'x2.json', 'y.json', '.hidden.json', 'a/z.json', 'a/b/w.json']) writeFileSync(join(dir, f), '{}');
    expect(expandGlob(join(dir, '*.json'))).toEqual(['x1.json', 'x2.json', 'y.json'].map((f) => join(dir, f)));
    expect(expandGlob(join(dir, 'x?.json'))).toEqual(['x1.json', 'x2.json'].map((f) => join(dir, f)));
    expect(expandGlob(join(dir, '[xy]*.json'))).toHaveLength(3);
    expect(expandGlob(join(dir, '**', '*.json'))).toEqual(['a/b/w.json', 'a/z.json', 'x1.json', 'x2.json', 'y.json'].map((f) => join(dir, f)));
    expect(expandGlob(join(dir, '.*.json'))).toEqual([join(dir, '.hidden.json')]);
    expect(expandGlob(join(dir, 'none-*.json'))).toEqual([]);
  });
});
