import { describe, expect, it } from 'vitest';
import { tokenize, TokenizeError } from '../../src/lib/tokenize.js';

// POSIX.1-2017 XCU 2.2 Quoting and 2.3 Token Recognition: what the learner's shell would
// hand to `aws` as argv.
describe('tokenize', () => {
  const cases: Array<[string, string[]]> = [
    ['aws s3api list-buckets', ['aws', 's3api', 'list-buckets']],
    ['  aws\ts3api   list-buckets  ', ['aws', 's3api', 'list-buckets']],
    ['', []],
    ['   ', []],
    ["--prefix 'a b'", ['--prefix', 'a b']],
    ['--prefix "a b"', ['--prefix', 'a b']],
    ["--query 'Contents[?Size > `10`].Key'", ['--query', 'Contents[?Size > `10`].Key']],
    ['--filter \'Name=a b\'"c"d', ['--filter', 'Name=a bcd']],
    ["''", ['']],
    ['""', ['']],
    ["a '' b", ['a', '', 'b']],
    ["'it'\\''s'", ["it's"]],
    ['"say \\"hi\\""', ['say "hi"']],
    ['"a\\\\b"', ['a\\b']],
    ['"a\\nb"', ['a\\nb']],
    ['"cost \\$5"', ['cost $5']],
    ["'a\\nb'", ['a\\nb']],
    ['a\\ b', ['a b']],
    ['a\\\\b', ['a\\b']],
    ['a\\"b', ['a"b']],
    ['trailing\\', ['trailing\\']],
    ['line\\\ncontinued', ['linecontinued']],
    ['"multi\nline"', ['multi\nline']],
    ['--json \'{"a": [1, 2]}\'', ['--json', '{"a": [1, 2]}']],
    ['aws s3 ls # a comment', ['aws', 's3', 'ls']],
    ['aws --query a#b', ['aws', '--query', 'a#b']],
    ["'#not a comment'", ['#not a comment']],
    ['a|b > c', ['a|b', '>', 'c']],
    ['$HOME ~ *', ['$HOME', '~', '*']],
    ['élan 名前', ['élan', '名前']],
  ];
  for (const [line, words] of cases) {
    it(`splits ${JSON.stringify(line)}`, () => {
      expect(tokenize(line)).toEqual(words);
    });
  }

  const errors: Array<[string, string, number]> = [
    ["aws s3api list-objects --prefix 'abc", "unterminated single quote: the ' at column 33 is never closed", 33],
    ['--query "a', 'unterminated double quote: the " at column 9 is never closed', 9],
    ['"a\\"', 'unterminated double quote: the " at column 1 is never closed', 1],
    ["é 'x", "unterminated single quote: the ' at column 3 is never closed", 3],
    ['"it\'s', 'unterminated double quote: the " at column 1 is never closed', 1],
  ];
  for (const [line, message, column] of errors) {
    it(`rejects ${JSON.stringify(line)} with the column of the open quote`, () => {
      let caught: unknown;
      try {
        tokenize(line);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(TokenizeError);
      expect((caught as TokenizeError).message).toBe(message);
      expect((caught as TokenizeError).column).toBe(column);
    });
  }
});
