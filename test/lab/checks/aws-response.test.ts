import { describe, expect, it } from 'vitest';
import { runAws } from '../../../src/cli/index.js';
import { ERROR_FORMATS, OUTPUT_FORMATS } from '../../../src/cli/output/index.js';
import { evaluate, type AwsCheck, type CheckEnvironment, type Comparison } from '../../../src/lab/checks/index.js';
import { createWorld } from '../../../src/runtime/index.js';
import { memoryFiles } from '../../cli/support.js';

/**
 * `aws` checks grade what the CLI's call returned (CliResult.response), never the text it
 * printed: changing how errors or output are printed cannot pass or fail a learner.
 */
function environment(): CheckEnvironment {
  const world = createWorld({ seed: 1 });
  const env: CheckEnvironment = { world, files: memoryFiles(), region: 'us-east-1', learnerCallers: new Set(['user']) };
  const ctx = { world, files: env.files, defaultRegion: 'us-east-1', caller: 'user' };
  expect(runAws(['s3api', 'create-bucket', '--bucket', 'reports'], ctx).exitCode).toBe(0);
  expect(runAws(['s3api', 'put-bucket-versioning', '--bucket', 'reports', '--versioning-configuration', 'Status=Enabled'], ctx).exitCode).toBe(0);
  return env;
}

const check = (aws: string, comparison: Comparison, query?: string): AwsCheck => ({ type: 'aws', aws, comparison, ...(query ? { query } : {}) });

describe('aws checks read the structured call result', () => {
  const env = environment();

  it.each(ERROR_FORMATS)('an `error:` check passes and fails the same under --cli-error-format %s', (format) => {
    const missing = evaluate(check(`s3api get-bucket-versioning --bucket nope --cli-error-format ${format}`, { kind: 'error', code: 'NoSuchBucket' }), env);
    expect(missing.passed).toBe(true);
    // HEAD calls have no error body: botocore reports the status as the code.
    const head = evaluate(check(`s3api head-bucket --bucket nope --cli-error-format ${format}`, { kind: 'error', code: '404' }), env);
    expect(head.passed).toBe(true);
    const wrong = evaluate(check(`s3api get-bucket-versioning --bucket nope --cli-error-format ${format}`, { kind: 'error', code: 'AccessDenied' }), env);
    expect(wrong.passed).toBe(false);
    expect(wrong.why).toContain('it failed with NoSuchBucket');
  });

  it.each(OUTPUT_FORMATS)('a value check passes under --output %s in the check command', (format) => {
    const outcome = evaluate(check(`s3api get-bucket-versioning --bucket reports --output ${format}`, { kind: 'equals', value: 'Enabled' }, 'Status'), env);
    expect(outcome).toMatchObject({ passed: true });
  });

  it('carries the service error and the printed value in CliResult.response', () => {
    const ctx = { world: env.world, files: env.files, defaultRegion: 'us-east-1' };
    const failed = runAws(['s3api', 'head-bucket', '--bucket', 'nope'], ctx);
    expect(failed.response).toEqual({ error: { code: '404', message: 'Not Found', status: 404 } });
    const listed = runAws(['s3api', 'list-buckets', '--query', 'Buckets[].Name', '--output', 'text'], ctx);
    expect(listed.stdout).toBe('reports\n');
    expect(listed.response).toEqual({ value: ['reports'] });
    const usage = runAws(['s3api', 'get-bucket-versioning'], ctx);
    expect(usage.exitCode).toBe(252);
    expect(usage.response).toBeUndefined();
  });
});
