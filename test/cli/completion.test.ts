import { describe, expect, it } from 'vitest';
import { complete } from '../../src/cli/index.js';
import { testWorld } from './support.js';

describe('complete', () => {
  const world = testWorld();
  const cases: Array<[string, string[]]> = [
    ['', ['aws']],
    ['aw', ['aws']],
    ['ls', []],
    ['aws ', ['configure', 'ec2', 'help', 'iam', 'pager', 's3', 's3api', 'sts']],
    ['aws s3a', ['s3api']],
    ['aws --re', ['--region']],
    ['aws --region ', ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1']],
    ['aws --region eu', ['eu-west-1', 'eu-central-1']],
    ['aws --output t', ['text', 'table']],
    ['aws --region eu-west-1 s3api put-bucket-v', ['put-bucket-versioning']],
    ['aws s3api list-objects', ['list-objects', 'list-objects-v2']],
    ['aws s3api list-objects-v2 --b', ['--bucket']],
    ['aws s3api list-objects-v2 --max', ['--max-items']],
    ['aws s3api list-objects-v2 --bucket b --encoding-type ', ['url']],
    ['aws s3api put-bucket-versioning --bucket b --mfa', ['--mfa']],
    ['aws s3api put-object --acl pu', ['public-read', 'public-read-write']],
    ['aws s3api create-bucket --bucket b --no-', ['--no-object-lock-enabled-for-bucket', '--no-verify-ssl', '--no-paginate', '--no-sign-request', '--no-cli-pager', '--no-cli-auto-prompt']],
    ['aws s3 ', ['cp', 'ls', 'mb', 'mv', 'presign', 'rb', 'rm', 'sync', 'website']],
    ['aws s3 c', ['cp']],
    ['aws nope ', []],
    ["aws s3api list-objects-v2 --bucket 'my b", []],
    ["aws s3api 'list-obj", ['list-object-versions', 'list-objects', 'list-objects-v2']],
    ['aws s3api list-buckets h', ['help']],
  ];
  for (const [line, candidates] of cases) {
    it(`completes ${JSON.stringify(line)}`, () => {
      expect(complete(line, world)).toEqual(candidates);
    });
  }

  it('does not offer an option already on the line', () => {
    expect(complete('aws s3api get-bucket-versioning --bucket b --', world)).not.toContain('--bucket');
    expect(complete('aws s3api get-bucket-versioning --bucket b --', world)).toContain('--expected-bucket-owner');
  });
});
