import { describe, expect, it } from 'vitest';
import { evaluate, parseCheck, proveCheck, type Check, type CheckProblem } from '../../../src/lab/checks/index.js';
import { runAws } from '../../../src/cli/index.js';
import { VirtualFiles } from '../../../src/console/files.js';
import { createWorld } from '../../../src/runtime/index.js';

function problemsOf(value: unknown): string[] {
  const problems: CheckProblem[] = [];
  parseCheck(value, ['check'], problems);
  return problems.map((p) => `${p.path.join('.')}: ${p.reason}`);
}

function parsed(value: unknown): Check {
  const problems: CheckProblem[] = [];
  const check = parseCheck(value, ['check'], problems);
  expect(problems).toEqual([]);
  return check!;
}

function account() {
  const world = createWorld({ seed: 1 });
  const files = new VirtualFiles();
  const aws = (...argv: string[]) => runAws(argv, { world, files, defaultRegion: 'us-east-1', caller: 'setup' });
  return { aws, env: { world, files, region: 'us-east-1', learnerCallers: new Set(['user']) } };
}

describe('aws checks', () => {
  it.each([
    [{ aws: 's3api list-buckets', length: 'two' }, 'check.length: length: expected a number'],
    [{ aws: 's3api list-buckets', matches: '(' }, 'check.matches: matches: not a valid regular expression (Invalid regular expression: /(/: Unterminated group)'],
    [{ aws: 's3api list-buckets', exists: 'yes' }, 'check.exists: exists: expected true or false'],
    [{ aws: 's3api list-buckets', equals: 1, contains: 1 }, 'check: a check compares one way; this one has equals and contains'],
    [{ aws: 's3api head-bucket --bucket b', error: '404', query: 'x' }, 'check.query: query: an error check looks at the error code, so a query has nothing to apply to'],
    [{ aws: '' }, 'check.aws: aws: expected the command line after `aws`, e.g. s3api get-bucket-versioning --bucket b'],
    [{ aws: 's3api list-buckets', colour: 'red' }, "check.colour: unknown key 'colour' in this check (allowed: aws, query, equals, contains, matches, exists, length, greaterThan, lessThan, error, message, note)"],
  ])('refuses %j: %s', (value, message) => {
    expect(problemsOf(value)).toEqual([message]);
  });

  it('compares the queried output and says what it expected and found', () => {
    const { aws, env } = account();
    const check = parsed({ aws: 's3api list-buckets', query: 'Buckets[].Name', contains: 'logs' });
    expect(evaluate(check, env)).toEqual({ passed: false, why: 'Expected Buckets[].Name from aws s3api list-buckets to contain "logs"; found [] (0 items).' });
    aws('s3api', 'create-bucket', '--bucket', 'logs');
    expect(evaluate(check, env).passed).toBe(true);
  });

  it('passes an error check only on that error code', () => {
    const { aws, env } = account();
    const check = parsed({ aws: 's3api get-bucket-versioning --bucket gone', error: 'NoSuchBucket' });
    expect(evaluate(check, env)).toEqual({ passed: true, why: 'aws s3api get-bucket-versioning --bucket gone fails with NoSuchBucket, as it should.' });
    aws('s3api', 'create-bucket', '--bucket', 'gone');
    expect(evaluate(check, env)).toEqual({ passed: false, why: 'Expected aws s3api get-bucket-versioning --bucket gone to fail with NoSuchBucket, but it succeeded.' });
  });

  it('is proved invalid when its command is not an aws command, or when it writes', () => {
    const trial = (exitCode: number, calls: Array<{ service: string; operation: string; readOnly: boolean }>) => () => ({ run: () => ({ exitCode, stderr: 'aws: error: bad\n', calls }) });
    const raw = { aws: 's3api put-bucket-versioning --bucket b' };
    expect(proveCheck(parsed(raw), trial(252, []))).toEqual(["the check command 'aws s3api put-bucket-versioning --bucket b' is not a valid aws command: aws: error: bad"]);
    expect(proveCheck(parsed({ not: raw }), trial(0, [{ service: 's3', operation: 'PutBucketVersioning', readOnly: false }]))).toEqual([
      'the check calls s3:PutBucketVersioning, which changes the account; checks may only call read-only operations (Get*, List*, Head*, Describe*)',
    ]);
  });
});
