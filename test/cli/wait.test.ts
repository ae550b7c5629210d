import { describe, expect, it } from 'vitest';
import { complete, runAws, runAwsLine } from '../../src/cli/index.js';
import { SERVICES } from '../../src/runtime/index.js';
import { World } from '../../src/runtime/world.js';
import { gadgetService } from './gadget-service.js';
import { memoryFiles, testContext } from './support.js';

/**
 * `aws <service> wait <waiter>` (awscli/customizations/waiters.py, botocore/waiter.py):
 * the waiter calls its operation, its acceptors decide in order, and between attempts the
 * simulated clock moves by the waiter's delay. S3's four waiters come from botocore's
 * waiters-2.json (src/runtime/s3/model.json `waiters`): delay 5 s, 20 attempts.
 * https://docs.aws.amazon.com/cli/latest/reference/s3api/wait/index.html
 */
function account() {
  const world = new World({ seed: 3, services: [...SERVICES, gadgetService] });
  const ctx = { world, files: memoryFiles(), defaultRegion: 'us-east-1', caller: 'user' };
  const aws = (line: string) => runAwsLine(line, ctx);
  const calls = (operation: string) => world.activity.filter((a) => a.operation === operation).length;
  return { world, aws, calls };
}

const USAGE = '\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n\n';

describe('S3 waiters', () => {
  it('bucket-exists returns at once, silently, when the bucket is there', () => {
    const { world, aws, calls } = account();
    expect(aws('aws s3api create-bucket --bucket reports').exitCode).toBe(0);
    const start = world.nowMs;
    expect(aws('aws s3api wait bucket-exists --bucket reports')).toEqual({ exitCode: 0, stdout: '', stderr: '', response: {} });
    expect(calls('HeadBucket')).toBe(1);
    expect(world.nowMs).toBe(start);
  });

  it('bucket-exists gives up after 20 attempts, 5 virtual seconds apart, naming the 404 it kept retrying on', () => {
    const { world, aws, calls } = account();
    const start = world.nowMs;
    expect(aws('aws s3api wait bucket-exists --bucket missing')).toEqual({
      exitCode: 255,
      stdout: '',
      stderr: '\nWaiter BucketExists failed: Max attempts exceeded. Previously accepted state: Matched expected HTTP status code: 404\n',
    });
    expect(calls('HeadBucket')).toBe(20);
    // botocore sleeps between attempts, not after the last one: 19 delays.
    expect(world.nowMs - start).toBe(19 * 5000);
  });

  it('bucket-not-exists succeeds on the 404 and gives up, with no accepted state, while the bucket stays', () => {
    const { world, aws, calls } = account();
    expect(aws('aws s3api wait bucket-not-exists --bucket missing')).toMatchObject({ exitCode: 0, stdout: '', stderr: '' });
    expect(aws('aws s3api create-bucket --bucket reports').exitCode).toBe(0);
    const start = world.nowMs;
    expect(aws('aws s3api wait bucket-not-exists --bucket reports')).toEqual({ exitCode: 255, stdout: '', stderr: '\nWaiter BucketNotExists failed: Max attempts exceeded\n' });
    expect(calls('HeadBucket')).toBe(21);
    expect(world.nowMs - start).toBe(95_000);
  });

  it('object-exists and object-not-exists poll HeadObject', () => {
    const { world, aws, calls } = account();
    aws('aws s3api create-bucket --bucket reports');
    aws('aws s3api put-object --bucket reports --key q1.csv');
    expect(aws('aws s3api wait object-exists --bucket reports --key q1.csv').exitCode).toBe(0);
    expect(aws('aws s3api wait object-not-exists --bucket reports --key q2.csv').exitCode).toBe(0);
    expect(calls('HeadObject')).toBe(2);
    const start = world.nowMs;
    expect(aws('aws s3api wait object-exists --bucket reports --key q2.csv').stderr)
      .toBe('\nWaiter ObjectExists failed: Max attempts exceeded. Previously accepted state: Matched expected HTTP status code: 404\n');
    expect(aws('aws s3api wait object-not-exists --bucket reports --key q1.csv').stderr).toBe('\nWaiter ObjectNotExists failed: Max attempts exceeded\n');
    expect(calls('HeadObject')).toBe(42);
    expect(world.nowMs - start).toBe(2 * 95_000);
  });

  it('checks the arguments as the operation does, before the first attempt', () => {
    const { aws, calls } = account();
    // Captured from aws-cli/2.9.19: the same parser as `aws s3api head-bucket`.
    expect(aws('aws s3api wait bucket-exists')).toEqual({ exitCode: 252, stdout: '', stderr: `${USAGE}aws: error: the following arguments are required: --bucket\n\n` });
    expect(aws('aws s3api wait bucket-exists --bucket b --foo')).toEqual({ exitCode: 252, stdout: '', stderr: `\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n\nUnknown options: --foo\n\n` });
    expect(aws('aws s3api wait bucket-exists --bucket bad/name').exitCode).toBe(252);
    expect(calls('HeadBucket')).toBe(0);
  });
});

