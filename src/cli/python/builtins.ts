/**
 * Python's builtins as far as the AWS CLI leaks them to the learner: how `int()` and
 * `float()` parse, how `repr()`/`str()` print values (in validation messages and in text and
 * table cells), truthiness, string ordering, `round()`, and `json.dumps` (pagination tokens
 * are base64 of Python's JSON). The CLI is a Python program; its text is Python's, so ours
 * is too. One PyFloat, one repr: checked against CPython 3.11 in test/cli/python/.
 */

/**
 * A Python float that JavaScript would otherwise print as an int (`1.0`, `1e16`): parsed
 * parameters, and response members the output shape types float or double.
 */
export class PyFloat {
  constructor(readonly value: number) {}

  /** JSON.stringify writes this marker, which output/json.ts swaps for Python's json float text. */
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
  return pyFloatRepr(x);
}

/** A response value once normalised (output/shape.ts): JSON-like, floats marked. */
export type PyValue = string | number | boolean | null | PyFloat | PyValue[] | PyDict;
export interface PyDict { [key: string]: PyValue }

export function isDict(value: unknown): value is PyDict {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof PyFloat);
}

/** Not a list and not a dict: what text.py and table.py call a scalar. */
export function isScalar(value: unknown): boolean {
  return !Array.isArray(value) && !isDict(value);
}

/**
 * Dicts that came from `json.loads(..., object_pairs_hook=OrderedDict)`: Python prints
 * them as `OrderedDict([('a', 1)])`, plain (shorthand) dicts as `{'a': 1}`.
 */
export const ORDERED_DICTS = new WeakSet<object>();

/** An exception the CLI does not anticipate: Python's message, exit code 255. */
export class PythonError extends Error {}

const PY_WHITESPACE = /^[\s\u001c-\u001f\u0085]+|[\s\u001c-\u001f\u0085]+$/gu;

/**
 * Python's `int(text)` for a str, base 10: `int(' +1_000 ')` is 1000, `int('1.5')` raises.
 * (Python also accepts non-ASCII decimal digits; learners do not type them, so we don't.)
 */
export function pyInt(text: string): number {
  const stripped = text.replace(PY_WHITESPACE, '');
  const match = /^([+-]?)([0-9]+(?:_[0-9]+)*)$/.exec(stripped);
  if (!match) throw new PythonError(`invalid literal for int() with base 10: ${pyRepr(text)}`);
  const value = Number((match[2] ?? '').replace(/_/g, ''));
  return match[1] === '-' ? -value : value;
}

/** Python's `float(text)`: accepts `inf`, `nan`, `1_0.5`, surrounding whitespace. */
export function pyFloat(text: string): PyFloat {
  const stripped = text.replace(PY_WHITESPACE, '');
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(stripped);
  if (special) {
    const value = (special[2] ?? '').toLowerCase() === 'nan' ? NaN : Infinity;
    return new PyFloat(special[1] === '-' ? -value : value);
  }
  const digits = '[0-9](?:_?[0-9])*';
  const number = new RegExp(`^[+-]?(?:${digits}(?:\\.(?:${digits})?)?|\\.${digits})(?:[eE][+-]?${digits})?$`);
  if (!number.test(stripped)) throw new PythonError(`could not convert string to float: ${pyRepr(text)}`);
  return new PyFloat(Number(stripped.replace(/_/g, '')));
}

