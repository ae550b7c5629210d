import { describe, expect, it, vi } from 'vitest';
import { runAwsLine } from '../../src/cli/index.js';
import { pagerCalls, testContext, testWorld } from './support.js';

// The printed form is the output formatter's business: here it shows exactly what the
// driver hands it, the merged response and whether the call was paginated.
vi.mock('../../src/cli/output/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/cli/output/index.js')>();
  return {
    ...actual,
    renderResponse: (response: Record<string, unknown>, options: { paginated?: boolean }) => ({ stdout: `${JSON.stringify({ paginated: options.paginated, response })}\n` }),
  };
});

function run(line: string, world = testWorld()) {
  const result = runAwsLine(line, testContext(world));
  const printed = result.exitCode === 0 ? (JSON.parse(result.stdout) as { paginated: boolean; response: Record<string, unknown> }) : undefined;
  return { ...result, printed, calls: pagerCalls(world) };
}

/** botocore's TokenEncoder: base64 of Python's json.dumps. */
function token(json: string): string {
  return Buffer.from(json).toString('base64');
}

const ALL = ['thing-01', 'thing-02', 'thing-03', 'thing-04', 'thing-05', 'thing-06', 'thing-07'];

// botocore/paginate.py PageIterator and build_full_result; awscli/customizations/paginate.py.
describe('automatic pagination', () => {
  it('requests every page and merges the result key, keeping non-aggregate keys', () => {
    const { printed, calls } = run('aws pager list-things');
    expect(printed).toEqual({ paginated: true, response: { Things: ALL, Owner: 'owner-1' } });
    expect(calls).toEqual([{}, { NextToken: '3' }, { NextToken: '6' }]);
  });

  it('stops at --max-items inside the first page with a NextToken that remembers how far it got', () => {
    const { printed, calls } = run('aws pager list-things --max-items 2');
    expect(printed?.response).toEqual({ Things: ['thing-01', 'thing-02'], Owner: 'owner-1', NextToken: token('{"NextToken": null, "boto_truncate_amount": 2}') });
    expect(printed?.response.NextToken).toBe('eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==');
    expect(calls).toHaveLength(1);
  });

  it('truncates a later page with the service token of that page', () => {
    const { printed, calls } = run('aws pager list-things --max-items 4');
    expect(printed?.response).toEqual({ Things: ALL.slice(0, 4), Owner: 'owner-1', NextToken: token('{"NextToken": "3", "boto_truncate_amount": 1}') });
    expect(calls).toHaveLength(2);
  });

  it('ends on a page boundary with the next page token alone', () => {
    const { printed } = run('aws pager list-things --max-items 3');
    expect(printed?.response).toEqual({ Things: ALL.slice(0, 3), Owner: 'owner-1', NextToken: token('{"NextToken": "3"}') });
  });

  it('prints no NextToken when --max-items covers everything', () => {
    expect(run('aws pager list-things --max-items 7').printed?.response).toEqual({ Things: ALL, Owner: 'owner-1' });
  });

  it('resumes from --starting-token, skipping the items already shown', () => {
    const middle = run(`aws pager list-things --starting-token ${token('{"NextToken": "3", "boto_truncate_amount": 1}')}`);
    expect(middle.printed?.response.Things).toEqual(['thing-05', 'thing-06', 'thing-07']);
    expect(middle.calls).toEqual([{ NextToken: '3' }, { NextToken: '6' }]);
    const first = run(`aws pager list-things --starting-token ${token('{"NextToken": null, "boto_truncate_amount": 2}')} --max-items 2`);
    expect(first.printed?.response).toEqual({ Things: ['thing-03', 'thing-04'], Owner: 'owner-1', NextToken: token('{"NextToken": "3", "boto_truncate_amount": 1}') });
  });

  it('accepts the old `marker___index` form and a raw service marker as a starting token', () => {
    expect(run('aws pager list-things --starting-token 3').printed?.response.Things).toEqual(ALL.slice(3));
    expect(run('aws pager list-things --starting-token 3___1').printed?.response.Things).toEqual(ALL.slice(4));
  });

  it('rejects a starting token with more markers than the operation has', () => {
    const result = run('aws pager list-things --starting-token a___b___c');
    expect(result).toMatchObject({ exitCode: 255, stdout: '', stderr: '\nBad starting token: a___b___c\n' });
  });

  it("fails as Python does on a token that decodes to JSON that is not an object", () => {
    expect(run(`aws pager list-things --starting-token ${token('5')}`)).toMatchObject({ exitCode: 255, stderr: "\n'int' object has no attribute 'pop'\n" });
  });

  it('asks for --page-size items per call without changing what is printed', () => {
    const { printed, calls } = run('aws pager list-things --page-size 2');
    expect(printed?.response.Things).toEqual(ALL);
    expect(calls).toEqual([{ MaxResults: 2 }, { MaxResults: 2, NextToken: '2' }, { MaxResults: 2, NextToken: '4' }, { MaxResults: 2, NextToken: '6' }]);
  });

  it('merges every result key of a two-token paginator', () => {
    const { printed } = run('aws pager list-pairs --max-items 4');
    expect(printed?.response).toEqual({ Pairs: ALL.slice(0, 4), NextToken: token('{"KeyMarker": "3", "IdMarker": "id-3", "boto_truncate_amount": 1}') });
  });

  it('gives up when the service repeats its next token', () => {
    const result = run('aws pager list-stuck');
    expect(result).toMatchObject({ exitCode: 255, stderr: "\nError during pagination: The same next token was received twice: {'NextToken': 'again'}\n" });
    expect(result.calls).toHaveLength(2);
  });
});