describe('the wait command', () => {
  it('asks for a waiter, with the usage line of the real CLI', () => {
    const { aws } = account();
    expect(aws('aws s3api wait')).toEqual({ exitCode: 252, stdout: '', stderr: '\nusage: aws [options] s3api wait <subcommand> [parameters]\naws: error: too few arguments\n' });
  });

  it('lists the waiters for a wrong one, with the close matches', () => {
    const { aws } = account();
    expect(aws('aws s3api wait bucket-exist')).toEqual({
      exitCode: 252,
      stdout: '',
      stderr: `${USAGE}aws: error: argument subcommand: Invalid choice, valid choices are:\n\n` +
        'bucket-exists                            | bucket-not-exists                       \n' +
        'object-exists                            | object-not-exists                       \n\n\n' +
        "Invalid choice: 'bucket-exist', maybe you meant:\n\n  * bucket-exists\n  * bucket-not-exists\n\n",
    });
  });

  it('is in the service command table, its help and completion; its help lists the waiters', () => {
    const { aws, world } = account();
    expect(aws('aws s3api help').stdout).toMatch(/o put-public-access-block\n\n {7}o wait\n/);
    expect(aws('aws s3api wait help').stdout).toContain('AVAILABLE COMMANDS\n       o bucket-exists\n\n       o bucket-not-exists\n\n       o object-exists\n\n       o object-not-exists\n');
    expect(aws('aws s3api wait bucket-exists help').stdout).toContain(
      'DESCRIPTION\n       Wait until 200 response is received when polling with ``head-bucket``.\n       It will poll every 5 seconds until a successful state has been reached.\n       This will exit with a return code of 255 after 20 failed checks.\n',
    );
    expect(complete('aws s3api wa', world)).toEqual(['wait']);
    expect(complete('aws s3api wait ', world)).toEqual(['bucket-exists', 'bucket-not-exists', 'object-exists', 'object-not-exists']);
    expect(complete('aws s3api wait object-exists --k', world)).toEqual(['--key']);
  });

  it('is not offered for a service without waiters', () => {
    const result = runAwsLine('aws pager wait', testContext());
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toContain('aws: error: argument operation: Invalid choice, valid choices are:\n\nlist-things                              | list-pairs                              \nlist-stuck                               | help');
  });
});

describe('acceptors (botocore/waiter.py)', () => {
  it('pathAll: succeeds once every gadget is ready, the clock moved attempt by attempt', () => {
    const { world, aws, calls } = account();
    aws('aws gadgets create-gadget --id g1 --ready-after 12');
    const start = world.nowMs;
    expect(aws('aws gadgets wait gadget-ready --ids g1')).toMatchObject({ exitCode: 0, stdout: '', stderr: '' });
    // Attempts at 0, 5, 10 and 15 s: ready from 12 s.
    expect(world.nowMs - start).toBe(15_000);
    expect(calls('DescribeGadgets')).toBe(4);
  });

  it('pathAny failure: stops at once with the terminal failure state', () => {
    const { aws } = account();
    aws('aws gadgets create-gadget --id g1 --outcome broken --ready-after 3');
    expect(aws('aws gadgets wait gadget-ready --ids g1')).toEqual({
      exitCode: 255,
      stdout: '',
      stderr: '\nWaiter GadgetReady failed: Waiter encountered a terminal failure state: For expression "Gadgets[].Status" we matched expected path: "broken" at least once\n',
    });
  });

  it('an error no acceptor expects ends the wait with that error', () => {
    const { aws, calls } = account();
    expect(aws('aws gadgets wait gadget-ready --ids denied')).toEqual({
      exitCode: 255,
      stdout: '',
      stderr: '\nWaiter GadgetReady failed: An error occurred (AccessDenied): You may not look at that gadget.\n',
    });
    expect(calls('DescribeGadgets')).toBe(1);
  });

  it('an error acceptor retries, and is the previously accepted state when attempts run out', () => {
    const { aws, calls } = account();
    expect(aws('aws gadgets wait gadget-ready --ids nope').stderr)
      .toBe('\nWaiter GadgetReady failed: Max attempts exceeded. Previously accepted state: Matched expected service error code: GadgetNotFound\n');
    expect(calls('DescribeGadgets')).toBe(4);
  });

  it('pathAll and pathAny never match an empty list; the last acceptor is named when this attempt matched none', () => {
    const { aws } = account();
    // No gadgets: pathAll has nothing to hold for every element.
    expect(aws('aws gadgets wait gadget-ready').stderr).toBe('\nWaiter GadgetReady failed: Max attempts exceeded\n');
    // A retry on the first attempt, then no match: botocore names its loop variable, the last acceptor.
    aws('aws gadgets create-gadget --id g2 --ready-after 100');
    expect(aws('aws gadgets wait gadget-ready --ids g2').stderr).toBe('\nWaiter GadgetReady failed: Max attempts exceeded\n');
  });

  it('error and path success: a gadget that goes away, and an empty list, both end the wait', () => {
    const { world, aws } = account();
    aws('aws gadgets create-gadget --id g3 --outcome gone --ready-after 3');
    const start = world.nowMs;
    expect(aws('aws gadgets wait gadget-gone --ids g3').exitCode).toBe(0);
    expect(world.nowMs - start).toBe(4000);
    expect(aws('aws gadgets wait gadget-gone').exitCode).toBe(0);
  });

  it('uses the waiter description from the model when it has one', () => {
    const { aws } = account();
    expect(aws('aws gadgets wait gadget-gone help').stdout).toContain('Wait until the gadgets are gone. It will poll every 2 seconds until a\n       successful state has been reached.');
  });

  it('records each attempt as the caller, like any call', () => {
    const { world } = account();
    const result = runAws(['gadgets', 'wait', 'gadget-gone'], { world, files: memoryFiles(), defaultRegion: 'us-east-1', caller: 'check' });
    expect(result.exitCode).toBe(0);
    expect(world.activity.at(-1)).toMatchObject({ operation: 'DescribeGadgets', caller: 'check' });
  });
});
