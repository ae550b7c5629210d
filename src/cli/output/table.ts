import { MultiTable } from './table-render.js';
import { isDict, isScalar, pyTruthy, sortedKeys, type PyDict, type PyValue } from '../python/builtins.js';

/**
 * `--output table`: a port of awscli/formatter.py TableFormatter, which builds the table
 * from the data alone (no model): the title is the operation name; a dict's scalars make
 * one row under their sorted keys (a single scalar makes a key|value row); each list or
 * dict member becomes a sub-table one level deeper; a list of dicts gets a column per
 * scalar key found in any element. A falsy result (null, {}, [], "", 0, false) prints
 * nothing. The table is rendered for `columns` (the terminal width); past it, single-row
 * sections are turned into key/value rows.
 */
export function formatTable(title: string, value: PyValue, columns: number): string {
  const table = new MultiTable(columns);
  if (!buildTable(table, title, value, 0)) return '';
  return table.render();
}

function buildTable(table: MultiTable, title: string | undefined, current: PyValue, indentLevel: number): boolean {
  if (!pyTruthy(current)) return false;
  if (title !== undefined) table.newSection(title, indentLevel);
  if (Array.isArray(current)) {
    if (isDict(current[0])) {
      buildSubTableFromList(table, current, indentLevel, title);
    } else {
      for (const item of current) {
        if (isScalar(item)) table.addRow([item]);
        else if (elements(item).every(isScalar)) table.addRow(elements(item));
        else buildTable(table, undefined, item, 0);
      }
    }
  }
  if (isDict(current)) buildSubTableFromDict(table, current, indentLevel);
  return true;
}

/** What Python's iteration yields: a list's items, a dict's keys. */
function elements(item: PyValue): PyValue[] {
  return Array.isArray(item) ? item : Object.keys(item as PyDict);
}

function buildSubTableFromDict(table: MultiTable, current: PyDict, indentLevel: number): void {
  const [headers, more] = groupScalarKeys(current);
  if (headers.length === 1) {
    const key = headers[0] as string;
    table.addRow([key, current[key]]);
  } else if (headers.length > 0) {
    table.addRowHeader(headers);
    table.addRow(headers.map((key) => current[key]));
  }
  for (const key of more) buildTable(table, key, current[key] as PyValue, indentLevel + 1);
}

function buildSubTableFromList(table: MultiTable, current: PyValue[], indentLevel: number, title: string | undefined): void {
  const headerSet = new Set<string>();
  const moreSet = new Set<string>();
  for (const item of current) {
    const [headers, more] = groupScalarKeys(item as PyDict);
    for (const key of headers) headerSet.add(key);
    for (const key of more) moreSet.add(key);
  }
  const headers = sortedKeys(headerSet);
  const more = sortedKeys(moreSet);
  table.addRowHeader(headers);
  let first = true;
  for (const element of current as PyDict[]) {
    if (!first && more.length > 0) {
      table.newSection(title ?? '', indentLevel);
      table.addRowHeader(headers);
    }
    first = false;
    table.addRow(headers.map((key) => (key in element ? element[key] : '')));
    for (const key of more) {
      if (key in element) buildTable(table, key, element[key] as PyValue, indentLevel + 1);
    }
  }
}

function groupScalarKeys(current: PyDict): [string[], string[]] {
  const headers: string[] = [];
  const more: string[] = [];
  for (const key of Object.keys(current)) {
    if (isScalar(current[key])) headers.push(key);
    else more.push(key);
  }
  return [sortedKeys(headers), sortedKeys(more)];
}
