import type { Segment } from '../widgets/segments.js';

/**
 * Colours one line of the aws CLI's JSON output (pretty-printed, so no string spans two
 * lines): keys, strings, numbers and literals each get a style. Anything that does not
 * look like JSON is left plain.
 */
const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b|([{}[\],])/g;

export function colourJsonLine(line: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of line.matchAll(TOKEN)) {
    const at = match.index;
    if (at > last) segments.push({ text: line.slice(last, at) });
    const [whole, string, colon, number, literal] = match;
    if (string !== undefined) {
      segments.push({ text: string, style: colon ? 'json-key' : 'json-string' });
      if (colon) segments.push({ text: colon, style: 'json-punct' });
    } else if (number !== undefined) segments.push({ text: number, style: 'json-number' });
    else if (literal !== undefined) segments.push({ text: literal, style: 'json-literal' });
    else segments.push({ text: whole, style: 'json-punct' });
    last = at + whole.length;
  }
  if (last < line.length) segments.push({ text: line.slice(last) });
  return segments;
}

/** Output is JSON when it parses as a JSON object or array (the CLI's default output). */
export function looksLikeJson(text: string): boolean {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}
