// How the CLI prints the bucket policy and Block Public Access operations, compared with the
// real AWS CLI v2 (/usr/bin/aws 2.9.19) against moto's server: the policy is a JSON string
// inside {"Policy": …}; text output prints it bare.
// https://docs.aws.amazon.com/cli/latest/reference/s3api/get-bucket-policy.html
import { describe, expect, it } from 'vitest';
import { runAwsLine } from '../../src/cli/index.js';
import { createWorld } from '../../src/runtime/index.js';
import { memoryFiles } from './support.js';

const POLICY = '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b1-test/*"}]}';

function session() {
  const ctx = { world: createWorld(), files: memoryFiles({ 'p.json': `${POLICY}\n` }), defaultRegion: 'us-east-1' };
  const run = (line: string) => runAwsLine(line, ctx);
  run('aws s3api create-bucket --bucket b1-test');
  run('aws s3api delete-public-access-block --bucket b1-test');
  expect(run('aws s3api put-bucket-policy --bucket b1-test --policy file://p.json')).toMatchObject({ exitCode: 0, stdout: '', stderr: '' });
  return run;
}

describe('printing bucket policies', () => {
  it('get-bucket-policy prints the policy as a JSON string, without the whitespace it was sent with', () => {
    const run = session();
    expect(run('aws s3api get-bucket-policy --bucket b1-test').stdout).toBe(`{\n    "Policy": ${JSON.stringify(POLICY)}\n}\n`);
    expect(run('aws s3api get-bucket-policy --bucket b1-test --output text').stdout).toBe(`${POLICY}\n`);
    expect(run('aws s3api get-bucket-policy --bucket b1-test --query Policy --output text').stdout).toBe(`${POLICY}\n`);
  });

  it('get-bucket-policy-status and get-public-access-block in text and table', () => {
    const run = session();
    expect(run('aws s3api get-bucket-policy-status --bucket b1-test --output text').stdout).toBe('POLICYSTATUS\tTrue\n');
    run('aws s3api put-public-access-block --bucket b1-test --public-access-block-configuration BlockPublicPolicy=true');
    expect(run('aws s3api get-public-access-block --bucket b1-test --output text').stdout).toBe('PUBLICACCESSBLOCKCONFIGURATION\tFalse\tTrue\tFalse\tFalse\n');
    expect(run('aws s3api get-public-access-block --bucket b1-test --output table').stdout).toBe(
      [
        '--------------------------------------',
        '|        GetPublicAccessBlock        |',
        '+------------------------------------+',
        '||  PublicAccessBlockConfiguration  ||',
        '|+------------------------+---------+|',
        '||  BlockPublicAcls       |  False  ||',
        '||  BlockPublicPolicy     |  True   ||',
        '||  IgnorePublicAcls      |  False  ||',
        '||  RestrictPublicBuckets |  False  ||',
        '|+------------------------+---------+|',
        '',
      ].join('\n'),
    );
  });

  it('a missing policy is the service error, exit 254', () => {
    const run = session();
    run('aws s3api delete-bucket-policy --bucket b1-test');
    expect(run('aws s3api get-bucket-policy --bucket b1-test')).toMatchObject({
      exitCode: 254,
      stderr: '\naws: [ERROR]: An error occurred (NoSuchBucketPolicy) when calling the GetBucketPolicy operation: The bucket policy does not exist\n',
    });
  });
});
