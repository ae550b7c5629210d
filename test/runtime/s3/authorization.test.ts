// S3 calls made as a principal: S3's action and resource for each operation, the bucket policy
// as the resource policy, Block Public Access's RestrictPublicBuckets, and S3's bare 403.
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
import { describe, expect, it } from 'vitest';
import { World } from '../../../src/runtime/world.js';
import { defineService } from '../../../src/runtime/service.js';
import type { ServiceModel } from '../../../src/runtime/model.js';
import type { PolicySource, Principal } from '../../../src/runtime/iam/policy/index.js';
import { s3 } from '../../../src/runtime/s3/index.js';
import { s3AuthorizationTarget } from '../../../src/runtime/s3/authorization.js';
import { bytes, expectError } from './helpers.js';

const ACCOUNT = '123456789012';
const BUCKET = 'reports-abc123';
const auditor: Principal = { type: 'user', arn: `arn:aws:iam::${ACCOUNT}:user/auditor`, accountId: ACCOUNT, name: 'auditor' };
const writer: Principal = { type: 'assumed-role', arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Writer/nightly`, accountId: ACCOUNT, name: 'Writer' };
const anonymous: Principal = { type: 'anonymous', arn: '*', accountId: '' };
const model = { metadata: { protocol: 'json', serviceId: 'Directory' }, operations: {}, shapes: {} } as unknown as ServiceModel;

/** Identity policies by principal ARN, as IAM keeps them for its users and roles. */
const directory = defineService<{ byArn: Record<string, PolicySource[]> }>({
  name: 'directory',
  model,
  global: true,
  createState: () => ({ byArn: {} }),
  operations: {},
  identityPolicies: (state, principal) => state.byArn[principal.arn] ?? [],
});

const DENIED = { code: 'AccessDenied', message: 'Access Denied', status: 403 };

function identity(...statements: object[]): PolicySource {
  return { kind: 'identity', name: 'test policy', document: { Version: '2012-10-17', Statement: statements } };
}

function setup(policies: Record<string, PolicySource[]> = {}) {
  const world = new World({ services: [s3, directory] });
  world.serviceState<{ byArn: Record<string, PolicySource[]> }>('directory').byArn = Object.fromEntries(Object.entries(policies));
  world.call('s3', 'CreateBucket', { Bucket: BUCKET });
  world.call('s3', 'PutObject', { Bucket: BUCKET, Key: 'q1.csv', Body: bytes('eu,1') });
  world.call('s3', 'CreateBucket', { Bucket: 'payroll-abc123' });
  const as = (principal: Principal, operation: string, input: Record<string, unknown>, context: Record<string, string> = {}) =>
    world.call('s3', operation, input, { principal, context: { 'aws:SecureTransport': 'true', ...context } });
  return { world, as };
}

const readReports = identity(
  { Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${BUCKET}` },
  { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` },
);

describe("S3's authorization table", () => {
  it.each([
    ['GetObject', { Bucket: 'b', Key: 'k' }, 's3:GetObject', 'arn:aws:s3:::b/k'],
    ['GetObject', { Bucket: 'b', Key: 'k', VersionId: 'v1' }, 's3:GetObjectVersion', 'arn:aws:s3:::b/k'],
    ['HeadObject', { Bucket: 'b', Key: 'a/k' }, 's3:GetObject', 'arn:aws:s3:::b/a/k'],
    ['PutObject', { Bucket: 'b', Key: 'k' }, 's3:PutObject', 'arn:aws:s3:::b/k'],
    ['DeleteObject', { Bucket: 'b', Key: 'k' }, 's3:DeleteObject', 'arn:aws:s3:::b/k'],
    ['DeleteObject', { Bucket: 'b', Key: 'k', VersionId: 'v1' }, 's3:DeleteObjectVersion', 'arn:aws:s3:::b/k'],
    ['ListObjectsV2', { Bucket: 'b' }, 's3:ListBucket', 'arn:aws:s3:::b'],
    ['ListObjects', { Bucket: 'b' }, 's3:ListBucket', 'arn:aws:s3:::b'],
    ['HeadBucket', { Bucket: 'b' }, 's3:ListBucket', 'arn:aws:s3:::b'],
    ['ListObjectVersions', { Bucket: 'b' }, 's3:ListBucketVersions', 'arn:aws:s3:::b'],
    ['ListBuckets', {}, 's3:ListAllMyBuckets', 'arn:aws:s3:::*'],
    ['PutBucketVersioning', { Bucket: 'b' }, 's3:PutBucketVersioning', 'arn:aws:s3:::b'],
    ['GetObjectTagging', { Bucket: 'b', Key: 'k', VersionId: 'v1' }, 's3:GetObjectVersionTagging', 'arn:aws:s3:::b/k'],
    ['PutBucketPolicy', { Bucket: 'b' }, 's3:PutBucketPolicy', 'arn:aws:s3:::b'],
    ['DeletePublicAccessBlock', { Bucket: 'b' }, 's3:PutBucketPublicAccessBlock', 'arn:aws:s3:::b'],
    ['CopyObject', { Bucket: 'b', Key: 'copy', CopySource: 'b/k' }, 's3:PutObject', 'arn:aws:s3:::b/copy'],
  ] as const)('%s %j asks for %s on %s', (operation, input, action, resource) => {
    const target = s3AuthorizationTarget(operation, input);
    expect({ action: target.action, resources: target.resources }).toEqual({ action, resources: [resource] });
  });

  it('gives a listing its prefix, delimiter and max-keys as s3: condition keys', () => {
    expect(s3AuthorizationTarget('ListObjectsV2', { Bucket: 'b', Prefix: '2024/', Delimiter: '/', MaxKeys: 10 }).context).toEqual({
      's3:prefix': '2024/', 's3:delimiter': '/', 's3:max-keys': '10',
    });
  });

  it('asks for every key of a multi-object delete', () => {
    expect(s3AuthorizationTarget('DeleteObjects', { Bucket: 'b', Delete: { Objects: [{ Key: 'a' }, { Key: 'b' }] } })).toEqual({
      action: 's3:DeleteObject', resources: ['arn:aws:s3:::b/a', 'arn:aws:s3:::b/b'],
    });
  });
});

describe('identity policies', () => {
  it('let the auditor list and read the bucket they name, and nothing else, with S3\'s bare 403', () => {
    const { as } = setup({ [auditor.arn]: [readReports] });
    expect(as(auditor, 'ListObjectsV2', { Bucket: BUCKET }).KeyCount).toBe(1);
    expect(as(auditor, 'GetObject', { Bucket: BUCKET, Key: 'q1.csv' }).ContentLength).toBe(4);
    expectError(() => as(auditor, 'PutObject', { Bucket: BUCKET, Key: 'q1.csv', Body: bytes('x') }), DENIED);
    expectError(() => as(auditor, 'DeleteObject', { Bucket: BUCKET, Key: 'q1.csv' }), DENIED);
    expectError(() => as(auditor, 'ListObjectsV2', { Bucket: 'payroll-abc123' }), DENIED);
  });

  it('an s3:prefix condition limits a listing to that prefix', () => {
    const { as } = setup({
      [auditor.arn]: [identity({ Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${BUCKET}`, Condition: { StringLike: { 's3:prefix': '2024/*' } } })],
    });
    expect(as(auditor, 'ListObjectsV2', { Bucket: BUCKET, Prefix: '2024/' }).KeyCount).toBe(0);
    expectError(() => as(auditor, 'ListObjectsV2', { Bucket: BUCKET }), DENIED);
  });

  it('CopyObject needs s3:GetObject on the source as well as s3:PutObject on the destination', () => {
    const { as } = setup({ [auditor.arn]: [identity({ Effect: 'Allow', Action: 's3:PutObject', Resource: `arn:aws:s3:::${BUCKET}/*` })] });
    expectError(() => as(auditor, 'CopyObject', { Bucket: BUCKET, Key: 'copy.csv', CopySource: `${BUCKET}/q1.csv` }), DENIED);
    const { as: reader } = setup({ [auditor.arn]: [identity({ Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: `arn:aws:s3:::${BUCKET}/*` })] });
    expect(reader(auditor, 'CopyObject', { Bucket: BUCKET, Key: 'copy.csv', CopySource: `${BUCKET}/q1.csv` }).CopyObjectResult).toBeDefined();
  });
});

