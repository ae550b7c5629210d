import { ORDERED_DICTS, PyFloat, PythonError } from './builtins.js';

/**
 * `json.loads(text, object_pairs_hook=OrderedDict)` as the AWS CLI calls it for JSON
 * parameter values: a port of CPython 3.11's json/decoder.py and json/scanner.py (with the
 * C scanner's wording and positions where they differ), so a
 * learner's malformed JSON gets Python's exact message ("Expecting ',' delimiter: line 1
 * column 10 (char 9)"). Floats come back as PyFloat so validation messages can say
 * `<class 'float'>`; objects are marked as OrderedDicts for the same reason.
 */
export class JsonDecodeError extends Error {
  /** `pos` counts UTF-16 units; Python's positions count characters, so the message does. */
  constructor(readonly msg: string, readonly doc: string, readonly pos: number) {
    const before = doc.slice(0, pos);
    const lines = before.split('\n');
    const char = [...before].length;
    const column = [...(lines[lines.length - 1] ?? '')].length + 1;
    super(`${msg}: line ${lines.length} column ${column} (char ${char})`);
  }
}

/** Thrown internally when no value starts at `index` (Python's StopIteration). */
class NoValue {
  constructor(readonly index: number) {}
}

const WS = ' \t\n\r';
// CPython's recursion limit is 1000 frames; its C scanner gives up at about this depth.
const MAX_DEPTH = 990;
const BACKSLASH: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;

export function pyJsonLoads(text: string): unknown {
  if (text.startsWith('\ufeff')) throw new JsonDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', text, 0);
  const parser = new Parser(text);
  const start = parser.skipWhitespace(0);
  let value: unknown;
  let end: number;
  try {
    [value, end] = parser.scanOnce(start, 0);
  } catch (error) {
    if (error instanceof NoValue) throw new JsonDecodeError('Expecting value', text, error.index);
    throw error;
  }
  end = parser.skipWhitespace(end);
  if (end !== text.length) throw new JsonDecodeError('Extra data', text, end);
  return value;
}

class Parser {
  constructor(private readonly s: string) {}

  skipWhitespace(index: number): number {
    let i = index;
    while (i < this.s.length && WS.includes(this.s[i] ?? '')) i++;
    return i;
  }

  private at(index: number): string {
    return this.s.slice(index, index + 1);
  }

  scanOnce(idx: number, depth: number): [unknown, number] {
    const s = this.s;
    if (idx >= s.length) throw new NoValue(idx);
    const next = s[idx];
    if (next === '"') return this.scanString(idx + 1);
    if (next === '{') return this.parseObject(idx + 1, depth + 1);
    if (next === '[') return this.parseArray(idx + 1, depth + 1);
    if (next === 'n' && s.startsWith('null', idx)) return [null, idx + 4];
    if (next === 't' && s.startsWith('true', idx)) return [true, idx + 4];
    if (next === 'f' && s.startsWith('false', idx)) return [false, idx + 5];
    NUMBER.lastIndex = idx;
    const match = NUMBER.exec(s);
    if (match) {
      const [whole, integer = '', frac, exp] = match;
      if (frac || exp) return [new PyFloat(Number(integer + (frac ?? '') + (exp ?? ''))), idx + whole.length];
      // Python ints are unbounded: keep the digits of one past 2^53 as a bigint.
      const value = Number(integer);
      return [Number.isSafeInteger(value) ? value : BigInt(integer), idx + whole.length];
    }
    if (next === 'N' && s.startsWith('NaN', idx)) return [new PyFloat(NaN), idx + 3];
    if (next === 'I' && s.startsWith('Infinity', idx)) return [new PyFloat(Infinity), idx + 8];
    if (next === '-' && s.startsWith('-Infinity', idx)) return [new PyFloat(-Infinity), idx + 9];
    throw new NoValue(idx);
  }

  private checkDepth(depth: number, kind: string): void {
    if (depth > MAX_DEPTH) throw new PythonError(`maximum recursion depth exceeded while decoding a JSON ${kind} from a unicode string`);
  }

