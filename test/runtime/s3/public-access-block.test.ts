import { describe, expect, it } from 'vitest';
import { call, createBucket, expectError, newWorld } from './helpers.js';

const BUCKET = 'reports-abc123';
const ALL_ON = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };

function world() {
  const w = newWorld();
  createBucket(w, BUCKET);
  return w;
}

// https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetPublicAccessBlock.html
describe('Block Public Access on a bucket', () => {
  it('a new bucket has all four settings on (S3 default since April 2023)', () => {
    expect(call(world(), 'GetPublicAccessBlock', { Bucket: BUCKET })).toEqual({ PublicAccessBlockConfiguration: ALL_ON });
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutPublicAccessBlock.html
  it('PutPublicAccessBlock replaces the whole configuration; a setting left out is false', () => {
    const w = world();
    call(w, 'PutPublicAccessBlock', { Bucket: BUCKET, PublicAccessBlockConfiguration: { BlockPublicPolicy: true } });
    expect(call(w, 'GetPublicAccessBlock', { Bucket: BUCKET })).toEqual({
      PublicAccessBlockConfiguration: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: true, RestrictPublicBuckets: false },
    });
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeletePublicAccessBlock.html
  it('after DeletePublicAccessBlock, GetPublicAccessBlock answers NoSuchPublicAccessBlockConfiguration; deleting again succeeds', () => {
    const w = world();
    expect(call(w, 'DeletePublicAccessBlock', { Bucket: BUCKET })).toEqual({});
    expect(call(w, 'DeletePublicAccessBlock', { Bucket: BUCKET })).toEqual({});
    const error = expectError(() => call(w, 'GetPublicAccessBlock', { Bucket: BUCKET }), {
      code: 'NoSuchPublicAccessBlockConfiguration', message: 'The public access block configuration was not found', status: 404,
    });
    expect(error.fields).toEqual({ BucketName: BUCKET });
  });

  it('answers NoSuchBucket for a bucket that does not exist', () => {
    expectError(() => call(world(), 'GetPublicAccessBlock', { Bucket: 'missing-bucket' }), {
      code: 'NoSuchBucket', message: 'The specified bucket does not exist', status: 404,
    });
  });

  it('turning BlockPublicPolicy on keeps a public policy already in place', () => {
    const w = world();
    call(w, 'DeletePublicAccessBlock', { Bucket: BUCKET });
    const policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` }] });
    call(w, 'PutBucketPolicy', { Bucket: BUCKET, Policy: policy });
    call(w, 'PutPublicAccessBlock', { Bucket: BUCKET, PublicAccessBlockConfiguration: ALL_ON });
    expect(call(w, 'GetBucketPolicy', { Bucket: BUCKET })).toEqual({ Policy: policy });
  });
});
