import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../../src/runtime/errors.js';
import { formatResponse, formatServiceError, type OutputFormat } from '../../../src/cli/output/index.js';
import { FIXTURES, asRuntimeResponse, caseDirectories, readFixture, s3Model } from './helpers.js';

/**
 * Goldens captured from the real AWS CLI v2 (Debian's aws 2.9.19) against moto by
 * fixtures/capture/capture.py: each case's parsed response, fed back as the runtime would
 * hand it over, must print byte for byte what the CLI printed.
 */
interface Case {
  command: string;
  operation: string;
  query: string | null;
  paginated: boolean;
  columns: number;
  pages?: Record<string, unknown>[];
  responseMetadata?: Record<string, Record<string, unknown>[]>;
  maxItems?: number;
  resumeToken?: string;
  exitCode?: number;
}

/**
 * What awslab's driver hands over for --max-items: the page cut to that many items of the
 * primary result key (botocore's PageIterator._truncate_response) and the CLI's resume
 * token as NextToken.
 */
function truncated(page: Record<string, unknown>, spec: Case): Record<string, unknown> {
  if (spec.maxItems === undefined) return page;
  const primary = [s3Model.operations[spec.operation]?.paginator?.result_key ?? []].flat()[0] as string;
  const items = (page[primary] as unknown[] | undefined) ?? [];
  return { ...page, [primary]: items.slice(0, spec.maxItems), NextToken: spec.resumeToken };
}

const FORMATS: OutputFormat[] = ['json', 'text', 'table', 'yaml', 'yaml-stream'];
const cases = caseDirectories('s3').map((name) => ({ name, spec: JSON.parse(readFixture('s3', name, 'case.json')) as Case }));

describe('formatResponse reproduces the AWS CLI v2 byte for byte', () => {
  for (const { name, spec } of cases.filter(({ spec }) => spec.pages)) {
    for (const format of FORMATS) {
      if (!existsSync(join(FIXTURES, 's3', name, `${format}.out`))) continue;
      it(`${spec.command} --output ${format}${spec.columns !== 80 ? ` (${spec.columns} columns)` : ''}`, () => {
        const outputShape = s3Model.operations[spec.operation]?.output?.shape;
        const page = truncated(asRuntimeResponse(spec.pages?.[0], s3Model, outputShape) as Record<string, unknown>, spec);
        const metadata = spec.responseMetadata?.[format]?.[0];
        const response = metadata ? { ResponseMetadata: metadata, ...page } : page;
        const output = formatResponse(response, {
          format,
          model: s3Model,
          operation: spec.operation,
          columns: spec.columns,
          paginated: spec.paginated,
          ...(spec.query === null ? {} : { query: spec.query }),
        });
        expect(output).toBe(readFixture('s3', name, `${format}.out`));
      });
    }
  }
});

/** The HTTP status each captured error came with (the CLI's stderr does not show it). */
const ERROR_STATUS: Record<string, [code: string, message: string, status: number]> = {
  'error-no-such-key': ['NoSuchKey', 'The specified key does not exist.', 404],
  'error-no-such-bucket': ['NoSuchBucket', 'The specified bucket does not exist', 404],
  'error-head-object-404': ['NoSuchKey', 'The specified key does not exist.', 404],
  'error-head-object-405': ['MethodNotAllowed', 'The specified method is not allowed against this resource.', 405],
  'error-head-bucket-404': ['NoSuchBucket', 'The specified bucket does not exist', 404],
  'error-bucket-not-empty': ['BucketNotEmpty', 'The bucket you tried to delete is not empty', 409],
};

describe('formatServiceError legacy reproduces the AWS CLI v2 2.9.19 stderr', () => {
  for (const { name, spec } of cases.filter(({ spec }) => spec.exitCode !== undefined)) {
    it(`${spec.command}`, () => {
      const [code, message, status] = ERROR_STATUS[name] ?? ['?', '?', 0];
      const error = new AwsError(code, message, status);
      expect(formatServiceError(error, spec.operation, { format: 'legacy', model: s3Model })).toBe(readFixture('s3', name, 'stderr.out'));
      expect(spec.exitCode).toBe(254);
    });
  }
});