  scanString(startEnd: number): [string, number] {
    const s = this.s;
    const begin = startEnd - 1;
    let end = startEnd;
    let out = '';
    for (;;) {
      let i = end;
      while (i < s.length && !isTerminator(s.charCodeAt(i))) i++;
      if (i >= s.length) throw new JsonDecodeError('Unterminated string starting at', s, begin);
      out += s.slice(end, i);
      const terminator = s[i] ?? '';
      end = i + 1;
      if (terminator === '"') break;
      // CPython's C scanner (the one json.loads uses) words these two errors without the character.
      if (terminator !== '\\') throw new JsonDecodeError('Invalid control character at', s, i);
      if (end >= s.length) throw new JsonDecodeError('Unterminated string starting at', s, begin);
      const esc = s[end] ?? '';
      if (esc !== 'u') {
        const char = BACKSLASH[esc];
        if (char === undefined) throw new JsonDecodeError('Invalid \\escape', s, end - 1);
        out += char;
        end += 1;
        continue;
      }
      let uni = this.decodeUXXXX(end);
      end += 5;
      if (uni >= 0xd800 && uni <= 0xdbff && s.startsWith('\\u', end)) {
        const uni2 = this.decodeUXXXX(end + 1);
        if (uni2 >= 0xdc00 && uni2 <= 0xdfff) {
          uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00));
          end += 6;
        }
      }
      out += String.fromCodePoint(uni);
    }
    return [out, end];
  }

  private decodeUXXXX(pos: number): number {
    const esc = this.s.slice(pos + 1, pos + 5);
    if (esc.length === 4 && /^[0-9a-fA-F]{4}$/.test(esc)) return parseInt(esc, 16);
    throw new JsonDecodeError('Invalid \\uXXXX escape', this.s, pos);
  }

  private parseObject(start: number, depth: number): [Record<string, unknown>, number] {
    this.checkDepth(depth, 'object');
    const s = this.s;
    const result: Record<string, unknown> = {};
    ORDERED_DICTS.add(result);
    let end = start;
    let next = this.at(end);
    if (next !== '"') {
      if (next !== '' && WS.includes(next)) {
        end = this.skipWhitespace(end);
        next = this.at(end);
      }
      if (next === '}') return [result, end + 1];
      if (next !== '"') throw new JsonDecodeError('Expecting property name enclosed in double quotes', s, end);
    }
    end += 1;
    for (;;) {
      let key: string;
      [key, end] = this.scanString(end);
      if (this.at(end) !== ':') {
        end = this.skipWhitespace(end);
        if (this.at(end) !== ':') throw new JsonDecodeError("Expecting ':' delimiter", s, end);
      }
      end = this.skipWhitespace(end + 1);
      let value: unknown;
      [value, end] = this.scanValue(end, depth);
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      end = this.skipWhitespace(end);
      next = this.at(end);
      end += 1;
      if (next === '}') break;
      if (next !== ',') throw new JsonDecodeError("Expecting ',' delimiter", s, end - 1);
      end = this.skipWhitespace(end);
      next = this.at(end);
      end += 1;
      if (next !== '"') throw new JsonDecodeError('Expecting property name enclosed in double quotes', s, end - 1);
    }
    return [result, end];
  }

  /** A value inside an object or array, where a missing one is "Expecting value" at its position. */
  private scanValue(idx: number, depth: number): [unknown, number] {
    try {
      return this.scanOnce(idx, depth);
    } catch (error) {
      if (error instanceof NoValue) throw new JsonDecodeError('Expecting value', this.s, error.index);
      throw error;
    }
  }

  private parseArray(start: number, depth: number): [unknown[], number] {
    this.checkDepth(depth, 'array');
    const s = this.s;
    const values: unknown[] = [];
    let end = this.skipWhitespace(start);
    if (this.at(end) === ']') return [values, end + 1];
    for (;;) {
      let value: unknown;
      [value, end] = this.scanValue(end, depth);
      values.push(value);
      end = this.skipWhitespace(end);
      const next = this.at(end);
      end += 1;
      if (next === ']') break;
      if (next !== ',') throw new JsonDecodeError("Expecting ',' delimiter", s, end - 1);
      end = this.skipWhitespace(end);
    }
    return [values, end];
  }
}

function isTerminator(code: number): boolean {
  return code === 0x22 || code === 0x5c || code <= 0x1f;
}
