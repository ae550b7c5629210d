/**
 * One CSV cell as RFC 4180 writes it. Line breaks become spaces first: several LMS importers
 * split rows on any newline, quoted or not, so a cell never holds one.
 */
export function csvCell(value: string | number | boolean | undefined): string {
  const text = value === undefined ? '' : String(value).replace(/\r\n|[\r\n]/g, ' ');
  return /[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: readonly (string | number | boolean | undefined)[]): string => cells.map(csvCell).join(',');

export class CsvError extends Error {}

/**
 * Parses CSV text (RFC 4180: quoted cells, doubled quotes, CRLF or LF rows, a UTF-8 BOM as
 * spreadsheets write it). Blank lines are skipped. Throws CsvError with the line of an
 * unterminated quote.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  const input = text.replace(/^\uFEFF/, '');
  const endRow = () => {
    row.push(cell);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    cell = '';
  };
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      line++;
      endRow();
    } else cell += c;
  }
  if (quoted) throw new CsvError(`line ${quoteLine}: a quoted cell is never closed`);
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}
