import { describe, expect, it, vi } from 'vitest';
import { runAwsLine } from '../../src/cli/index.js';
import type { GlobalOptions } from '../../src/cli/globals.js';
import { testContext } from './support.js';

// `aws s3 …` is the high-level commands (awscli/customizations/s3/s3.py): the driver hands
// them the words the main parser left and the parsed global options.
const received: Array<{ argv: readonly string[]; globals: GlobalOptions }> = [];
vi.mock('../../src/cli/s3/index.js', () => ({
  S3_SUBCOMMANDS: ['ls', 'mb'],
  runHighLevelS3: (argv: readonly string[], _ctx: unknown, globals: GlobalOptions) => {
    received.push({ argv, globals });
    return { exitCode: 0, stdout: 'handled\n', stderr: '' };
  },
}));

describe('aws s3', () => {
  it('dispatches to the high-level commands with the global options taken out', () => {
    const result = runAwsLine('aws --region eu-west-1 s3 ls s3://bucket/prefix --recursive --output text --no-paginate --query Contents', testContext());
    expect(result).toEqual({ exitCode: 0, stdout: 'handled\n', stderr: '' });
    expect(received.at(-1)?.argv).toEqual(['ls', 's3://bucket/prefix', '--recursive']);
    expect(received.at(-1)?.globals).toMatchObject({ region: 'eu-west-1', output: 'text', paginate: false, query: 'Contents', errorFormat: 'enhanced' });
  });

  it('uses the console region when none is given', () => {
    runAwsLine('aws s3 mb s3://bucket', testContext());
    expect(received.at(-1)?.globals).toMatchObject({ region: 'us-east-1', output: 'json', paginate: true });
  });
});
