import { PyFloat, intStr, pythonJsonFloat, type PyValue } from '../python/builtins.js';

/**
 * `--output json`: Python's json.dump(response, indent=4, ensure_ascii=False) plus a
 * newline (awscli/formatter.py JSONFormatter). Keys keep the response's order, non-ASCII
 * text is written as is, and floats print as Python prints them (1.0, 1e-05, 1e+16).
 *
 * JavaScript's JSON.stringify with an indent of 4 writes the same separators, escapes and
 * empty [] and {} as Python's encoder, and it is native: a 5,000-item listing takes a few
 * milliseconds. A PyFloat serialises as a marker string (PyFloat.toJSON) that is then
 * replaced by Python's text; JSON.stringify escapes the marker's NUL as \u0000, and
 * escapes a backslash in any string of the data, so no string can pass for the marker.
 */
const MARKER_TEXT = '"\\u0000pyfloat:';
const MARKER_PATTERN = /"\\u0000pyfloat:([^"]*)"/g;

export function formatJson(value: PyValue): string {
  const text = JSON.stringify(value, undefined, 4) ?? 'null';
  return `${text.includes(MARKER_TEXT) ? text.replace(MARKER_PATTERN, '$1') : text}\n`;
}

/** One line, as json.dumps(value) prints a scalar (the YAML formatter's scalars). */
export function jsonScalar(value: PyValue): string {
  if (value instanceof PyFloat) return pythonJsonFloat(value.value);
  if (typeof value === 'number') return Number.isInteger(value) ? intStr(value) : pythonJsonFloat(value);
  return JSON.stringify(value) ?? 'null';
}
