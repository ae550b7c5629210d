import { WIDE_RANGES } from './east-asian-width.js';
import { FormatError } from './failures.js';
import { pyRound, pyStr } from '../python/builtins.js';

/**
 * A port of awscli/table.py's MultiTable and Section, the renderer behind `--output table`.
 * Widths are Python's: a character whose East Asian Width is W, F or A counts two columns
 * (so "é" pads as two, as the real CLI does), and column scaling rounds half to even.
 */

/** table.py get_text_length. */
export function getTextLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0xa1) {
      length += 1;
      continue;
    }
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      code = text.codePointAt(i) ?? code;
      i++;
    }
    length += isWide(code) ? 2 : 1;
  }
  return length;
}

function isWide(code: number): boolean {
  let low = 0;
  let high = WIDE_RANGES.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = WIDE_RANGES[middle * 2] as number;
    const end = WIDE_RANGES[middle * 2 + 1] as number;
    if (code < start) high = middle - 1;
    else if (code > end) low = middle + 1;
    else return true;
  }
  return false;
}


export class Section {
  title = '';
  headers: string[] = [];
  rows: string[][] = [];
  indentLevel = 0;
  private columnCount: number | undefined;
  private maxWidths: number[] = [];

  addHeader(headers: string[]): void {
    this.updateMaxWidths(headers);
    if (this.columnCount === undefined) this.columnCount = headers.length;
    this.headers = headers;
  }

  addRow(row: unknown[]): void {
    if (this.columnCount === undefined) this.columnCount = row.length;
    if (row.length !== this.columnCount) {
      throw new FormatError(`Row should have ${this.columnCount} elements, instead it has ${row.length}`);
    }
    const cells = row.map(pyStr);
    this.rows.push(cells);
    this.updateMaxWidths(cells);
  }

  /** Postcondition when maxWidth is given: the widths add up to maxWidth. */
  columnWidths(padding: number, maxWidth?: number): number[] {
    const unscaled = this.maxWidths.map((width) => width + padding);
    if (maxWidth === undefined || unscaled.length === 0) return unscaled;
    const total = unscaled.reduce((sum, width) => sum + width, 0);
    const scale = maxWidth / total;
    const scaled = unscaled.map((width) => pyRound(scale * width));
    let offBy = scaled.reduce((sum, width) => sum + width, 0) - maxWidth;
    while (offBy !== 0) {
      const order = scaled.map((_, i) => i);
      if (offBy < 0) order.reverse();
      for (const i of order) {
        if (offBy > 0) {
          scaled[i] = (scaled[i] as number) - 1;
          offBy -= 1;
        } else {
          scaled[i] = (scaled[i] as number) + 1;
          offBy += 1;
        }
        if (offBy === 0) break;
      }
    }
    return scaled;
  }

  totalWidth(padding: number, outerPadding: number): number {
    let total = 0;
    for (const width of this.maxWidths) total += width + padding;
    total += 2 + outerPadding * 2;
    return Math.max(getTextLength(this.title) + 2 + outerPadding * 2, total);
  }

  private updateMaxWidths(row: string[]): void {
    if (this.maxWidths.length === 0) {
      this.maxWidths = row.map(getTextLength);
      return;
    }
    for (let i = 0; i < row.length; i++) {
      this.maxWidths[i] = Math.max(getTextLength(row[i] as string), this.maxWidths[i] as number);
    }
  }
}

export class MultiTable {
  private readonly sections: Section[] = [];
  private current: Section | undefined;

  constructor(private readonly terminalWidth: number) {}

  newSection(title: string, indentLevel: number): void {
    this.current = new Section();
    this.current.title = title;
    this.current.indentLevel = indentLevel;
    this.sections.push(this.current);
  }

  addRowHeader(headers: string[]): void {
    this.section().addHeader(headers);
  }

  addRow(row: unknown[]): void {
    this.section().addRow(row);
  }

