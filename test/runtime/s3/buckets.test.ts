import { describe, expect, it } from 'vitest';
import { call, createBucket, expectError, newWorld, put } from './helpers.js';

describe('CreateBucket and GetBucketLocation', () => {
  // "If you are creating a bucket on the US East (N. Virginia) Region (us-east-1), you do not need to specify the location."
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucketConfiguration.html
  it('creates a us-east-1 bucket without a configuration and reports a null location constraint', () => {
    const world = newWorld();
    expect(call(world, 'CreateBucket', { Bucket: 'reports' })).toEqual({ Location: '/reports' });
    // "Buckets in Region us-east-1 have a LocationConstraint of null."
    // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html
    expect(call(world, 'GetBucketLocation', { Bucket: 'reports' })).toEqual({ LocationConstraint: null });
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html#API_CreateBucket_Examples
  it('creates a bucket in the region the request names when the constraint matches', () => {
    const world = newWorld();
    const input = { Bucket: 'eu-data', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } };
    expect(call(world, 'CreateBucket', input, 'eu-west-1')).toEqual({ Location: 'http://eu-data.s3.amazonaws.com/' });
    expect(call(world, 'GetBucketLocation', { Bucket: 'eu-data' })).toEqual({ LocationConstraint: 'eu-west-1' });
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucketConfiguration.html
  it('lets a request sent to us-east-1 create a bucket in another region', () => {
    const world = newWorld();
    call(world, 'CreateBucket', { Bucket: 'oregon-data', CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } });
    expect(call(world, 'GetBucketLocation', { Bucket: 'oregon-data' })).toEqual({ LocationConstraint: 'us-west-2' });
  });

  // Outside us-east-1 the constraint must name the region the request was sent to.
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html
  it('rejects a request outside us-east-1 without a location constraint', () => {
    const world = newWorld();
    expectError(() => call(world, 'CreateBucket', { Bucket: 'eu-data' }, 'eu-west-1'), {
      code: 'IllegalLocationConstraintException',
      message: 'The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.',
      status: 400,
    });
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html
  it('rejects a location constraint that differs from the region the request was sent to', () => {
    const world = newWorld();
    const input = { Bucket: 'eu-data', CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } };
    expectError(() => call(world, 'CreateBucket', input, 'eu-west-1'), {
      code: 'IllegalLocationConstraintException',
      message: 'The us-west-2 location constraint is incompatible for the region specific endpoint this request was sent to.',
      status: 400,
    });
  });

  // us-east-1 is the default and is not a valid constraint value.
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucketConfiguration.html
  it('rejects us-east-1 as an explicit location constraint', () => {
    const world = newWorld();
    const input = { Bucket: 'reports', CreateBucketConfiguration: { LocationConstraint: 'us-east-1' } };
    expectError(() => call(world, 'CreateBucket', input), {
      code: 'InvalidLocationConstraint',
      message: 'The specified location-constraint is not valid',
      status: 400,
      fields: { LocationConstraint: 'us-east-1' },
    });
  });

  // "For legacy compatibility, if you re-create an existing bucket that you already own in the North
  // Virginia Region, Amazon S3 returns 200 OK" https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
  it('answers 200 when re-creating a bucket you own in us-east-1', () => {
    const world = newWorld();
    call(world, 'CreateBucket', { Bucket: 'reports' });
    expect(call(world, 'CreateBucket', { Bucket: 'reports' })).toEqual({ Location: '/reports' });
  });

  // BucketAlreadyOwnedByYou is returned "in all AWS Regions except in the North Virginia Region".
  // https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
  it('answers BucketAlreadyOwnedByYou when re-creating a bucket you own outside us-east-1', () => {
    const world = newWorld();
    const input = { Bucket: 'eu-data', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } };
    call(world, 'CreateBucket', input, 'eu-west-1');
    expectError(() => call(world, 'CreateBucket', input, 'eu-west-1'), {
      code: 'BucketAlreadyOwnedByYou',
      message: 'Your previous request to create the named bucket succeeded and you already own it.',
      status: 409,
      fields: { BucketName: 'eu-data' },
    });
  });

  // Object Lock requires versioning: https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html
  it('turns versioning on for a bucket created with Object Lock', () => {
    const world = newWorld();
    call(world, 'CreateBucket', { Bucket: 'locked', ObjectLockEnabledForBucket: true });
    expect(call(world, 'GetBucketVersioning', { Bucket: 'locked' })).toEqual({ Status: 'Enabled' });
  });
});

describe('ListBuckets, HeadBucket and DeleteBucket', () => {
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html
  it('lists buckets by name with their creation dates and the account owner', () => {
    const world = newWorld();
    call(world, 'CreateBucket', { Bucket: 'zebra' });
    world.advance(1500);
    call(world, 'CreateBucket', { Bucket: 'alpha' });
    const out = call(world, 'ListBuckets');
    expect(out.Buckets).toEqual([
      { Name: 'alpha', CreationDate: new Date(world.nowMs - 500) },
      { Name: 'zebra', CreationDate: new Date(world.nowMs - 1500) },
    ]);
    expect(out.Owner.ID).toMatch(/^[0-9a-f]{64}$/);
  });

  // "If the bucket does not exist ... you get a HTTP 404 (Not Found)"
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadBucket.html
  it('answers HeadBucket for an existing bucket with nothing and for a missing one with NoSuchBucket', () => {
    const world = newWorld();
    createBucket(world, 'reports');
    expect(call(world, 'HeadBucket', { Bucket: 'reports' })).toEqual({});
    expectError(() => call(world, 'HeadBucket', { Bucket: 'missing-bucket' }), {
      code: 'NoSuchBucket',
      message: 'The specified bucket does not exist',
      status: 404,
      fields: { BucketName: 'missing-bucket' },
    });
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucket.html
  it('deletes an empty bucket, after which it no longer exists', () => {
    const world = newWorld();
    createBucket(world, 'reports');
    expect(call(world, 'DeleteBucket', { Bucket: 'reports' })).toEqual({});
    expect(call(world, 'ListBuckets').Buckets).toEqual([]);
    expectError(() => call(world, 'DeleteBucket', { Bucket: 'reports' }), {
      code: 'NoSuchBucket',
      message: 'The specified bucket does not exist',
      status: 404,
      fields: { BucketName: 'reports' },
    });
  });

  // "All objects (including all object versions and delete markers) in the bucket must be deleted
  // before the bucket itself can be deleted." https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucket.html
  it('refuses to delete a bucket that still holds an object', () => {
    const world = newWorld();
    createBucket(world, 'reports');
    put(world, 'reports', 'q1.csv', 'data');
    expectError(() => call(world, 'DeleteBucket', { Bucket: 'reports' }), {
      code: 'BucketNotEmpty',
      message: 'The bucket you tried to delete is not empty',
      status: 409,
      fields: { BucketName: 'reports' },
    });
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/delete-bucket.html (versioned buckets: delete all versions first)
  it('refuses to delete a versioned bucket while only a delete marker remains, then deletes it once that is gone', () => {
    const world = newWorld();
    createBucket(world, 'reports', 'Enabled');
    const version = put(world, 'reports', 'q1.csv', 'data').VersionId;
    const marker = call(world, 'DeleteObject', { Bucket: 'reports', Key: 'q1.csv' }).VersionId;
    call(world, 'DeleteObject', { Bucket: 'reports', Key: 'q1.csv', VersionId: version });
    expectError(() => call(world, 'DeleteBucket', { Bucket: 'reports' }), {
      code: 'BucketNotEmpty',
      message: 'The bucket you tried to delete is not empty. You must delete all versions in the bucket.',
      status: 409,
      fields: { BucketName: 'reports' },
    });
    call(world, 'DeleteObject', { Bucket: 'reports', Key: 'q1.csv', VersionId: marker });
    expect(call(world, 'DeleteBucket', { Bucket: 'reports' })).toEqual({});
  });
});
