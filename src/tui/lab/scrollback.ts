import { visibleWidth, wrapText } from '../../lib/wrap.js';
import type { Segment } from '../widgets/segments.js';
import type { StyleName } from '../theme.js';
import { colourJsonLine, looksLikeJson } from './json-colour.js';
import type { Step } from './lab-driver.js';
import { probeRows } from './probe-path.js';

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
  /** Styled runs of `text`, for a line drawn in more than one style (a probe's path). */
  segments?: Segment[];
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
  if (step.probe?.printed === 'text') {
    // A probe is drawn from its data as a path, not shown as the text report.
    for (const segments of probeRows(step.probe)) lines.push({ kind: 'stdout', text: segments.map((s) => s.text).join(''), segments });
  } else if (step.stdout) {
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
  if (line.segments) return line.segments;
  const text = expandTabs(line.text);
  if (line.kind === 'json') return colourJsonLine(text);
  const style = STYLE[line.kind];
  return [style ? { text, style } : { text }];
}

/**
 * Cuts styled segments into rows of at most `width` columns, at spaces where it can (a long
 * word, an ID or an ARN, is cut at the width). Every character is kept but the space a full
 * row broke at; each piece keeps its segment's style.
 */
export function wrapSegments(segments: readonly Segment[], width: number): Segment[][] {
  const rowTexts = wrapText(segments.map((s) => s.text).join(''), width, { hard: true, keepSpaces: true });
  const rows: Segment[][] = [];
  let index = 0;
  let rest = segments[0]?.text ?? '';
  const skip = (count: number) => {
    rest = rest.slice(count);
    while (!rest && index < segments.length) rest = segments[++index]?.text ?? '';
  };
  rowTexts.forEach((rowText, r) => {
    const row: Segment[] = [];
    let need = rowText.length;
    // The space a full row broke at goes with neither row, as a terminal shows wrapped words.
    if (r > 0 && rowText.startsWith(' ') && visibleWidth(rowTexts[r - 1]!) >= width) {
      skip(1);
      need--;
      if (need === 0) return;
    }
    while (need > 0 && index < segments.length) {
      const take = rest.slice(0, need);
      if (take) row.push({ ...segments[index]!, text: take });
      need -= take.length;
      rest = rest.slice(take.length);
      if (!rest) rest = segments[++index]?.text ?? '';
    }
    rows.push(row);
  });
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
