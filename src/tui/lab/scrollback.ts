import type { Segment } from '../widgets/segments.js';
import type { StyleName } from '../theme.js';
import { colourJsonLine, looksLikeJson } from './json-colour.js';
import type { Step } from './lab-driver.js';

/**
 * The console's scrollback: logical lines (one per output line), at most MAX_LINES kept.
 * Only the visible window is ever wrapped and rendered, so a long scrollback costs nothing
 * per key press.
 */
export const MAX_LINES = 5000;

export type LineKind = 'input' | 'stdout' | 'json' | 'stderr' | 'passed' | 'say' | 'hint' | 'info' | 'heading';

export interface ScrollLine {
  kind: LineKind;
  text: string;
}

const STYLE: Record<LineKind, StyleName | undefined> = {
  input: 'input',
  stdout: undefined,
  json: undefined,
  stderr: 'error',
  passed: 'pass',
  say: 'say',
  hint: 'hint',
  info: 'muted',
  heading: 'title',
};

/** Appends lines, dropping the oldest past the limit. Pure: returns a new array. */
export function appendLines(lines: readonly ScrollLine[], added: readonly ScrollLine[], max = MAX_LINES): ScrollLine[] {
  const all = lines.length + added.length > max ? [...lines.slice(Math.max(0, lines.length + added.length - max)), ...added] : [...lines, ...added];
  return all.length > max ? all.slice(all.length - max) : all;
}

const split = (text: string) => text.replace(/\n$/, '').split('\n');

/** Tabs (in --output text) to spaces at eight-column stops; other control characters dropped. */
export function expandTabs(line: string): string {
  let out = '';
  for (const ch of line) {
    if (ch === '\t') out += ' '.repeat(8 - (out.length % 8));
    else if (ch >= ' ' || ch === '\u001b') out += ch;
  }
  return out;
}

/** A message written in a YAML block: paragraphs kept, the author's line breaks inside them joined. */
export function reflow(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' '))
    .join('\n');
}

/** What one console line adds to the scrollback: the prompt and line, its output, then the lab's messages. */
export function linesForStep(step: Step, prompt = '$'): ScrollLine[] {
  const lines: ScrollLine[] = [{ kind: 'input', text: `${prompt} ${step.line}` }];
  const isHint = /^hint(\s|$)/.test(step.line.trim());
  if (step.stdout) {
    const kind: LineKind = isHint ? 'hint' : looksLikeJson(step.stdout) ? 'json' : 'stdout';
    for (const text of split(step.stdout)) lines.push({ kind, text });
  }
  if (step.stderr) for (const text of split(step.stderr)) lines.push({ kind: 'stderr', text });
  for (const message of step.messages) {
    if (message.kind === 'passed') lines.push({ kind: 'passed', text: `✔ ${message.text}` });
    else {
      const kind: LineKind = message.kind === 'say' ? 'say' : 'hint';
      split(reflow(message.text)).forEach((text, i) => lines.push({ kind, text: `${i === 0 ? '» ' : '  '}${text}` }));
    }
  }
  return lines;
}

/** Text lines in one kind (the briefing, a notice). */
export function textLines(text: string, kind: LineKind): ScrollLine[] {
  return split(text).map((t) => ({ kind, text: t }));
}

/** A logical line as styled segments. */
export function segmentsOf(line: ScrollLine): Segment[] {
  const text = expandTabs(line.text);
  if (line.kind === 'json') return colourJsonLine(text);
  const style = STYLE[line.kind];
  return [style ? { text, style } : { text }];
}

/**
 * Where the rows of a line of `chars` start when wrapped to `width`: after the last space
 * that leaves a row at least a third full, when the word after it then fits on its row;
 * else (a long word: an ID, an ARN) exactly at the width.
 */
export function rowStarts(chars: readonly string[], width: number): number[] {
  const starts = [0];
  let at = 0;
  while (chars.length - at > width) {
    let cut = at + width;
    for (let i = at + width; i > at + Math.floor(width / 3); i--) {
      if (chars[i - 1] !== ' ') continue;
      let end = i;
      while (end < chars.length && chars[end] !== ' ') end++;
      if (end - i <= width) cut = i;
      break;
    }
    starts.push(cut);
    at = cut;
  }
  return starts;
}

/** Cuts styled segments into rows of at most `width` characters, at spaces where it can. */
export function wrapSegments(segments: readonly Segment[], width: number): Segment[][] {
  const chars = segments.flatMap((s) => [...s.text]);
  const starts = rowStarts(chars, Math.max(1, width));
  const rows: Segment[][] = starts.map(() => []);
  let row = 0;
  let at = 0;
  for (const segment of segments) {
    let rest = [...segment.text];
    while (rest.length) {
      while (row + 1 < starts.length && at >= starts[row + 1]!) row++;
      const end = row + 1 < starts.length ? starts[row + 1]! : Infinity;
      const take = rest.slice(0, end - at);
      rows[row]!.push({ ...segment, text: take.join('') });
      at += take.length;
      rest = rest.slice(take.length);
    }
  }
  return rows;
}

export interface VisibleRows {
  rows: Segment[][];
  /** Logical lines below the window (0 when following the end). */
  below: number;
  /** Logical lines above the window. */
  above: number;
}

/**
 * The rows to show: walk back from `offset` lines before the end, wrapping each line, until
 * `height` rows are filled. Cost is proportional to the window, not the scrollback.
 */
export function visibleRows(lines: readonly ScrollLine[], offset: number, width: number, height: number): VisibleRows {
  const end = Math.max(0, lines.length - offset);
  const rows: Segment[][] = [];
  let index = end - 1;
  for (; index >= 0 && rows.length < height; index--) rows.unshift(...wrapSegments(segmentsOf(lines[index]!), Math.max(1, width)));
  const cut = rows.length > height ? rows.slice(rows.length - height) : rows;
  return { rows: cut, below: lines.length - end, above: index + 1 };
}

/** A scroll offset kept within the scrollback. */
export function clampOffset(offset: number, lines: number): number {
  return Math.max(0, Math.min(offset, Math.max(0, lines - 1)));
}
