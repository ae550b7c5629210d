import { describe, expect, it } from 'vitest';
import { call, createBucket, expectError, newWorld, put } from './helpers.js';
import { mfaCode, mfaHeader, mfaSerialNumber } from '../../../src/runtime/account/mfa.js';
import { DEFAULT_ACCOUNT_ID } from '../../../src/runtime/world.js';

const versioning = (Status?: string, MFADelete?: string) => ({ VersioningConfiguration: { Status, MFADelete } });
const MFA_REQUIRED = { code: 'AccessDenied', message: 'Mfa Authentication must be used for this request', status: 403 };

describe('PutBucketVersioning and GetBucketVersioning', () => {
  // "If the versioning state has never been set on a bucket, it has no versioning state; a GetBucketVersioning
  // request does not return a versioning state value." https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketVersioning.html
  it('reports no status for a bucket that was never versioned', () => {
    const world = newWorld();
    createBucket(world, 'docs');
    expect(call(world, 'GetBucketVersioning', { Bucket: 'docs' })).toEqual({});
  });

  // "Once you version-enable a bucket, it can never return to an unversioned state. You can, however, suspend versioning"
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
  it('moves between Enabled and Suspended', () => {
    const world = newWorld();
    createBucket(world, 'docs');
    call(world, 'PutBucketVersioning', { Bucket: 'docs', ...versioning('Enabled') });
    expect(call(world, 'GetBucketVersioning', { Bucket: 'docs' })).toEqual({ Status: 'Enabled' });
    call(world, 'PutBucketVersioning', { Bucket: 'docs', ...versioning('Suspended') });
    expect(call(world, 'GetBucketVersioning', { Bucket: 'docs' })).toEqual({ Status: 'Suspended' });
  });

  // The Status element is required: https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketVersioning.html
  it('rejects a configuration without a status', () => {
    const world = newWorld();
    createBucket(world, 'docs');
    expectError(() => call(world, 'PutBucketVersioning', { Bucket: 'docs', VersioningConfiguration: {} }), {
      code: 'IllegalVersioningConfigurationException',
      message: 'The Versioning element must be specified',
      status: 400,
    });
  });
});

