import { LexerError, tokenize, type Token } from './jmespath-lexer.js';

/**
 * python-jmespath's Pratt parser (jmespath/parser.py 1.0.1) over its lexer, ported
 * only to reject a bad expression with the exact error the AWS CLI prints: the message,
 * the column, the offending token and its type. It builds no tree; the jmespath package
 * evaluates the expressions this accepts.
 */

class ParseError extends Error {
  constructor(readonly position: number, readonly tokenValue: string, readonly tokenType: string, readonly reason: string) {
    super(reason);
  }
}
class IncompleteExpressionError extends Error {}

/** The CLI's error text for an expression python-jmespath cannot compile, or undefined. */
export function parseErrorMessage(expression: string): string | undefined {
  if (expression === '') return 'Invalid JMESPath expression: cannot be empty.';
  const chars = Array.from(expression);
  try {
    new Parser(tokenize(chars)).parse();
    return undefined;
  } catch (error) {
    if (error instanceof LexerError) {
      return `Bad jmespath expression: ${error.reason}:\n${expression}\n${' '.repeat(error.position)}^`;
    }
    if (error instanceof IncompleteExpressionError) {
      return `Invalid jmespath expression: Incomplete expression:\n"${expression}"\n${' '.repeat(chars.length + 1)}^`;
    }
    if (error instanceof ParseError) {
      return `${error.reason}: Parse error at column ${error.position}, token "${error.tokenValue}" ` +
        `(${error.tokenType.toUpperCase()}), for expression:\n"${expression}"\n${' '.repeat(error.position + 1)}^`;
    }
    throw error;
  }
}

