/**
 * Where each statement of a policy's text starts and ends, for SimulatePrincipalPolicy's
 * MatchedStatements: the line and column (from 1) of the statement's opening brace, and of
 * the character after its closing brace.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_Statement.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_Position.html
 */

export interface Position {
  readonly Line: number;
  readonly Column: number;
}

export interface Span {
  readonly start: Position;
  readonly end: Position;
}

/** The spans of the Statement list's elements (or of the lone Statement object), in order. */
export function statementSpans(text: string): Span[] {
  const scanner = new Scanner(text);
  const spans: Span[] = [];
  scanner.object((key) => {
    if (key !== 'Statement') return scanner.skipValue();
    scanner.space();
    if (text[scanner.at] === '[') {
      scanner.array(() => spans.push(scanner.span(() => scanner.skipValue())));
    } else spans.push(scanner.span(() => scanner.skipValue()));
  });
  return spans;
}

/** A JSON scanner over text already known to parse: it only finds where values begin and end. */
class Scanner {
  at = 0;
  constructor(private readonly text: string) {}

  space(): void {
    while (/\s/.test(this.text[this.at] ?? '')) this.at++;
  }

  position(offset: number): Position {
    const before = this.text.slice(0, offset);
    const line = before.split('\n').length;
    return { Line: line, Column: offset - (before.lastIndexOf('\n') + 1) + 1 };
  }

  span(scan: () => void): Span {
    this.space();
    const start = this.at;
    scan();
    return { start: this.position(start), end: this.position(this.at) };
  }

  object(member: (key: string) => void): void {
    this.space();
    this.at++; // {
    for (;;) {
      this.space();
      if (this.text[this.at] === '}') {
        this.at++;
        return;
      }
      if (this.text[this.at] === ',') this.at++;
      this.space();
      const key = this.string();
      this.space();
      this.at++; // :
      member(key);
    }
  }

  array(element: () => void): void {
    this.space();
    this.at++; // [
    for (;;) {
      this.space();
      if (this.text[this.at] === ']') {
        this.at++;
        return;
      }
      if (this.text[this.at] === ',') this.at++;
      element();
    }
  }

  string(): string {
    const start = this.at;
    this.at++;
    while (this.text[this.at] !== '"') this.at += this.text[this.at] === '\\' ? 2 : 1;
    this.at++;
    return JSON.parse(this.text.slice(start, this.at)) as string;
  }

  skipValue(): void {
    this.space();
    const c = this.text[this.at];
    if (c === '{') this.object(() => this.skipValue());
    else if (c === '[') this.array(() => this.skipValue());
    else if (c === '"') this.string();
    else while (this.at < this.text.length && !/[\s,}\]]/.test(this.text[this.at]!)) this.at++;
  }
}
