// Commands sent as someone other than the console's administrator: a profile's access keys,
// or nobody at all with --no-sign-request, against S3's policy checks.
// https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html
// https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-options.html (--no-sign-request)
import { describe, expect, it } from 'vitest';
import { runAwsLine } from '../../src/cli/index.js';
import { World } from '../../src/runtime/world.js';
import { defineService } from '../../src/runtime/service.js';
import type { ServiceModel } from '../../src/runtime/model.js';
import type { PolicySource, Principal } from '../../src/runtime/iam/policy/index.js';
import { s3 } from '../../src/runtime/s3/index.js';
import { memoryFiles } from './support.js';

const ACCOUNT = '123456789012';
const BUCKET = 'reports-abc123';
const auditor: Principal = { type: 'user', arn: `arn:aws:iam::${ACCOUNT}:user/auditor`, accountId: ACCOUNT, name: 'auditor' };
const model = { metadata: { protocol: 'query', serviceId: 'Directory' }, operations: {}, shapes: {} } as unknown as ServiceModel;

const readReports: PolicySource = {
  kind: 'identity',
  name: 'read-reports',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`] }] },
};

/** The auditor's key and policy, as IAM would keep them. */
const directory = defineService<object>({
  name: 'directory',
  model,
  global: true,
  createState: () => ({}),
  operations: {},
  identityPolicies: (_state, principal) => (principal.arn === auditor.arn ? [readReports] : []),
  principalForAccessKey: (_state, id) => (id === 'AKIAAUDITOR000000001' ? auditor : undefined),
});

function session() {
  const world = new World({ services: [s3, directory] });
  const files = memoryFiles({
    'q1.csv': 'eu,1\n',
    '.aws/credentials': '[auditor]\naws_access_key_id = AKIAAUDITOR000000001\naws_secret_access_key = s\n[stranger]\naws_access_key_id = AKIASTRANGER00000001\naws_secret_access_key = s\n',
  });
  const ctx = { world, files, defaultRegion: 'us-east-1' };
  const run = (line: string) => runAwsLine(line, ctx);
  run(`aws s3api create-bucket --bucket ${BUCKET}`);
  run(`aws s3api put-object --bucket ${BUCKET} --key q1.csv --body q1.csv`);
  return { world, files, run };
}

describe('--profile with access keys', () => {
  it('reads what the profile\'s policies allow', () => {
    const { run } = session();
    expect(run(`aws s3api get-object --bucket ${BUCKET} --key q1.csv out.csv --profile auditor --query ContentLength`)).toMatchObject({ exitCode: 0, stdout: '5\n' });
    expect(run(`aws s3 ls s3://${BUCKET} --profile auditor`)).toEqual({ exitCode: 0, stdout: '2025-01-06 09:00:00          5 q1.csv\n', stderr: '' });
  });

  it('is refused what they do not allow, with S3\'s AccessDenied, exit 254, and nothing changes', () => {
    const { run } = session();
    expect(run(`aws s3api delete-object --bucket ${BUCKET} --key q1.csv --profile auditor`)).toMatchObject({
      exitCode: 254,
      stdout: '',
      stderr: '\naws: [ERROR]: An error occurred (AccessDenied) when calling the DeleteObject operation: Access Denied\n',
    });
    expect(run(`aws s3 rm s3://${BUCKET}/q1.csv --profile auditor`)).toMatchObject({
      exitCode: 1,
      stderr: `delete failed: s3://${BUCKET}/q1.csv An error occurred (AccessDenied) when calling the DeleteObject operation: Access Denied\n`,
    });
    expect(run(`aws s3api head-object --bucket ${BUCKET} --key q1.csv --query ContentLength`).stdout).toBe('5\n');
  });

  it('an access key S3 does not know is InvalidAccessKeyId', () => {
    expect(session().run(`aws s3api list-objects-v2 --bucket ${BUCKET} --profile stranger`)).toMatchObject({
      exitCode: 254,
      stderr:
        '\naws: [ERROR]: An error occurred (InvalidAccessKeyId) when calling the ListObjectsV2 operation: The AWS Access Key Id you provided does not exist in our records.\n',
    });
  });

  it('a profile that does not exist fails before anything is sent', () => {
    const { run, world } = session();
    const before = world.activity.length;
    expect(run(`aws s3 ls --profile nosuch`)).toEqual({ exitCode: 255, stdout: '', stderr: '\nThe config profile (nosuch) could not be found\n' });
    expect(world.activity.length).toBe(before);
  });

  it('records the principal in the activity log', () => {
    const { run, world } = session();
    run(`aws s3api list-objects-v2 --bucket ${BUCKET} --profile auditor`);
    expect(world.activity.at(-1)).toMatchObject({ operation: 'ListObjectsV2', principal: auditor.arn });
  });
});

describe('--no-sign-request', () => {
  it('is anonymous: denied until a public bucket policy lets the public in', () => {
    const { run } = session();
    expect(run(`aws s3api get-object --bucket ${BUCKET} --key q1.csv out.csv --no-sign-request`)).toMatchObject({
      exitCode: 254,
      stderr: '\naws: [ERROR]: An error occurred (AccessDenied) when calling the GetObject operation: Access Denied\n',
    });
    run(`aws s3api delete-public-access-block --bucket ${BUCKET}`);
    run(`aws s3api put-bucket-policy --bucket ${BUCKET} --policy '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::${BUCKET}/*"}]}'`);
    expect(run(`aws s3 cp s3://${BUCKET}/q1.csv copy.csv --no-sign-request`)).toEqual({ exitCode: 0, stdout: `download: s3://${BUCKET}/q1.csv to ./copy.csv\n`, stderr: '' });
  });
});

describe('aws:SecureTransport', () => {
  it('is false for a request sent to an http:// endpoint, so a TLS-only Deny refuses it', () => {
    const { run } = session();
    run(`aws s3api put-bucket-policy --bucket ${BUCKET} --policy '{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::${BUCKET}/*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}'`);
    expect(run(`aws s3api head-object --bucket ${BUCKET} --key q1.csv --profile auditor`).exitCode).toBe(0);
    expect(run(`aws s3api head-object --bucket ${BUCKET} --key q1.csv --profile auditor --endpoint-url http://s3.amazonaws.com`)).toMatchObject({
      exitCode: 254,
      stderr: '\naws: [ERROR]: An error occurred (403) when calling the HeadObject operation: Forbidden\n',
    });
  });
});
