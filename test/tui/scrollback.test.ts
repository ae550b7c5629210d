import { describe, expect, it } from 'vitest';
import { colourJsonLine, looksLikeJson } from '../../src/tui/lab/json-colour.js';
import { appendLines, expandTabs, linesForStep, MAX_LINES, reflow, visibleRows, wrapSegments, type ScrollLine } from '../../src/tui/lab/scrollback.js';

const many = (n: number): ScrollLine[] => Array.from({ length: n }, (_, i) => ({ kind: 'stdout', text: `line ${i + 1}` }));

describe('the scrollback', () => {
  it(`keeps the last ${MAX_LINES} lines`, () => {
    const lines = appendLines(many(MAX_LINES), many(3));
    expect(lines).toHaveLength(MAX_LINES);
    expect(lines[lines.length - 1]!.text).toBe('line 3');
    expect(lines[0]!.text).toBe('line 4');
  });

  it('renders only the window: the last rows, or rows further back', () => {
    const lines = many(MAX_LINES);
    expect(visibleRows(lines, 0, 40, 3).rows.map((r) => r[0]!.text)).toEqual(['line 4998', 'line 4999', 'line 5000']);
    const back = visibleRows(lines, 100, 40, 2);
    expect(back.rows.map((r) => r[0]!.text)).toEqual(['line 4899', 'line 4900']);
    expect(back.below).toBe(100);
  });

  it('wraps long lines to the width, keeping the styles of each piece', () => {
    const rows = wrapSegments([{ text: 'abcdef', style: 'json-key' }, { text: 'gh' }], 4);
    expect(rows).toEqual([[{ text: 'abcd', style: 'json-key' }], [{ text: 'ef', style: 'json-key' }, { text: 'gh' }]]);
    expect(visibleRows([{ kind: 'stdout', text: 'x'.repeat(10) }], 0, 4, 2).rows).toHaveLength(2);
  });

  it('turns a line run into prompt, output, errors and the lab messages', () => {
    const lines = linesForStep({ line: 'aws s3api list-buckets', exitCode: 0, stdout: '{\n    "Buckets": []\n}\n', stderr: '', messages: [{ kind: 'passed', text: 'Task passed: X' }, { kind: 'say', text: 'Line one\nline two.' }] });
    expect(lines).toEqual([
      { kind: 'input', text: '$ aws s3api list-buckets' },
      { kind: 'json', text: '{' },
      { kind: 'json', text: '    "Buckets": []' },
      { kind: 'json', text: '}' },
      { kind: 'passed', text: '✔ Task passed: X' },
      { kind: 'say', text: '» Line one line two.' },
    ]);
  });

  it('expands tabs of --output text and joins a YAML block message into paragraphs', () => {
    expect(expandTabs('a\tb')).toBe('a       b');
    expect(reflow('one\ntwo\n\nthree\n')).toBe('one two\nthree');
  });
});

describe('JSON colours', () => {
  it('styles keys, strings, numbers and literals', () => {
    expect(colourJsonLine('    "Size": 58, "On": true, "Name": "x"')).toEqual([
      { text: '    ' },
      { text: '"Size"', style: 'json-key' },
      { text: ':', style: 'json-punct' },
      { text: ' ' },
      { text: '58', style: 'json-number' },
      { text: ',', style: 'json-punct' },
      { text: ' ' },
      { text: '"On"', style: 'json-key' },
      { text: ':', style: 'json-punct' },
      { text: ' ' },
      { text: 'true', style: 'json-literal' },
      { text: ',', style: 'json-punct' },
      { text: ' ' },
      { text: '"Name"', style: 'json-key' },
      { text: ':', style: 'json-punct' },
      { text: ' ' },
      { text: '"x"', style: 'json-string' },
    ]);
  });

  it('colours only output that is JSON', () => {
    expect(looksLikeJson('{"a": 1}\n')).toBe(true);
    expect(looksLikeJson('2025-01-06 09:00:00 reports\n')).toBe(false);
    expect(looksLikeJson('[not json')).toBe(false);
  });
});

describe('wrapping', () => {
  it('breaks at spaces, but cuts a word too long for any row where it stands', () => {
    const rows = (text: string, width: number) => wrapSegments([{ text }], width).map((r) => r.map((s) => s.text).join(''));
    expect(rows('aaa bbb ccc', 8)).toEqual(['aaa bbb ', 'ccc']);
    expect(rows('"ID": "0123456789abcdef"', 12)).toEqual(['"ID": "01234', '56789abcdef"']);
    // A word that fills its row exactly: the next row starts with the next word, not the space.
    expect(rows('Type tasks to see hint when stuck', 17)).toEqual(['Type tasks to see', 'hint when stuck']);
    expect(rows('abcd efgh', 4)).toEqual(['abcd', 'efgh']);
    // Wide characters take two columns.
    expect(rows('日本語のテキスト', 6)).toEqual(['日本語', 'のテキ', 'スト']);
  });
});