describe('turning pagination off', () => {
  it('returns one page with its own markers under --no-paginate', () => {
    const { printed, calls } = run('aws pager list-things --no-paginate');
    expect(printed).toEqual({ paginated: false, response: { Things: ALL.slice(0, 3), NextToken: '3', Owner: 'owner-1' } });
    expect(calls).toHaveLength(1);
  });

  it('treats a raw limit or token parameter as manual paging', () => {
    expect(run('aws pager list-things --max-results 2').printed).toEqual({ paginated: false, response: { Things: ALL.slice(0, 2), NextToken: '2', Owner: 'owner-1' } });
    expect(run('aws pager list-things --next-token 6').printed).toEqual({ paginated: false, response: { Things: ['thing-07'], Owner: 'owner-1' } });
  });

  it('refuses paging arguments once pagination is off', () => {
    const usage = (flags: string) => `\nCannot specify --no-paginate along with pagination arguments: ${flags}\n`;
    expect(run('aws pager list-things --no-paginate --max-items 1')).toMatchObject({ exitCode: 252, stderr: usage('--max-items') });
    expect(run('aws pager list-things --max-results 2 --page-size 1 --starting-token x')).toMatchObject({ exitCode: 252, stderr: usage('--starting-token, --page-size') });
    // --max-items 0 is falsy in Python, so it does not count as "used"; but it is not None
    // either, so PaginationConfig reaches the unpaginated call and fails validation (as with
    // the real `aws s3api list-objects-v2 --bucket b --no-paginate --max-items 0`).
    expect(run('aws pager list-things --no-paginate --max-items 0')).toMatchObject({
      exitCode: 252,
      stderr: '\nParameter validation failed:\nUnknown parameter in input: "PaginationConfig", must be one of: Prefix, MaxResults, NextToken\n',
    });
  });

  it('also turns pagination off for a paging parameter from --cli-input-json', () => {
    // The real CLI: `aws s3api list-objects-v2 --bucket b --cli-input-json '{"MaxKeys": 2}' --max-items 1`
    // fails validation on PaginationConfig, so the input file's MaxKeys switched paging off.
    const { printed, calls } = run(`aws pager list-things --cli-input-json '{"MaxResults": 4}'`);
    expect(printed).toEqual({ paginated: false, response: { Things: ALL.slice(0, 4), NextToken: '4', Owner: 'owner-1' } });
    expect(calls).toEqual([{ MaxResults: 4 }]);
  });
});

describe('pagination against the simulated S3', () => {
  function bucketWith(keys: string[]) {
    const world = testWorld();
    const ctx = testContext(world);
    expect(runAwsLine('aws s3api create-bucket --bucket pages-demo', ctx).exitCode).toBe(0);
    for (const key of keys) expect(runAwsLine(`aws s3api put-object --bucket pages-demo --key '${key}'`, ctx).exitCode).toBe(0);
    return ctx;
  }

  it('lists every object page by page, asking S3 for url-encoded keys and decoding them', () => {
    const ctx = bucketWith(['a b.txt', 'c%20d.txt', 'e+f.txt', 'g/h.txt', 'été.txt']);
    const result = runAwsLine('aws s3api list-objects-v2 --bucket pages-demo --page-size 2 --query "Contents[].Key"', ctx);
    expect(JSON.parse(result.stdout).response.Contents.map((c: { Key: string }) => c.Key)).toEqual(['a b.txt', 'c%20d.txt', 'e+f.txt', 'g/h.txt', 'été.txt']);
    const calls = ctx.world.activity.filter((a) => a.operation === 'ListObjectsV2');
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => (c.input as Record<string, unknown>).EncodingType === 'url')).toBe(true);
  });

  it('resumes a truncated listing where --max-items stopped', () => {
    const ctx = bucketWith(['k1', 'k2', 'k3', 'k4', 'k5']);
    const first = JSON.parse(runAwsLine('aws s3api list-objects-v2 --bucket pages-demo --page-size 2 --max-items 3', ctx).stdout).response;
    expect(first.Contents.map((c: { Key: string }) => c.Key)).toEqual(['k1', 'k2', 'k3']);
    const second = JSON.parse(runAwsLine(`aws s3api list-objects-v2 --bucket pages-demo --page-size 2 --starting-token ${first.NextToken}`, ctx).stdout).response;
    expect(second.Contents.map((c: { Key: string }) => c.Key)).toEqual(['k4', 'k5']);
  });
});