describe('MFA Delete', () => {
  const at = (world: { nowMs: number }) => mfaHeader(DEFAULT_ACCOUNT_ID, world.nowMs);

  // "you must include the x-amz-mfa request header and the Status and the MfaDelete request elements"
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketVersioning.html
  it('refuses to enable MFA Delete without the x-amz-mfa header', () => {
    const world = newWorld();
    createBucket(world, 'vault');
    expectError(() => call(world, 'PutBucketVersioning', { Bucket: 'vault', ...versioning('Enabled', 'Enabled') }), MFA_REQUIRED);
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html
  it('enables MFA Delete with the device serial and its current code, and reports it', () => {
    const world = newWorld();
    createBucket(world, 'vault');
    call(world, 'PutBucketVersioning', { Bucket: 'vault', MFA: at(world), ...versioning('Enabled', 'Enabled') });
    expect(call(world, 'GetBucketVersioning', { Bucket: 'vault' })).toEqual({ Status: 'Enabled', MFADelete: 'Enabled' });
  });

  // "The header's value is the concatenation of your authentication device's serial number, a space, and the
  // authentication code" https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMFADelete.html
  it('rejects an x-amz-mfa value without the space between serial and code', () => {
    const world = newWorld();
    createBucket(world, 'vault');
    const header = mfaSerialNumber(DEFAULT_ACCOUNT_ID) + mfaCode(DEFAULT_ACCOUNT_ID, world.nowMs);
    expectError(() => call(world, 'PutBucketVersioning', { Bucket: 'vault', MFA: header, ...versioning('Enabled', 'Enabled') }), {
      code: 'InvalidArgument',
      message: 'Mfa header is invalid -- the header should be formatted as {serialNumber}(space){tokenCode}',
      status: 400,
      fields: { ArgumentName: 'x-amz-mfa', ArgumentValue: header },
    });
  });

  // A code the device did not show is not authentication: https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html
  it('rejects a wrong code or a code that expired a minute ago', () => {
    const world = newWorld();
    createBucket(world, 'vault');
    const stale = at(world);
    world.advance(60_000);
    expectError(() => call(world, 'PutBucketVersioning', { Bucket: 'vault', MFA: stale, ...versioning('Enabled', 'Enabled') }), {
      code: 'AccessDenied',
      message: 'Access Denied',
      status: 403,
    });
  });

  // "all future requests to change the versioning state ... require the request header x-amz-mfa"
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html
  it('needs MFA to suspend versioning once MFA Delete is on', () => {
    const world = newWorld();
    createBucket(world, 'vault');
    call(world, 'PutBucketVersioning', { Bucket: 'vault', MFA: at(world), ...versioning('Enabled', 'Enabled') });
    expectError(() => call(world, 'PutBucketVersioning', { Bucket: 'vault', ...versioning('Suspended') }), MFA_REQUIRED);
    call(world, 'PutBucketVersioning', { Bucket: 'vault', MFA: at(world), ...versioning('Suspended', 'Disabled') });
    expect(call(world, 'GetBucketVersioning', { Bucket: 'vault' })).toEqual({ Status: 'Suspended', MFADelete: 'Disabled' });
  });

  // "the bucket owner must include the x-amz-mfa request header in requests to permanently delete an object version"
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMFADelete.html
  it('needs MFA to delete a version for good, but not to add a delete marker', () => {
    const world = newWorld();
    createBucket(world, 'vault');
    call(world, 'PutBucketVersioning', { Bucket: 'vault', MFA: at(world), ...versioning('Enabled', 'Enabled') });
    const version = put(world, 'vault', 'secret.txt', 'x').VersionId;
    expect(call(world, 'DeleteObject', { Bucket: 'vault', Key: 'secret.txt' }).DeleteMarker).toBe(true);
    expectError(() => call(world, 'DeleteObject', { Bucket: 'vault', Key: 'secret.txt', VersionId: version }), MFA_REQUIRED);
    expect(call(world, 'DeleteObject', { Bucket: 'vault', Key: 'secret.txt', VersionId: version, MFA: at(world) })).toEqual({ VersionId: version });
  });

  // "If you do not provide one, the entire request will fail, even if there are non-versioned objects you are trying to
  // delete. If you provide an invalid token, whether there are versioned keys in the request or not, the entire
  // Multi-Object Delete request will fail." https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html
  it('fails a whole DeleteObjects request that names a version without MFA, or carries a bad token', () => {
    const world = newWorld();
    createBucket(world, 'vault');
    call(world, 'PutBucketVersioning', { Bucket: 'vault', MFA: at(world), ...versioning('Enabled', 'Enabled') });
    const version = put(world, 'vault', 'a.txt', 'x').VersionId;
    put(world, 'vault', 'b.txt', 'y');
    const objects = [{ Key: 'b.txt' }, { Key: 'a.txt', VersionId: version }];
    expectError(() => call(world, 'DeleteObjects', { Bucket: 'vault', Delete: { Objects: objects } }), MFA_REQUIRED);
    const badToken = `${mfaSerialNumber(DEFAULT_ACCOUNT_ID)} 000000`;
    const mfaIsWrong = mfaCode(DEFAULT_ACCOUNT_ID, world.nowMs) !== '000000';
    expect(mfaIsWrong).toBe(true);
    expectError(() => call(world, 'DeleteObjects', { Bucket: 'vault', MFA: badToken, Delete: { Objects: [{ Key: 'b.txt' }] } }), {
      code: 'AccessDenied',
      message: 'Access Denied',
      status: 403,
    });
    expect(call(world, 'GetObject', { Bucket: 'vault', Key: 'b.txt' }).ContentLength).toBe(1);
  });
});
