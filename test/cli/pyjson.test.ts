import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JsonDecodeError, pyJsonLoads } from '../../src/cli/python/json.js';
import { pyRepr } from '../../src/cli/python/builtins.js';

interface Case {
  input: string;
  repr?: string;
  error?: string;
}

// Python's own answers (fixtures/capture-json.py): the CLI parses JSON parameter values with
// json.loads(value, object_pairs_hook=OrderedDict) and prints its error text verbatim
// ("Invalid JSON: Expecting ',' delimiter: line 1 column 10 (char 9)").
const cases = JSON.parse(readFileSync(new URL('./fixtures/json.json', import.meta.url), 'utf8')) as Case[];

describe('pyJsonLoads', () => {
  for (const { input, repr, error } of cases) {
    it(`${error === undefined ? 'reads' : 'rejects'} ${JSON.stringify(input)}`, () => {
      if (error === undefined) {
        expect(pyRepr(pyJsonLoads(input))).toBe(repr);
      } else {
        expect(() => pyJsonLoads(input)).toThrow(JsonDecodeError);
        expect(() => pyJsonLoads(input)).toThrow(error);
      }
    });
  }

  it('gives up on absurd nesting as Python does, without overflowing the stack', () => {
    expect(() => pyJsonLoads('['.repeat(100_000))).toThrow('maximum recursion depth exceeded while decoding a JSON array from a unicode string');
  });
});
