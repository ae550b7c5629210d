/** One console line of a script, with the line number it starts on (for messages). */
export interface ScriptLine {
  readonly lineNumber: number;
  readonly text: string;
}

export class ScriptError extends Error {}

/** Scripts larger than this are refused: a console script is typed by a person, not generated data. */
export const MAX_SCRIPT_BYTES = 4 * 1024 * 1024;

/**
 * Splits a script into console lines. A line ending in a backslash continues on the next
 * line, as in a shell script, so long aws commands can be wrapped.
 */
export function splitScript(text: string): ScriptLine[] {
  const lines = text.split('\n');
  const out: ScriptLine[] = [];
  let pending: ScriptLine | undefined;
  lines.forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const continues = /(^|[^\\])(\\\\)*\\$/.test(line);
    const body = continues ? line.slice(0, -1) : line;
    pending = pending ? { lineNumber: pending.lineNumber, text: `${pending.text}${body}` } : { lineNumber: index + 1, text: body };
    if (!continues) {
      out.push(pending);
      pending = undefined;
    }
  });
  if (pending) out.push(pending);
  if (out.length && out[out.length - 1]!.text === '' && text.endsWith('\n')) out.pop();
  return out;
}

/** Decodes script bytes, refusing what is not a text file with a message that says why. */
export function decodeScript(bytes: Uint8Array, name: string): string {
  if (bytes.byteLength > MAX_SCRIPT_BYTES) {
    throw new ScriptError(`${name} is ${bytes.byteLength} bytes; a script may be at most ${MAX_SCRIPT_BYTES} bytes`);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new ScriptError(`${name} is not a text file (byte ${nul} is NUL); a script holds one console line per line`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ScriptError(`${name} is not valid UTF-8 text; save it as UTF-8`);
  }
}
