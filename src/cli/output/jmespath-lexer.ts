import { pyStr } from '../python/builtins.js';

/** python-jmespath's lexer (jmespath/lexer.py 1.0.1), for jmespath-syntax.ts's error messages. */
export interface Token {
  type: string;
  /** What Python prints for the token's value (str() of an int, a parsed literal, ...). */
  value: string;
  start: number;
}

export class LexerError extends Error {
  constructor(readonly position: number, readonly reason: string) {
    super(reason);
  }
}

const SIMPLE_TOKENS: Record<string, string> = {
  '.': 'dot', '*': 'star', ']': 'rbracket', ',': 'comma', ':': 'colon', '@': 'current',
  '(': 'lparen', ')': 'rparen', '{': 'lbrace', '}': 'rbrace',
};
const START_IDENTIFIER = /^[A-Za-z_]$/;
const VALID_IDENTIFIER = /^[A-Za-z0-9_]$/;
const DIGIT = /^[0-9]$/;
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

export function tokenize(chars: string[]): Token[] {
  const tokens: Token[] = [];
  // lexer.py keeps its position on the last character once the input is used up.
  let position = 0;
  let currentChar: string | undefined = chars[0];
  const current = (): string | undefined => currentChar;
  const next = (): string | undefined => {
    if (position === chars.length - 1) currentChar = undefined;
    else currentChar = chars[++position];
    return currentChar;
  };
  const consumeUntil = (delimiter: string): string => {
    const start = position;
    let buffer = '';
    next();
    while (current() !== delimiter) {
      if (current() === '\\') {
        buffer += '\\';
        next();
      }
      const ch = current();
      if (ch === undefined) throw new LexerError(start, `Unclosed ${delimiter} delimiter`);
      buffer += ch;
      next();
    }
    next();
    return buffer;
  };
  const matchOrElse = (expected: string, matchType: string, elseType: string): Token => {
    const start = position;
    const first = current() as string;
    if (next() === expected) {
      next();
      return { type: matchType, value: first + expected, start };
    }
    return { type: elseType, value: first, start };
  };
  while (current() !== undefined) {
    const ch = current() as string;
    const start = position;
    if (ch in SIMPLE_TOKENS) {
      tokens.push({ type: SIMPLE_TOKENS[ch] as string, value: ch, start });
      next();
    } else if (START_IDENTIFIER.test(ch)) {
      let buffer = ch;
      while (VALID_IDENTIFIER.test(next() ?? '')) buffer += current();
      tokens.push({ type: 'unquoted_identifier', value: buffer, start });
    } else if (WHITESPACE.has(ch)) {
      next();
    } else if (ch === '[') {
      const following = next();
      if (following === ']') {
        next();
        tokens.push({ type: 'flatten', value: '[]', start });
      } else if (following === '?') {
        next();
        tokens.push({ type: 'filter', value: '[?', start });
      } else {
        tokens.push({ type: 'lbracket', value: '[', start });
      }
    } else if (ch === "'") {
      tokens.push({ type: 'literal', value: consumeUntil("'").replaceAll("\\'", "'"), start });
    } else if (ch === '|') {
      tokens.push(matchOrElse('|', 'or', 'pipe'));
    } else if (ch === '&') {
      tokens.push(matchOrElse('&', 'and', 'expref'));
    } else if (ch === '`') {
      const lexeme = consumeUntil('`').replaceAll('\\`', '`');
      tokens.push({ type: 'literal', value: literalValue(lexeme, start), start });
    } else if (DIGIT.test(ch) || ch === '-') {
      let buffer = ch;
      while (DIGIT.test(next() ?? '')) buffer += current();
      if (buffer === '-') throw new LexerError(start, "Unknown token '-'");
      tokens.push({ type: 'number', value: BigInt(buffer).toString(), start });
    } else if (ch === '"') {
      const lexeme = `"${consumeUntil('"')}"`;
      const problem = jsonStringProblem(lexeme);
      if (problem) throw new LexerError(start, problem);
      tokens.push({ type: 'quoted_identifier', value: JSON.parse(lexeme) as string, start });
    } else if (ch === '<') {
      tokens.push(matchOrElse('=', 'lte', 'lt'));
    } else if (ch === '>') {
      tokens.push(matchOrElse('=', 'gte', 'gt'));
    } else if (ch === '!') {
      tokens.push(matchOrElse('=', 'ne', 'not'));
    } else if (ch === '=') {
      if (next() === '=') {
        tokens.push({ type: 'eq', value: '==', start });
        next();
      } else {
        throw new LexerError(current() === undefined ? position : position - 1, "Unknown token '='");
      }
    } else {
      throw new LexerError(start, `Unknown token ${ch}`);
    }
  }
  tokens.push({ type: 'eof', value: '', start: chars.length });
  return tokens;
}

/** lexer.py _consume_literal: JSON, or (deprecated) the text as a JSON string. */
function literalValue(lexeme: string, start: number): string {
  try {
    return pyStr(JSON.parse(lexeme));
  } catch {
    const quoted = `"${lexeme.trimStart()}"`;
    if (jsonStringProblem(quoted) !== undefined) throw new LexerError(start, `Bad token ${lexeme}`);
    return JSON.parse(quoted) as string;
  }
}

/** The start of python's json.loads error for a one-string document (str(e).split(':')[0]). */
function jsonStringProblem(lexeme: string): string | undefined {
  for (let i = 1; i < lexeme.length - 1; i++) {
    const code = lexeme.charCodeAt(i);
    if (code < 0x20) return 'Invalid control character at';
    if (lexeme[i] === '"') return 'Extra data';
    if (lexeme[i] !== '\\') continue;
    const escape = lexeme[i + 1];
    if (escape === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(lexeme.slice(i + 2, i + 6))) return 'Invalid \\uXXXX escape';
      i += 5;
    } else if (escape !== undefined && '"\\/bfnrt'.includes(escape) && i + 1 < lexeme.length - 1) {
      i += 1;
    } else {
      return 'Invalid \\escape';
    }
  }
  return undefined;
}