function bucketPolicy(world: World, ...statements: object[]) {
  world.call('s3', 'PutBucketPolicy', { Bucket: BUCKET, Policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) });
}

describe('the bucket policy', () => {
  it('lets a role in by itself, within the account, with no identity policy', () => {
    const { world, as } = setup();
    expectError(() => as(writer, 'GetObject', { Bucket: BUCKET, Key: 'q1.csv' }), DENIED);
    bucketPolicy(world, { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/Writer` }, Action: ['s3:GetObject', 's3:PutObject'], Resource: `arn:aws:s3:::${BUCKET}/*` });
    expect(as(writer, 'PutObject', { Bucket: BUCKET, Key: 'new.csv', Body: bytes('x') }).ETag).toBeDefined();
    expect(as(writer, 'GetObject', { Bucket: BUCKET, Key: 'q1.csv' }).ContentLength).toBe(4);
    expectError(() => as(auditor, 'GetObject', { Bucket: BUCKET, Key: 'q1.csv' }), DENIED);
  });

  it('an explicit Deny on aws:SecureTransport false refuses plain HTTP even to an allowed principal', () => {
    const { world, as } = setup({ [auditor.arn]: [readReports] });
    bucketPolicy(world, { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    expect(as(auditor, 'GetObject', { Bucket: BUCKET, Key: 'q1.csv' }).ContentLength).toBe(4);
    expectError(() => as(auditor, 'GetObject', { Bucket: BUCKET, Key: 'q1.csv' }, { 'aws:SecureTransport': 'false' }), DENIED);
  });

  it('anonymous requests are allowed only by a public bucket policy, and RestrictPublicBuckets takes that away', () => {
    const { world, as } = setup();
    expectError(() => as(anonymous, 'GetObject', { Bucket: BUCKET, Key: 'q1.csv' }), DENIED);
    world.call('s3', 'DeletePublicAccessBlock', { Bucket: BUCKET });
    bucketPolicy(world, { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` });
    expect(as(anonymous, 'GetObject', { Bucket: BUCKET, Key: 'q1.csv' }).ContentLength).toBe(4);
    expectError(() => as(anonymous, 'ListObjectsV2', { Bucket: BUCKET }), DENIED);
    world.call('s3', 'PutPublicAccessBlock', { Bucket: BUCKET, PublicAccessBlockConfiguration: { RestrictPublicBuckets: true } });
    expectError(() => as(anonymous, 'GetObject', { Bucket: BUCKET, Key: 'q1.csv' }), DENIED);
  });

  it('RestrictPublicBuckets leaves the non-public statements of a public policy in force', () => {
    const { world, as } = setup();
    world.call('s3', 'DeletePublicAccessBlock', { Bucket: BUCKET });
    bucketPolicy(
      world,
      { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` },
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/Writer` }, Action: 's3:PutObject', Resource: `arn:aws:s3:::${BUCKET}/*` },
    );
    world.call('s3', 'PutPublicAccessBlock', { Bucket: BUCKET, PublicAccessBlockConfiguration: { RestrictPublicBuckets: true } });
    expect(as(writer, 'PutObject', { Bucket: BUCKET, Key: 'n.csv', Body: bytes('x') }).ETag).toBeDefined();
    expectError(() => as(writer, 'GetObject', { Bucket: BUCKET, Key: 'q1.csv' }), DENIED);
  });

  it('a denied call changes nothing and is logged with its error and principal', () => {
    const { world, as } = setup();
    expectError(() => as(auditor, 'DeleteObject', { Bucket: BUCKET, Key: 'q1.csv' }), DENIED);
    expect(world.call('s3', 'HeadObject', { Bucket: BUCKET, Key: 'q1.csv' }).ContentLength).toBe(4);
    const denied = world.activity.find((record) => record.operation === 'DeleteObject')!;
    expect({ errorCode: denied.errorCode, principal: denied.principal }).toEqual({ errorCode: 'AccessDenied', principal: auditor.arn });
  });
});
