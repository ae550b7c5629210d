import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/**
 * The one word wrap: greedy, at spaces, measuring what a terminal shows (escape codes take no
 * columns, East Asian wide characters and most emoji take two). Every screen and printout
 * wraps through here; only the CLI's byte-exact port of Python's textwrap stays apart.
 */
export interface WrapOptions {
  /** Cut a word longer than the width into rows of its own (a table cell) instead of letting it stand out past it (a URL). */
  hard?: boolean;
  /** Keep every space, so that the rows joined give back the text (the console's scrollback). */
  keepSpaces?: boolean;
  /** Keep at most this many rows, the last ending with an ellipsis when text was left out. */
  maxLines?: number;
}

/** Columns the text takes in a terminal. */
export function visibleWidth(text: string): number {
  return stringWidth(text);
}

/** The rows of `text` wrapped to `width` columns; each `\n` starts a new row. */
export function wrapText(text: string, width: number, { hard = false, keepSpaces = false, maxLines = Infinity }: WrapOptions = {}): string[] {
  const columns = Math.max(1, width);
  // A long word cut by wrap-ansi's hard mode fills the row it starts on: right for the console's
  // scrollback (as a terminal shows it), hard to read in a cell, where it gets rows of its own.
  const rows = hard && !keepSpaces
    ? wrapAnsi(text, columns, { trim: true }).split('\n').flatMap((row) => (stringWidth(row) > columns ? wrapAnsi(row, columns, { hard: true }).split('\n') : [row]))
    : wrapAnsi(text, columns, { hard, trim: !keepSpaces }).split('\n');
  if (rows.length <= maxLines) return rows;
  const kept = rows.slice(0, Math.max(1, maxLines));
  kept[kept.length - 1] = `${fitWidth(kept[kept.length - 1]!, columns - 1)}…`;
  return kept;
}

/** The longest start of `text` that fits in `width` columns. */
export function fitWidth(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  return width <= 0 ? '' : wrapAnsi(text, width, { hard: true, trim: false, wordWrap: false }).split('\n')[0]!;
}

/** `text` padded with spaces to `width` columns (never cut). */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** `text` in exactly `width` columns: padded with spaces, or cut and ended with an ellipsis. */
export function toWidth(text: string, width: number): string {
  return stringWidth(text) > width ? padToWidth(`${fitWidth(text, width - 1)}…`, width) : padToWidth(text, width);
}
