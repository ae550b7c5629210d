import { describe, expect, it } from 'vitest';
import { isValidBucketName } from '../../../src/runtime/s3/bucket-names.js';
import { call, expectError, newWorld } from './helpers.js';

// General purpose bucket naming rules:
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
describe('bucket names', () => {
  it.each(['abc', 'my-bucket', 'my.bucket.2025', 'a'.repeat(63), '1-2-3', 'xn-single-dash'])('accepts %j', (name) => {
    expect(isValidBucketName(name)).toBe(true);
  });

  it.each([
    ['ab', 'shorter than 3 characters'],
    ['a'.repeat(64), 'longer than 63 characters'],
    ['My-Bucket', 'upper-case letters'],
    ['my_bucket', 'an underscore'],
    ['-bucket', 'a leading hyphen'],
    ['bucket-', 'a trailing hyphen'],
    ['bucket.', 'a trailing period'],
    ['my..bucket', 'two adjacent periods'],
    ['192.168.5.4', 'the form of an IP address'],
    ['xn--bucket', 'the prefix xn--'],
    ['sthree-bucket', 'the prefix sthree-'],
    ['amzn-s3-demo-bucket', 'the prefix amzn-s3-demo-'],
    ['bucket-s3alias', 'the suffix -s3alias'],
    ['bucket--ol-s3', 'the suffix --ol-s3'],
    ['bucket.mrap', 'the suffix .mrap'],
    ['bucket--x-s3', 'the suffix --x-s3'],
  ])('rejects %j (%s)', (name) => {
    expect(isValidBucketName(name)).toBe(false);
  });

  it('answers CreateBucket with a bad name with InvalidBucketName and the name', () => {
    const world = newWorld();
    expectError(() => call(world, 'CreateBucket', { Bucket: 'My_Bucket' }), {
      code: 'InvalidBucketName',
      message: 'The specified bucket is not valid.',
      status: 400,
      fields: { BucketName: 'My_Bucket' },
    });
  });
});
