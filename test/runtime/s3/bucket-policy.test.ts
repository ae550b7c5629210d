import { describe, expect, it } from 'vitest';
import { call, createBucket, expectError, newWorld } from './helpers.js';

const BUCKET = 'reports-abc123';
const ROLE = 'arn:aws:iam::123456789012:role/ReportReader';

function policy(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

const readForRole = { Sid: 'RoleReads', Effect: 'Allow', Principal: { AWS: ROLE }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` };
const publicRead = { Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` };

function world() {
  const w = newWorld();
  createBucket(w, BUCKET);
  return w;
}

function malformed(document: string, message: string) {
  const w = world();
  expectError(() => call(w, 'PutBucketPolicy', { Bucket: BUCKET, Policy: document }), { code: 'MalformedPolicy', message, status: 400 });
  expectError(() => call(w, 'GetBucketPolicy', { Bucket: BUCKET }), { code: 'NoSuchBucketPolicy', message: 'The bucket policy does not exist', status: 404 });
}

// https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicy.html
describe('PutBucketPolicy and GetBucketPolicy', () => {
  it('stores the policy and returns it without insignificant whitespace, keys in the order given', () => {
    const w = world();
    const text = `{\n  "Version": "2012-10-17",\n  "Statement": [ ${JSON.stringify(readForRole, null, 2)} ]\n}`;
    call(w, 'PutBucketPolicy', { Bucket: BUCKET, Policy: text });
    expect(call(w, 'GetBucketPolicy', { Bucket: BUCKET })).toEqual({ Policy: policy(readForRole) });
  });

  it('replaces the whole policy on a second put', () => {
    const w = world();
    call(w, 'PutBucketPolicy', { Bucket: BUCKET, Policy: policy(readForRole) });
    const other = { ...readForRole, Sid: 'List', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${BUCKET}` };
    call(w, 'PutBucketPolicy', { Bucket: BUCKET, Policy: policy(other) });
    expect(call(w, 'GetBucketPolicy', { Bucket: BUCKET }).Policy).toBe(policy(other));
  });

  it('answers NoSuchBucketPolicy, 404, for a bucket without a policy', () => {
    const error = expectError(() => call(world(), 'GetBucketPolicy', { Bucket: BUCKET }), {
      code: 'NoSuchBucketPolicy', message: 'The bucket policy does not exist', status: 404,
    });
    expect(error.fields).toEqual({ BucketName: BUCKET });
  });

  it('answers NoSuchBucket for a bucket that does not exist', () => {
    expectError(() => call(world(), 'PutBucketPolicy', { Bucket: 'nope-bucket', Policy: policy(readForRole) }), {
      code: 'NoSuchBucket', message: 'The specified bucket does not exist', status: 404,
    });
  });

  it('accepts a single statement object and a policy without Version', () => {
    const w = world();
    call(w, 'PutBucketPolicy', { Bucket: BUCKET, Policy: JSON.stringify({ Statement: readForRole }) });
    expect(call(w, 'GetBucketPolicy', { Bucket: BUCKET }).Policy).toBe(JSON.stringify({ Statement: readForRole }));
  });
});

// https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketPolicy.html
describe('DeleteBucketPolicy', () => {
  it('removes the policy; deleting again still succeeds', () => {
    const w = world();
    call(w, 'PutBucketPolicy', { Bucket: BUCKET, Policy: policy(readForRole) });
    expect(call(w, 'DeleteBucketPolicy', { Bucket: BUCKET })).toEqual({});
    expect(call(w, 'DeleteBucketPolicy', { Bucket: BUCKET })).toEqual({});
    expectError(() => call(w, 'GetBucketPolicy', { Bucket: BUCKET }), { code: 'NoSuchBucketPolicy', message: 'The bucket policy does not exist', status: 404 });
  });
});

// S3 checks a policy's grammar and its fit to the bucket when it is put, first problem wins:
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
describe('a malformed policy is refused with MalformedPolicy and changes nothing', () => {
  it('text that is not JSON', () => malformed('{"Version": "2012-10-17",', 'This policy contains invalid Json'));
  it('JSON that is not an object', () => malformed('[]', 'This policy contains invalid Json'));
  it('an unknown Version', () => malformed(JSON.stringify({ Version: '2024-01-01', Statement: [readForRole] }), 'The policy must contain a valid version string'));
  it('no Statement', () => malformed(JSON.stringify({ Version: '2012-10-17' }), 'Missing required field Statement'));
  it('an empty Statement list', () => malformed(policy(), 'Could not parse the policy: Statement is empty!'));
  it('a statement without Effect', () => malformed(policy({ ...readForRole, Effect: undefined }), 'Missing required field Effect'));
  it('an Effect other than Allow or Deny', () => malformed(policy({ ...readForRole, Effect: 'Permit' }), 'Invalid effect: Permit'));
  it('a statement without Principal', () => malformed(policy({ ...readForRole, Principal: undefined }), 'Missing required field Principal'));
  it('a principal that is not an account, user, role or *', () =>
    malformed(policy({ ...readForRole, Principal: { AWS: 'ReportReader' } }), 'Invalid principal in policy'));
  it('a principal of an unknown kind', () => malformed(policy({ ...readForRole, Principal: { User: ROLE } }), 'Invalid principal in policy'));
  it('a statement without Action', () => malformed(policy({ ...readForRole, Action: undefined }), 'Missing required field Action'));
  it('an action S3 does not have', () => malformed(policy({ ...readForRole, Action: 's3:ReadObject' }), 'Policy has invalid action'));
  it("another service's action", () => malformed(policy({ ...readForRole, Action: 'ec2:RunInstances' }), 'Policy has invalid action'));
  it('a statement without Resource', () => malformed(policy({ ...readForRole, Resource: undefined }), 'Missing required field Resource'));
  it('a resource in another bucket', () => malformed(policy({ ...readForRole, Resource: 'arn:aws:s3:::other-bucket/*' }), 'Policy has invalid resource'));
  it('a resource of *', () => malformed(policy({ ...readForRole, Resource: '*' }), 'Policy has invalid resource'));
  it('a bucket name without the arn:aws:s3::: prefix', () => malformed(policy({ ...readForRole, Resource: `${BUCKET}/*` }), 'Policy has invalid resource'));
  it('an object action on the bucket ARN only', () =>
    malformed(policy({ ...readForRole, Resource: `arn:aws:s3:::${BUCKET}` }), 'Action does not apply to any resource(s) in statement'));
  it('a bucket action on object ARNs only', () =>
    malformed(policy({ ...readForRole, Action: 's3:ListBucket' }), 'Action does not apply to any resource(s) in statement'));
  it('a policy over 20 KB', () =>
    malformed(policy(...Array.from({ length: 200 }, (_, i) => ({ ...readForRole, Sid: `S${i}` }))), 'Policy exceeds the maximum allowed document size.'));
});

describe('policies S3 accepts', () => {
  it.each([
    ['wildcard actions', { ...readForRole, Action: 's3:Get*' }],
    ['lower-case action names', { ...readForRole, Action: 's3:getobject' }],
    ['an action list over the bucket and its objects', { ...readForRole, Action: ['s3:ListBucket', 's3:GetObject'], Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`] }],
    ['an account as principal', { ...readForRole, Principal: { AWS: '123456789012' } }],
    ['a service principal', { ...readForRole, Principal: { Service: 'cloudtrail.amazonaws.com' } }],
    ['a Deny with a condition', { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
  ])('%s', (_name, statement) => {
    const w = world();
    call(w, 'PutBucketPolicy', { Bucket: BUCKET, Policy: policy(statement) });
    expect(call(w, 'GetBucketPolicy', { Bucket: BUCKET }).Policy).toBe(policy(statement));
  });
});

// "The meaning of public" and BlockPublicPolicy:
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
describe('public policies', () => {
  it('a public policy is refused with AccessDenied while BlockPublicPolicy is on (the default for new buckets)', () => {
    const w = world();
    expectError(() => call(w, 'PutBucketPolicy', { Bucket: BUCKET, Policy: policy(publicRead) }), { code: 'AccessDenied', message: 'Access Denied', status: 403 });
    expectError(() => call(w, 'GetBucketPolicy', { Bucket: BUCKET }), { code: 'NoSuchBucketPolicy', message: 'The bucket policy does not exist', status: 404 });
  });

  it('a public policy is accepted once BlockPublicPolicy is off, and GetBucketPolicyStatus says it is public', () => {
    const w = world();
    call(w, 'PutPublicAccessBlock', { Bucket: BUCKET, PublicAccessBlockConfiguration: { BlockPublicPolicy: false } });
    call(w, 'PutBucketPolicy', { Bucket: BUCKET, Policy: policy(publicRead) });
    expect(call(w, 'GetBucketPolicyStatus', { Bucket: BUCKET })).toEqual({ PolicyStatus: { IsPublic: true } });
  });

  it('a policy naming a role is not public, and BlockPublicPolicy lets it through', () => {
    const w = world();
    call(w, 'PutBucketPolicy', { Bucket: BUCKET, Policy: policy(readForRole) });
    expect(call(w, 'GetBucketPolicyStatus', { Bucket: BUCKET })).toEqual({ PolicyStatus: { IsPublic: false } });
  });

  it.each([
    ['Principal {"AWS": "*"}', { ...publicRead, Principal: { AWS: '*' } }, true],
    ['a NotPrincipal Allow', { ...publicRead, Principal: undefined, NotPrincipal: { AWS: ROLE } }, true],
    ['a condition on an address range', { ...publicRead, Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }, false],
    ['a condition on the whole internet', { ...publicRead, Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } }, true],
    ['a condition on a fixed VPC endpoint', { ...publicRead, Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }, false],
    ['a condition on a wildcard source ARN', { ...publicRead, Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudtrail:*' } } }, true],
    ['a condition that only asks for TLS', { ...publicRead, Condition: { Bool: { 'aws:SecureTransport': 'true' } } }, true],
    ['a Deny to everyone', { ...publicRead, Effect: 'Deny' }, false],
  ])('%s: public is %s', (_name, statement, isPublic) => {
    const w = world();
    call(w, 'DeletePublicAccessBlock', { Bucket: BUCKET });
    call(w, 'PutBucketPolicy', { Bucket: BUCKET, Policy: policy(statement) });
    expect(call(w, 'GetBucketPolicyStatus', { Bucket: BUCKET })).toEqual({ PolicyStatus: { IsPublic: isPublic } });
  });

  it('GetBucketPolicyStatus without a policy answers NoSuchBucketPolicy', () => {
    expectError(() => call(world(), 'GetBucketPolicyStatus', { Bucket: BUCKET }), { code: 'NoSuchBucketPolicy', message: 'The bucket policy does not exist', status: 404 });
  });
});
