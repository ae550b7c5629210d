import { describe, expect, it } from 'vitest';
import { FormatError, QueryError, formatResponse, validateQuery } from '../../../src/cli/output/index.js';
import { readFixture, s3Model } from './helpers.js';

/**
 * --query is compiled before the call; a bad expression is rejected with python-jmespath's
 * exact message, which fixtures/capture/synthetic.py recorded from the CLI's own
 * customizations/globalargs.py for each expression below.
 */
const { queries } = JSON.parse(readFixture('synthetic.json')) as { queries: { expression: string; error: string | null }[] };

describe('validateQuery words a bad --query as the AWS CLI does', () => {
  for (const { expression, error } of queries) {
    it(error === null ? `accepts ${expression}` : `rejects ${JSON.stringify(expression)}`, () => {
      if (error === null) {
        expect(() => validateQuery(expression)).not.toThrow();
      } else {
        expect(() => validateQuery(expression)).toThrow(QueryError);
        expect(() => validateQuery(expression)).toThrow(error);
        try {
          validateQuery(expression);
        } catch (thrown) {
          expect((thrown as Error).message).toBe(error);
        }
      }
    });
  }
});

describe('formatResponse applies --query before formatting', () => {
  const response = { Buckets: [{ Name: 'a', CreationDate: new Date('2025-01-06T09:00:00Z') }, { Name: 'b' }] };

  it('rejects an invalid expression even when output is off', () => {
    expect(() => formatResponse(response, { format: 'off', query: 'Buckets[', model: s3Model, operation: 'ListBuckets' })).toThrow(QueryError);
  });

  it('prints a projection of timestamps as the CLI prints them', () => {
    const output = formatResponse(response, { format: 'json', query: 'Buckets[].CreationDate', model: s3Model, operation: 'ListBuckets' });
    expect(output).toBe('[\n    "2025-01-06T09:00:00+00:00"\n]\n');
  });

  it('reports a function called with the wrong number of arguments in python-jmespath words', () => {
    const call = (): string => formatResponse(response, { format: 'json', query: 'length(Buckets, Buckets)', model: s3Model, operation: 'ListBuckets' });
    expect(call).toThrow(FormatError);
    expect(call).toThrow('Expected 1 argument for function length(), received 2');
  });
});
