import { PyFloat } from './python/builtins.js';

/**
 * botocore's parse_to_aware_datetime (botocore/utils.py), which decides whether a
 * timestamp parameter is valid: epoch seconds (a number or a numeric string), or a
 * date dateutil can read, UTC when no zone is given. dateutil reads almost anything;
 * we accept the forms people type: ISO 8601, RFC 1123, `2025/01/06`, `Jan 6 2025`.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function parseTimestamp(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value === 'number' || typeof value === 'boolean') return fromEpoch(Number(value));
  if (value instanceof PyFloat) return fromEpoch(value.value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return fromEpoch(Number(text));
  return parseIso(text) ?? parseWords(text);
}

function fromEpoch(seconds: number): Date | undefined {
  if (!Number.isFinite(seconds)) return undefined;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function build(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0, offsetMinutes = 0): Date | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const date = new Date(utc - offsetMinutes * 60_000);
  // Reject 31 February and friends, as datetime() does.
  if (new Date(utc).getUTCDate() !== day) return undefined;
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function zoneOffset(zone: string | undefined): number | undefined {
  if (!zone || /^(z|utc|gmt)$/i.test(zone)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

function fraction(text: string | undefined): number {
  return text ? Math.floor(Number(`0.${text}`) * 1000) : 0;
}

const ISO =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2})?$/i;

function parseIso(text: string): Date | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const offset = zoneOffset(m[8]);
  if (offset === undefined) return undefined;
  return build(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), fraction(m[7]), offset);
}

/** RFC 1123 and other word forms: "Mon, 06 Jan 2025 09:00:00 GMT", "Jan 6 2025", "2025/01/06 10:00". */
function parseWords(text: string): Date | undefined {
  const tokens = text.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  let time = [0, 0, 0, 0];
  let offset = 0;
  for (const token of tokens) {
    const lower = token.toLowerCase();
    const monthIndex = MONTHS.findIndex((m) => lower.startsWith(m));
    const slash = /^(\d{1,4})\/(\d{1,2})\/(\d{1,4})$/.exec(token);
    const clock = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/.exec(token);
    if (/^(mon|tue|wed|thu|fri|sat|sun)/.test(lower) && monthIndex < 0) continue;
    if (monthIndex >= 0 && /^[a-z]+\.?$/.test(lower)) month = monthIndex + 1;
    else if (slash) {
      const [a, b, c] = [Number(slash[1]), Number(slash[2]), Number(slash[3])];
      if ((slash[1] ?? '').length === 4) [year, month, day] = [a, b, c];
      else [month, day, year] = [a, b, c < 100 ? 2000 + c : c];
    } else if (clock) time = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0), fraction(clock[4])];
    else if (/^\d{4}$/.test(token)) year = Number(token);
    else if (/^\d{1,2}$/.test(token)) day = Number(token);
    else {
      const zone = zoneOffset(token);
      if (zone === undefined) return undefined;
      offset = zone;
    }
  }
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const [hour = 0, minute = 0, second = 0, ms = 0] = time;
  return build(year, month, day, hour, minute, second, ms, offset);
}
