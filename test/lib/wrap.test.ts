import { describe, expect, it } from 'vitest';
import { padToWidth, toWidth, visibleWidth, wrapText } from '../../src/lib/wrap.js';

const ESC = '\u001b';
const plain = (lines: string[]) => lines.map((l) => l.replace(/\u001b\[[0-9;]*m/g, ''));

describe('the one word wrap', () => {
  it('wraps on spaces and counts only visible characters', () => {
    expect(wrapText(`${ESC}[1mbold${ESC}[22m word and more`, 9)).toEqual([`${ESC}[1mbold${ESC}[22m word`, 'and more']);
  });

  it('keeps a long word whole unless asked to cut it', () => {
    expect(wrapText('a https://example.com/long', 10)).toEqual(['a', 'https://example.com/long']);
    expect(wrapText('abcdefghij', 4, { hard: true })).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('cuts a coloured word by visible characters, keeping its colour on every piece', () => {
    const yellow = (t: string) => `${ESC}[33m${t}${ESC}[39m`;
    const lines = wrapText(`${yellow('put-bucket-versioning')} ${yellow('Status=Enabled')}`, 12, { hard: true });
    expect(plain(lines)).toEqual(['put-bucket-v', 'ersioning', 'Status=Enabl', 'ed']);
    expect(lines.every((l) => l.startsWith(`${ESC}[33m`))).toBe(true);
  });

  it('counts an East Asian wide character as two columns', () => {
    const lines = wrapText('日本語 テキスト', 8, { hard: true });
    expect(lines).toEqual(['日本語', 'テキスト']);
    expect(lines.every((l) => visibleWidth(l) <= 8)).toBe(true);
    expect(wrapText('日本語テキスト', 6, { hard: true })).toEqual(['日本語', 'テキス', 'ト']);
  });

  it('keeps each paragraph break', () => {
    expect(wrapText('one\n\ntwo three', 5)).toEqual(['one', '', 'two', 'three']);
  });

  it('keeps every space when asked, so the rows join back into the text', () => {
    const text = '  indented  text here';
    const rows = wrapText(text, 8, { hard: true, keepSpaces: true });
    expect(rows.join('')).toBe(text);
    expect(rows.every((r) => visibleWidth(r) <= 8)).toBe(true);
  });

  it('ends the last kept row with an ellipsis when rows are left out', () => {
    expect(wrapText('one two three four five', 9, { maxLines: 2 })).toEqual(['one two', 'three…']);
    expect(wrapText('one two', 9, { maxLines: 2 })).toEqual(['one two']);
  });
});

describe('fitting a column', () => {
  it('pads by visible width and cuts with an ellipsis', () => {
    expect(padToWidth(`${ESC}[1mab${ESC}[22m`, 4)).toBe(`${ESC}[1mab${ESC}[22m  `);
    expect(toWidth('abcdef', 4)).toBe('abc…');
    expect(toWidth('日本語', 4)).toBe('日… ');
    expect(toWidth('ab', 4)).toBe('ab  ');
  });
});
