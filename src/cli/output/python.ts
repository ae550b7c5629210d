/**
 * The AWS CLI is Python: its formatters print values with Python's str() and repr(), sort
 * keys by code point, and test truthiness the Python way. These helpers give the same
 * answers for the JSON-like values a response holds once it is normalised (see shape.ts).
 */

/** A value the output shape types float or double: Python prints 1.0 where JavaScript prints 1. */
export class PyFloat {
  constructor(readonly value: number) {}

  /** JSON.stringify writes this marker, which json.ts swaps for Python's json float text. */
  toJSON(): string {
    return FLOAT_MARKER + pythonJsonFloat(this.value);
  }
}

export const FLOAT_MARKER = '\u0000pyfloat:';

/** Python's json module writes NaN and Infinity bare, and other floats with repr(). */
export function pythonJsonFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return floatRepr(x);
}

export type PyValue = string | number | boolean | null | PyFloat | PyValue[] | PyDict;
export interface PyDict { [key: string]: PyValue }

export function isDict(value: unknown): value is PyDict {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof PyFloat);
}

/** Not a list and not a dict: what text.py and table.py call a scalar. */
export function isScalar(value: unknown): boolean {
  return !Array.isArray(value) && !isDict(value);
}

/** The name Python gives the value's type in an error message. */
export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'str';
  if (value instanceof PyFloat) return 'float';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return Array.isArray(value) ? 'list' : 'dict';
}

/** Python's bool(value). */
export function isTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '' || value === 0) return false;
  if (value instanceof PyFloat) return value.value !== 0;
  if (Array.isArray(value)) return value.length > 0;
  if (isDict(value)) {
    for (const _key in value) return true;
    return false;
  }
  return true;
}

/** Python's repr(float): the shortest round-trip digits, fixed notation for 1e-4 <= |x| < 1e16. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa = '', exponentText = '0'] = x.toExponential().split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const exponent = Number(exponentText);
  let body: string;
  if (exponent < -4 || exponent >= 16) {
    body = exponentForm(digits, exponent);
  } else if (exponent >= digits.length - 1) {
    body = `${digits}${'0'.repeat(exponent - digits.length + 1)}.0`;
  } else if (exponent >= 0) {
    body = `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  } else {
    body = `0.${'0'.repeat(-exponent - 1)}${digits}`;
  }
  return negative ? `-${body}` : body;
}

function exponentForm(digits: string, exponent: number): string {
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const sign = exponent < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** Python's str(int) for a JavaScript number that holds an integer. */
export function intStr(n: number): string {
  return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
}

/** Python's str(value), which text and table output use for every scalar. */
export function pyStr(value: unknown): string {
  if (typeof value === 'string') return value;
  return pyRepr(value);
}

/** Python's repr(value), for the rare container that ends up in a text or table cell. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? intStr(value) : floatRepr(value);
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (typeof value === 'string') return stringRepr(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (isDict(value)) {
    return `{${Object.keys(value).map((key) => `${stringRepr(key)}: ${pyRepr(value[key])}`).join(', ')}}`;
  }
  return String(value);
}

function stringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/** Python's string ordering: by code point (JavaScript's < compares UTF-16 code units). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (U+D800-DFFF) encode code points above U+FFFF: move them above U+E000-FFFF.
    if (x >= 0xd800) x += x < 0xe000 ? 0x2000 : -0x800;
    if (y >= 0xd800) y += y < 0xe000 ? 0x2000 : -0x800;
    return x - y;
  }
  return a.length - b.length;
}

const ABOVE_SURROGATES = /[\ud800-\uffff]/;

export function sortedKeys(keys: Iterable<string>): string[] {
  const list = [...keys];
  // UTF-16 order is code point order unless a key holds a surrogate or U+E000 and above.
  return list.some((key) => ABOVE_SURROGATES.test(key)) ? list.sort(compareCodePoints) : list.sort();
}

/** Python's round() (half to even), which table.py uses to scale column widths. */
export function pyRound(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