/** Python's repr of a float: shortest round-trip digits, scientific below 1e-4 and from 1e16. */
export function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa = '0', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  let body: string;
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) body = `0.${'0'.repeat(-exponent - 1)}${digits}`;
    else if (digits.length <= exponent + 1) body = `${digits}${'0'.repeat(exponent + 1 - digits.length)}.0`;
    else body = `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  } else {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const sign = exponent < 0 ? '-' : '+';
    body = `${digits[0]}${fraction}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return negative ? `-${body}` : body;
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python's `repr(str)`: single quotes unless the text has one and no double quote. */
export function pyStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\\') out += '\\\\';
    else if (char === quote) out += `\\${quote}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (char !== ' ' && (code < 0x20 || code === 0x7f || NON_PRINTABLE.test(char))) out += escapeCodePoint(code);
    else out += char;
  }
  return out + quote;
}

function escapeCodePoint(code: number): string {
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

function bytesRepr(bytes: Uint8Array): string {
  let body = '';
  const hasSingle = bytes.includes(0x27);
  const hasDouble = bytes.includes(0x22);
  const quote = hasSingle && !hasDouble ? '"' : "'";
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    if (char === '\\') body += '\\\\';
    else if (char === quote) body += `\\${quote}`;
    else if (char === '\n') body += '\\n';
    else if (char === '\r') body += '\\r';
    else if (char === '\t') body += '\\t';
    else if (byte < 0x20 || byte >= 0x7f) body += `\\x${byte.toString(16).padStart(2, '0')}`;
    else body += char;
  }
  return `b${quote}${body}${quote}`;
}

/** Python's `repr()` of a value as the CLI holds it (str, int, float, bool, None, list, dict, bytes). */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'string') return pyStringRepr(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? intStr(value) : pyFloatRepr(value);
  if (typeof value === 'bigint') return String(value);
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  if (value instanceof Uint8Array) return bytesRepr(value);
  if (value instanceof Date) return `datetime.datetime(${value.toISOString()})`;
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (ORDERED_DICTS.has(value)) {
      return entries.length === 0 ? 'OrderedDict()' : `OrderedDict([${entries.map(([k, v]) => `(${pyRepr(k)}, ${pyRepr(v)})`).join(', ')}])`;
    }
    return `{${entries.map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
  }
  return String(value);
}

/** Python's str(int) for a JavaScript number that holds an integer. */
export function intStr(n: number): string {
  return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
}

/** Python's `str()`: strings as they are, everything else as `repr()`. */
export function pyStr(value: unknown): string {
  return typeof value === 'string' ? value : pyRepr(value);
}

/** Python's type name of a value as the CLI holds it: `int`, `str`, `collections.OrderedDict`, … */
export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'bigint') return 'int';
  if (value instanceof PyFloat) return 'float';
  if (value instanceof Uint8Array) return 'bytes';
  if (value instanceof Date) return 'datetime.datetime';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return ORDERED_DICTS.has(value) ? 'collections.OrderedDict' : 'dict';
  return typeof value;
}

/** `<class 'int'>`, as `str(type(value))` prints. */
export function pyClass(value: unknown): string {
  return `<class '${pyTypeName(value)}'>`;
}

/** The short type name Python uses in AttributeError text (`'OrderedDict' object has no …`). */
export function pyShortTypeName(value: unknown): string {
  return pyTypeName(value).replace(/^.*\./, '');
}

/** Python's bool(value): the paginator's `if next_token:`, table.py's empty checks. */
export function pyTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (value instanceof PyFloat) return value.value !== 0;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof Uint8Array) return value.length > 0;
  if (typeof value === 'object' && !(value instanceof Date)) return Object.keys(value).length > 0;
  return true;
}

/** Python's `json.dumps(value)` with default settings (ensure_ascii, `, ` and `: ` separators). */
export function pyJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number') return Number.isInteger(value) ? intStr(value) : jsonFloat(value);
  if (typeof value === 'bigint') return String(value);
  if (value instanceof PyFloat) return jsonFloat(value.value);
  if (typeof value === 'string') return jsonString(value);
  if (Array.isArray(value)) return `[${value.map(pyJsonDumps).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${jsonString(k)}: ${pyJsonDumps(v)}`).join(', ')}}`;
  }
  return jsonString(String(value));
}

function jsonFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  return pyFloatRepr(value);
}

function jsonString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const char = text[i] ?? '';
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (char === '\b') out += '\\b';
    else if (char === '\f') out += '\\f';
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

/** Python's `base64.b64decode(text)` (non-validating: skips characters outside the alphabet). */
export function pyB64Decode(text: string): Uint8Array {
  const data = text.replace(/[^A-Za-z0-9+/=]/g, '');
  const body = data.replace(/=+$/, '');
  if (/=/.test(body)) throw new PythonError('Incorrect padding');
  const remainder = body.length % 4;
  if (remainder === 1) {
    throw new PythonError(`Invalid base64-encoded string: number of data characters (${body.length}) cannot be 1 more than a multiple of 4`);
  }
  const padding = data.length - body.length;
  if (remainder !== 0 && padding < 4 - remainder) throw new PythonError('Incorrect padding');
  return new Uint8Array(Buffer.from(body, 'base64'));
}

/** Strict UTF-8 decoding, as Python's `bytes.decode('utf-8')`; undefined when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
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
