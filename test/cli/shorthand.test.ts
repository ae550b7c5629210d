import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ServiceModel } from '../../src/runtime/model.js';
import { PyFloat } from '../../src/cli/python/builtins.js';
import { shapeOf } from '../../src/cli/shapes.js';
import { backCompatVisit, ShorthandParseError, ShorthandParser } from '../../src/cli/shorthand.js';

interface Case {
  input: string;
  parsed?: unknown;
  error?: string;
}

// What the real CLI's parser (awscli/shorthand.py) makes of each input, captured by
// fixtures/capture-shorthand.py: aws-cli's tests/unit/test_shorthand.py cases plus ours.
const cases = JSON.parse(readFileSync(new URL('./fixtures/shorthand.json', import.meta.url), 'utf8')) as Case[];

describe('ShorthandParser', () => {
  for (const { input, parsed, error } of cases) {
    if (error === undefined) {
      it(`parses ${JSON.stringify(input)}`, () => {
        expect(new ShorthandParser().parse(input)).toEqual(parsed);
      });
    } else {
      it(`rejects ${JSON.stringify(input)} pointing at the failing column`, () => {
        let caught: unknown;
        try {
          new ShorthandParser().parse(input);
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(ShorthandParseError);
        expect((caught as Error).message).toBe(error);
      });
    }
  }

  it('keeps a key such as __proto__ as data', () => {
    const parsed = new ShorthandParser().parse('__proto__=x,constructor=y');
    expect(Object.keys(parsed)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });
});

// aws-cli tests/unit/test_shorthand.py TestModelVisitor.
describe('backCompatVisit', () => {
  const model: ServiceModel = {
    metadata: { apiVersion: '1', endpointPrefix: 'x', protocol: 'json', serviceFullName: 'X', serviceId: 'X' },
    operations: {},
    shapes: {
      Input: {
        type: 'structure',
        members: {
          A: { shape: 'Strings' },
          L: { shape: 'Singles' },
          I: { shape: 'Integer' },
          S: { shape: 'String' },
          F: { shape: 'Float' },
          D: { shape: 'Boolean' },
          E: { shape: 'Boolean' },
          X: { shape: 'Boolean' },
        },
      },
      Strings: { type: 'list', member: { shape: 'String' } },
      Singles: { type: 'list', member: { shape: 'Single' } },
      Single: { type: 'structure', members: { Single: { shape: 'String' } } },
      String: { type: 'string' },
      Integer: { type: 'integer' },
      Float: { type: 'float' },
      Boolean: { type: 'boolean' },
    },
  };
  const input = shapeOf(model, 'Input');

  it('promotes a scalar to a list of one', () => {
    const params = { A: 'foo' };
    backCompatVisit(model, input, params);
    expect(params).toEqual({ A: ['foo'] });
  });

  it('does not promote a missing value', () => {
    const params = {};
    backCompatVisit(model, input, params);
    expect(params).toEqual({});
  });

  it('converts scalar types from strings, and only true/false to booleans', () => {
    const params = { I: '24', S: '24', F: '24.12345', D: 'true', E: 'FALSE', X: 'yes' };
    backCompatVisit(model, input, params);
    expect(params).toEqual({ I: 24, S: '24', F: new PyFloat(24.12345), D: true, E: false, X: 'yes' });
  });

  it("reports a bad integer as Python's int() does", () => {
    expect(() => backCompatVisit(model, input, { I: 'x' })).toThrow("invalid literal for int() with base 10: 'x'");
    expect(() => backCompatVisit(model, input, { I: ['1'] })).toThrow("int() argument must be a string, a bytes-like object or a real number, not 'list'");
  });
});
