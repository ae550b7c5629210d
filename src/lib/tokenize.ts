/**
 * Splits a console line into words the way a POSIX shell does before it runs `aws`
 * (POSIX.1-2017, XCU 2.2 "Quoting" and 2.3 "Token Recognition"):
 *
 *   - blanks (space, tab, newline) separate words;
 *   - '…'  keeps everything literally up to the next single quote;
 *   - "…"  keeps everything, except that a backslash escapes $ ` " \ and newline;
 *   - \c   outside quotes keeps c literally; backslash-newline joins lines;
 *   - adjacent parts join into one word: --filter 'Name=a b'"c" is two words;
 *   - '' and "" make an empty word; # at the start of a word starts a comment.
 *
 * There is no expansion ($VAR, globs, ~) and no operators (|, >, ;): awslab has no
 * shell behind the console, so those characters reach `aws` as they are typed.
 */
export class TokenizeError extends Error {
  /** 1-based column of the quote that was never closed. */
  readonly column: number;

  constructor(message: string, column: number) {
    super(message);
    this.name = 'TokenizeError';
    this.column = column;
  }
}

const BLANKS = ' \t\n';
const DOUBLE_QUOTE_ESCAPABLE = '$`"\\\n';

export function tokenize(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const char = line[i] ?? '';
    if (BLANKS.includes(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (char === '#' && !inWord) {
      break;
    } else if (char === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) throw unterminated("'", line, i);
      word += line.slice(i + 1, close);
      inWord = true;
      i = close + 1;
    } else if (char === '"') {
      const [text, next] = readDoubleQuoted(line, i);
      word += text;
      inWord = true;
      i = next;
    } else if (char === '\\') {
      const next = line[i + 1];
      if (next === undefined) word += '\\';
      else if (next !== '\n') word += next;
      inWord = inWord || (next !== '\n');
      i += 2;
    } else {
      word += char;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}

function readDoubleQuoted(line: string, open: number): [string, number] {
  let text = '';
  let i = open + 1;
  while (i < line.length) {
    const char = line[i] ?? '';
    if (char === '"') return [text, i + 1];
    if (char === '\\' && i + 1 < line.length && DOUBLE_QUOTE_ESCAPABLE.includes(line[i + 1] ?? '')) {
      if (line[i + 1] !== '\n') text += line[i + 1];
      i += 2;
    } else {
      text += char;
      i++;
    }
  }
  throw unterminated('"', line, open);
}

function unterminated(quote: string, line: string, index: number): TokenizeError {
  const column = columnOf(line, index);
  const name = quote === "'" ? 'single' : 'double';
  return new TokenizeError(`unterminated ${name} quote: the ${quote} at column ${column} is never closed`, column);
}

/** Columns count characters (code points), not UTF-16 units, so a caret lines up. */
function columnOf(line: string, index: number): number {
  return [...line.slice(0, index)].length + 1;
}