  render(): string {
    let maxWidth = this.maxWidth();
    if (maxWidth > this.terminalWidth) {
      convertToVerticalTable(this.sections);
      maxWidth = this.maxWidth();
    }
    let out = '-'.repeat(maxWidth) + '\n';
    for (const section of this.sections) out += renderSection(section, maxWidth);
    return out;
  }

  private section(): Section {
    if (!this.current) throw new Error('awslab internal error: table row before any section');
    return this.current;
  }

  private maxWidth(): number {
    let max = 0;
    for (const section of this.sections) max = Math.max(max, section.totalWidth(4, section.indentLevel));
    return max;
  }
}

/** A section with one row and headers turns into header/value rows when the table is too wide. */
function convertToVerticalTable(sections: Section[]): void {
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i] as Section;
    if (section.rows.length !== 1 || section.headers.length === 0) continue;
    const vertical = new Section();
    vertical.title = section.title;
    vertical.indentLevel = section.indentLevel;
    const row = section.rows[0] as string[];
    const count = Math.min(section.headers.length, row.length);
    for (let j = 0; j < count; j++) vertical.addRow([section.headers[j], row[j]]);
    sections[i] = vertical;
  }
}

/** table.py _render_section; IndentedStream adds a bar on both sides per indent level. */
function renderSection(section: Section, fullWidth: number): string {
  const bars = '|'.repeat(section.indentLevel);
  let out = '';
  const write = (line: string): void => {
    out += bars + line + bars + '\n';
  };
  const maxWidth = fullWidth - section.indentLevel * 2;
  if (section.title) {
    write(centerText(section.title, maxWidth, '|', '|'));
    if (section.headers.length === 0 && section.rows.length === 0) write(`+${dashes(maxWidth - 2)}+`);
  }
  if (section.headers.length > 0) {
    const widths = section.columnWidths(4, maxWidth);
    let line = '';
    section.headers.forEach((header, i) => {
      line += centerText(header, widths[i] ?? 0, i === 0 ? '|' : '', '|');
    });
    write(lineBreak(widths));
    write(line);
  }
  if (section.rows.length === 0) return out;
  const widths = section.columnWidths(4, maxWidth);
  if (widths.length === 0) return out;
  write(lineBreak(widths));
  for (const row of section.rows) {
    let line = '';
    for (let i = 0; i < widths.length && i < row.length; i++) {
      line += alignLeft(row[i] as string, widths[i] as number, i === 0 ? '|' : '', '|');
    }
    write(line);
  }
  write(lineBreak(widths));
  return out;
}

function lineBreak(widths: number[]): string {
  let line = '';
  widths.forEach((width, i) => {
    line += i === 0 ? `+${dashes(width - 2)}+` : `${dashes(width - 1)}+`;
  });
  return line;
}

/** table.py center_text; Python's ' ' * n is empty for n <= 0, and // floors. */
function centerText(text: string, length: number, leftEdge: string, rightEdge: string): string {
  const textLength = getTextLength(text);
  const charStart = Math.floor(length / 2) - Math.floor(textLength / 2) - 1;
  const soFar = leftEdge.length + charStart + textLength;
  const rightSpaces = length - rightEdge.length - soFar;
  return leftEdge + spaces(charStart) + text + spaces(rightSpaces) + rightEdge;
}

/** table.py align_left: two spaces of padding when the cell has room for them. */
function alignLeft(text: string, length: number, leftEdge: string, rightEdge: string): string {
  const textLength = getTextLength(text);
  const computed = textLength + 2 + leftEdge.length + rightEdge.length;
  const padding = length - computed >= 0 ? 2 : 0;
  const soFar = leftEdge.length + padding + textLength;
  return leftEdge + spaces(padding) + text + spaces(length - soFar - rightEdge.length) + rightEdge;
}

const SPACES: string[] = [];
const DASHES: string[] = [];

/** Python's ' ' * count (empty when count <= 0); the strings are reused, tables repeat them a lot. */
function spaces(count: number): string {
  if (count <= 0) return '';
  return (SPACES[count] ??= ' '.repeat(count));
}

function dashes(count: number): string {
  if (count <= 0) return '';
  return (DASHES[count] ??= '-'.repeat(count));
}
