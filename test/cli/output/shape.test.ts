import { describe, expect, it } from 'vitest';
import type { ServiceModel } from '../../../src/runtime/model.js';
import { formatResponse, type FormatOptions } from '../../../src/cli/output/index.js';
import { s3Model } from './helpers.js';

/** How a runtime response becomes what botocore would have parsed, before any format. */
const json = (operation: string, response: Record<string, unknown>, extra: Partial<FormatOptions> = {}): string =>
  formatResponse(response, { format: 'json', model: s3Model, operation, ...extra });

describe('formatResponse prints the response botocore would have parsed', () => {
  it('orders members by the output shape, header members first, whatever order the runtime used', () => {
    const output = json('DeleteObjects', { Errors: [{ Message: 'm', Code: 'AccessDenied', Key: 'k' }], RequestCharged: 'requester', Deleted: [{ Key: 'a' }] });
    expect(output).toBe([
      '{',
      '    "RequestCharged": "requester",',
      '    "Deleted": [',
      '        {',
      '            "Key": "a"',
      '        }',
      '    ],',
      '    "Errors": [',
      '        {',
      '            "Key": "k",',
      '            "Code": "AccessDenied",',
      '            "Message": "m"',
      '        }',
      '    ]',
      '}',
      ''].join('\n'));
  });

  it('always prints a header map such as S3 Metadata, empty or not (botocore parses it from the headers)', () => {
    expect(json('HeadObject', { ContentLength: 3 })).toBe('{\n    "ContentLength": 3,\n    "Metadata": {}\n}\n');
  });

  it('prints a body timestamp with its milliseconds and a header timestamp in whole seconds', () => {
    const at = new Date('2025-01-06T09:00:00.123Z');
    expect(json('ListBuckets', { Buckets: [{ Name: 'b', CreationDate: at }] }, { query: 'Buckets[0].CreationDate' }))
      .toBe('"2025-01-06T09:00:00.123000+00:00"\n');
    expect(json('HeadObject', { LastModified: at }, { query: 'LastModified' })).toBe('"2025-01-06T09:00:00+00:00"\n');
  });

  it('leaves out undefined and null members', () => {
    expect(json('PutObject', { ETag: '"e"', VersionId: undefined, Expiration: null })).toBe('{\n    "ETag": "\\"e\\""\n}\n');
  });

  it('drops a streaming payload, which the CLI writes to the outfile', () => {
    const output = json('GetObject', { Body: new Uint8Array([104, 105]), ContentLength: 2, ETag: '"e"' });
    expect(output).toBe('{\n    "ContentLength": 2,\n    "ETag": "\\"e\\"",\n    "Metadata": {}\n}\n');
  });

  it('keeps ResponseMetadata only beside an Errors member, and first', () => {
    const metadata = { RequestId: 'R', HTTPStatusCode: 200 };
    expect(json('PutObject', { ResponseMetadata: metadata, ETag: '"e"' })).toBe('{\n    "ETag": "\\"e\\""\n}\n');
    expect(json('DeleteObjects', { Errors: [{ Key: 'k' }], ResponseMetadata: metadata })).toBe([
      '{',
      '    "ResponseMetadata": {',
      '        "RequestId": "R",',
      '        "HTTPStatusCode": 200',
      '    },',
      '    "Errors": [',
      '        {',
      '            "Key": "k"',
      '        }',
      '    ]',
      '}',
      ''].join('\n'));
  });

  it('prints nothing for an empty response and for --output off', () => {
    expect(json('PutBucketVersioning', {})).toBe('');
    expect(formatResponse({ ETag: '"e"' }, { format: 'off', model: s3Model, operation: 'PutObject' })).toBe('');
  });
});

describe('a paginated operation prints what the CLI paginator builds', () => {
  const page = { IsTruncated: false, Name: 'b', KeyCount: 1, MaxKeys: 1000, Contents: [{ Key: 'a', Size: 1 }] };

  it('keeps only the result keys in json', () => {
    expect(json('ListObjectsV2', page)).toBe('{\n    "Contents": [\n        {\n            "Key": "a",\n            "Size": 1\n        }\n    ]\n}\n');
  });

  it('prints the whole page with paginated: false (--no-paginate, --max-keys, --continuation-token)', () => {
    const output = json('ListObjectsV2', page, { paginated: false });
    expect(output.split('\n').filter((line) => /^ {4}"/.test(line))).toEqual([
      '    "IsTruncated": false,', '    "Contents": [', '    "Name": "b",', '    "MaxKeys": 1000,', '    "KeyCount": 1']);
  });

  it('prints the --max-items resume token last, and in text as its own NEXTTOKEN line', () => {
    const truncated = { ...page, NextToken: 'eyJDb250aW51YXRpb25Ub2tlbiI6IG51bGx9' };
    expect(json('ListObjectsV2', truncated, { query: 'keys(@)' })).toBe('[\n    "Contents",\n    "NextToken"\n]\n');
    expect(formatResponse(truncated, { format: 'text', model: s3Model, operation: 'ListObjectsV2' }))
      .toBe('None\nCONTENTS\ta\t1\nNEXTTOKEN\teyJDb250aW51YXRpb25Ub2tlbiI6IG51bGx9\n');
  });

  it('applies --query in text to each page and to the token document, which prints None', () => {
    const truncated = { ...page, NextToken: 'tok' };
    expect(formatResponse(truncated, { format: 'text', query: 'Contents[].Key', model: s3Model, operation: 'ListObjectsV2' }))
      .toBe('a\nNone\n');
  });
});

describe('floats print as Python prints them', () => {
  const model: ServiceModel = {
    ...s3Model,
    operations: { GetMetric: { name: 'GetMetric', http: { method: 'GET', requestUri: '/' }, output: { shape: 'GetMetricOutput' }, errors: [] } },
    shapes: {
      GetMetricOutput: { type: 'structure', members: { Average: { shape: 'Double' }, Count: { shape: 'Integer' }, Data: { shape: 'Blob' } } },
      Double: { type: 'double' },
      Integer: { type: 'integer' },
      Blob: { type: 'blob' },
    },
  };
  const response = { Average: 2, Count: 2, Data: new Uint8Array([0, 255, 16]) };

  it.each([
    ['json', '{\n    "Average": 2.0,\n    "Count": 2,\n    "Data": "AP8Q"\n}\n'],
    ['text', '2.0\t2\tAP8Q\n'],
    ['yaml', 'Average: 2.0\nCount: 2\nData: AP8Q\n'],
  ] as const)('as %s, with blobs in base64', (format, expected) => {
    expect(formatResponse(response, { format, model, operation: 'GetMetric' })).toBe(expected);
  });
});
