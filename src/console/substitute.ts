/**
 * Command substitution, `$(aws …)`, as a POSIX shell does it (XCU 2.6.3): the inner line runs
 * first and its output, less trailing newlines, takes its place. Unquoted, the output is split
 * into words; inside double quotes it stays one word. Nothing is substituted inside single
 * quotes. Learners use it to feed one command's output (a version ID, say) into the next.
 */
export class SubstitutionError extends Error {}

export interface SubstitutionResult {
  line: string;
  /** What the inner commands wrote to stderr, shown before the outer command's output. */
  stderr: string;
}

const quoteWord = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
const escapeInDoubleQuotes = (text: string) => text.replace(/[\\"$`]/g, (c) => `\\${c}`);

export function substitute(line: string, run: (inner: string) => { stdout: string; stderr: string }): SubstitutionResult {
  if (!line.includes('$(')) return { line, stderr: '' };
  let out = '';
  let stderr = '';
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && quote !== "'") {
      out += c + (line[i + 1] ?? '');
      i++;
    } else if (c === "'" && quote !== '"') {
      quote = quote === "'" ? undefined : "'";
      out += c;
    } else if (c === '"' && quote !== "'") {
      quote = quote === '"' ? undefined : '"';
      out += c;
    } else if (c === '$' && line[i + 1] === '(' && quote !== "'") {
      const close = matchingParen(line, i + 1);
      const inner = run(line.slice(i + 2, close));
      stderr += inner.stderr;
      const text = inner.stdout.replace(/\n+$/, '');
      out += quote === '"' ? escapeInDoubleQuotes(text) : text.split(/\s+/).filter(Boolean).map(quoteWord).join(' ');
      i = close;
    } else {
      out += c;
    }
  }
  return { line: out, stderr };
}

function matchingParen(line: string, open: number): number {
  let depth = 0;
  let quote: '"' | "'" | undefined;
  for (let i = open; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && quote !== "'") i++;
    else if ((c === "'" || c === '"') && (quote === undefined || quote === c)) quote = quote ? undefined : c;
    else if (!quote && c === '(') depth++;
    else if (!quote && c === ')' && --depth === 0) return i;
  }
  throw new SubstitutionError(`unterminated command substitution: the $( at column ${open} has no closing )`);
}