const BINDING_POWER: Record<string, number> = {
  eof: 0, unquoted_identifier: 0, quoted_identifier: 0, literal: 0, rbracket: 0, rparen: 0, comma: 0,
  rbrace: 0, number: 0, current: 0, expref: 0, colon: 0, pipe: 1, or: 2, and: 3, eq: 5, gt: 5, lt: 5,
  gte: 5, lte: 5, ne: 5, flatten: 9, star: 20, filter: 21, dot: 40, not: 45, lbrace: 50, lbracket: 55,
  lparen: 60,
};
const PROJECTION_STOP = 10;
const LED_TOKENS = new Set(['dot', 'pipe', 'or', 'and', 'lparen', 'filter', 'eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'flatten', 'lbracket']);

/** The node kinds the parser's decisions depend on. */
type Node = 'field' | 'subexpression' | 'index_expression' | 'other';

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): void {
    this.expression(0);
    if (this.current() !== 'eof') {
      const token = this.token(0);
      throw new ParseError(token.start, token.value, token.type, `Unexpected token: ${token.value}`);
    }
  }

  private token(offset: number): Token {
    const token = this.tokens[this.index + offset];
    if (!token) throw new ParseError(0, '', 'eof', 'invalid token');
    return token;
  }

  private current(): string {
    return this.token(0).type;
  }

  private advance(): void {
    this.index += 1;
  }

  private expression(bindingPower: number): Node {
    const left = this.token(0);
    this.advance();
    let node = this.nud(left);
    let current = this.current();
    while (bindingPower < (BINDING_POWER[current] ?? 0)) {
      if (!LED_TOKENS.has(current)) this.fail(this.token(0), 'invalid token');
      this.advance();
      node = this.led(current, node);
      current = this.current();
    }
    return node;
  }

  private nud(token: Token): Node {
    switch (token.type) {
      case 'literal':
      case 'current':
        return 'other';
      case 'unquoted_identifier':
        return 'field';
      case 'quoted_identifier':
        if (this.current() === 'lparen') {
          const next = this.token(0);
          throw new ParseError(0, next.value, next.type, 'Quoted identifier not allowed for function names.');
        }
        return 'field';
      case 'star':
        if (this.current() !== 'rbracket') this.projectionRhs(BINDING_POWER.star as number);
        return 'other';
      case 'filter':
        return this.led('filter', 'other');
      case 'lbrace':
        this.multiSelectHash();
        return 'other';
      case 'lparen':
        this.expression(0);
        this.match('rparen');
        return 'other';
      case 'flatten':
        this.projectionRhs(BINDING_POWER.flatten as number);
        return 'other';
      case 'not':
        this.expression(BINDING_POWER.not as number);
        return 'other';
      case 'lbracket':
        return this.nudLbracket();
      case 'expref':
        this.expression(BINDING_POWER.expref as number);
        return 'other';
      default:
        if (token.type === 'eof') throw new IncompleteExpressionError();
        return this.fail(token, 'invalid token');
    }
  }

  private nudLbracket(): Node {
    const current = this.current();
    if (current === 'number' || current === 'colon') {
      return this.projectIfSlice(this.indexExpression());
    }
    if (current === 'star' && this.token(1).type === 'rbracket') {
      this.advance();
      this.advance();
      this.projectionRhs(BINDING_POWER.star as number);
      return 'other';
    }
    this.multiSelectList();
    return 'other';
  }

  private led(type: string, left: Node): Node {
    switch (type) {
      case 'dot':
        if (this.current() !== 'star') {
          this.dotRhs(BINDING_POWER.dot as number);
          return 'subexpression';
        }
        this.advance();
        this.projectionRhs(BINDING_POWER.dot as number);
        return 'other';
      case 'pipe':
      case 'or':
      case 'and':
      case 'eq':
      case 'ne':
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        this.expression(BINDING_POWER[type] as number);
        return 'other';
      case 'lparen':
        return this.functionCall(left);
      case 'filter':
        this.expression(0);
        this.match('rbracket');
        if (this.current() !== 'flatten') this.projectionRhs(BINDING_POWER.filter as number);
        return 'other';
      case 'flatten':
        this.projectionRhs(BINDING_POWER.flatten as number);
        return 'other';
      default:
        return this.ledLbracket(left);
    }
  }

  private functionCall(left: Node): Node {
    if (left !== 'field') {
      const previous = this.token(-2);
      throw new ParseError(previous.start, previous.value, previous.type, `Invalid function name '${previous.value}'`);
    }
    while (this.current() !== 'rparen') {
      this.expression(0);
      if (this.current() === 'comma') this.match('comma');
    }
    this.match('rparen');
    return 'other';
  }

  private ledLbracket(left: Node): Node {
    const type = this.current();
    if (type === 'number' || type === 'colon') {
      const right = this.indexExpression();
      if (left === 'index_expression') return left;
      return this.projectIfSlice(right);
    }
    this.match('star');
    this.match('rbracket');
    this.projectionRhs(BINDING_POWER.star as number);
    return 'other';
  }

  /** Returns whether the bracket held a slice. */
  private indexExpression(): boolean {
    if (this.token(0).type === 'colon' || this.token(1).type === 'colon') {
      this.sliceExpression();
      return true;
    }
    this.advance();
    this.match('rbracket');
    return false;
  }

  private sliceExpression(): void {
    let index = 0;
    let current = this.current();
    while (current !== 'rbracket' && index < 3) {
      if (current === 'colon') {
        index += 1;
        if (index === 3) this.fail(this.token(0), 'syntax error');
        this.advance();
      } else if (current === 'number') {
        this.advance();
      } else {
        this.fail(this.token(0), 'syntax error');
      }
      current = this.current();
    }
    this.match('rbracket');
  }

  private projectIfSlice(isSlice: boolean): Node {
    if (!isSlice) return 'index_expression';
    this.projectionRhs(BINDING_POWER.star as number);
    return 'other';
  }

  private multiSelectList(): void {
    for (;;) {
      this.expression(0);
      if (this.current() === 'rbracket') break;
      this.match('comma');
    }
    this.match('rbracket');
  }

  private multiSelectHash(): void {
    for (;;) {
      this.matchOneOf(['quoted_identifier', 'unquoted_identifier']);
      this.match('colon');
      this.expression(0);
      if (this.current() === 'comma') {
        this.match('comma');
      } else if (this.current() === 'rbrace') {
        this.match('rbrace');
        break;
      }
    }
  }

  private projectionRhs(bindingPower: number): void {
    const current = this.current();
    if ((BINDING_POWER[current] ?? 0) < PROJECTION_STOP) return;
    if (current === 'lbracket' || current === 'filter') {
      this.expression(bindingPower);
    } else if (current === 'dot') {
      this.match('dot');
      this.dotRhs(bindingPower);
    } else {
      this.fail(this.token(0), 'syntax error');
    }
  }

  private dotRhs(bindingPower: number): void {
    const lookahead = this.current();
    if (lookahead === 'quoted_identifier' || lookahead === 'unquoted_identifier' || lookahead === 'star') {
      this.expression(bindingPower);
    } else if (lookahead === 'lbracket') {
      this.match('lbracket');
      this.multiSelectList();
    } else if (lookahead === 'lbrace') {
      this.match('lbrace');
      this.multiSelectHash();
    } else {
      const token = this.token(0);
      const allowed = "['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace']";
      this.fail(token, `Expecting: ${allowed}, got: ${token.type}`);
    }
  }

  private match(type: string): void {
    if (this.current() === type) this.advance();
    else this.failMaybeEof(`${type}`, this.token(0));
  }

  private matchOneOf(types: string[]): void {
    if (!types.includes(this.current())) this.failMaybeEof(`[${types.map((t) => `'${t}'`).join(', ')}]`, this.token(0));
    this.advance();
  }

  private failMaybeEof(expected: string, token: Token): never {
    if (token.type === 'eof') throw new IncompleteExpressionError();
    throw new ParseError(token.start, token.value, token.type, `Expecting: ${expected}, got: ${token.type}`);
  }

  private fail(token: Token, reason: string): never {
    throw new ParseError(token.start, token.value, token.type, reason);
  }
}
