import { describe, expect, it } from 'vitest';
import { bytes, call, createBucket, expectError, getText, newWorld, put, text } from './helpers.js';
import { DEFAULT_START_MS } from '../../../src/runtime/world.js';

describe('PutObject', () => {
  // "The entity tag is a hash of the object ... The ETag may or may not be an MD5 digest of the object
  // data" -- for a single-part upload without SSE-KMS it is the MD5.
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_Object.html
  it('returns the quoted hex MD5 of the body as ETag, SSE-S3 encryption and no version ID when unversioned', () => {
    const world = newWorld();
    createBucket(world, 'reports');
    expect(put(world, 'reports', 'q1.csv', 'abc')).toEqual({ ETag: '"900150983cd24fb0d6963f7d28e17f72"', ServerSideEncryption: 'AES256' });
  });

  // "All new object uploads to Amazon S3 are automatically encrypted" (SSE-S3 by default).
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html
  it('reports SSE-S3 on every read of an object', () => {
    const world = newWorld();
    createBucket(world, 'reports');
    put(world, 'reports', 'q1.csv', 'abc');
    expect(call(world, 'HeadObject', { Bucket: 'reports', Key: 'q1.csv' }).ServerSideEncryption).toBe('AES256');
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html (x-amz-storage-class)
  it('rejects a storage class S3 does not offer', () => {
    const world = newWorld();
    createBucket(world, 'reports');
    expectError(() => put(world, 'reports', 'k', 'x', { StorageClass: 'OUTPOSTS' }), {
      code: 'InvalidStorageClass',
      message: 'The storage class you specified is not valid',
      status: 400,
      fields: { StorageClassRequested: 'OUTPOSTS' },
    });
  });

  // "The name for a key ... up to 1,024 bytes long." https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html
  it('rejects a key longer than 1024 bytes', () => {
    const world = newWorld();
    createBucket(world, 'reports');
    expectError(() => put(world, 'reports', 'k'.repeat(1025), 'x'), {
      code: 'KeyTooLongError',
      message: 'Your key is too long',
      status: 400,
      fields: { MaxSizeAllowed: '1024', Size: '1025' },
    });
  });

  // "To ensure that data is not corrupted traversing the network, use the Content-MD5 header."
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html
  it('rejects a body whose Content-MD5 does not match', () => {
    const world = newWorld();
    createBucket(world, 'reports');
    const md5OfOther = Buffer.from('0cc175b9c0f1b6a831c399e269772661', 'hex').toString('base64');
    expectError(() => put(world, 'reports', 'k', 'abc', { ContentMD5: md5OfOther }), {
      code: 'BadDigest',
      message: 'The Content-MD5 you specified did not match what we received.',
      status: 400,
    });
    const md5OfAbc = Buffer.from('900150983cd24fb0d6963f7d28e17f72', 'hex').toString('base64');
    expect(put(world, 'reports', 'k', 'abc', { ContentMD5: md5OfAbc }).ETag).toBe('"900150983cd24fb0d6963f7d28e17f72"');
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html (errors for a missing bucket)
  it('answers a put into a missing bucket with NoSuchBucket', () => {
    const world = newWorld();
    expectError(() => put(world, 'missing-bucket', 'k', 'x'), {
      code: 'NoSuchBucket',
      message: 'The specified bucket does not exist',
      status: 404,
      fields: { BucketName: 'missing-bucket' },
    });
  });

  // Copying the body: a caller that reuses its buffer must not change the stored object.
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingObjects.html (objects are immutable)
  it('stores a copy of the body, unaffected by later changes to the caller buffer', () => {
    const world = newWorld();
    createBucket(world, 'reports');
    const body = bytes('abc');
    call(world, 'PutObject', { Bucket: 'reports', Key: 'k', Body: body });
    body[0] = 0x7a;
    expect(getText(world, 'reports', 'k')).toBe('abc');
  });
});

describe('GetObject and HeadObject', () => {
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html#API_GetObject_ResponseSyntax
  it('returns the body and its headers, with Last-Modified truncated to the second', () => {
    const world = newWorld();
    createBucket(world, 'reports');
    world.advance(1750);
    put(world, 'reports', 'q1.csv', 'region,revenue\n', {
      ContentType: 'text/csv',
      Metadata: { Owner: 'finance' },
      CacheControl: 'max-age=60',
    });
    const out = call(world, 'GetObject', { Bucket: 'reports', Key: 'q1.csv' });
    expect(text(out.Body)).toBe('region,revenue\n');
    const { Body: _body, ...headers } = out;
    expect(headers).toEqual({
      AcceptRanges: 'bytes',
      LastModified: new Date(DEFAULT_START_MS + 1000),
      ContentLength: 15,
      ETag: headers.ETag,
      CacheControl: 'max-age=60',
      ContentType: 'text/csv',
      ServerSideEncryption: 'AES256',
      // "Amazon S3 stores user-defined metadata keys in lowercase."
      // https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html
      Metadata: { owner: 'finance' },
    });
  });

  // "If the Content-Type is not specified, S3 uses binary/octet-stream."
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html (Content-Type)
  it('answers HeadObject with the same headers as GetObject, a default content type, and no body', () => {
    const world = newWorld();
    createBucket(world, 'reports');
    put(world, 'reports', 'k', 'hello');
    expect(call(world, 'HeadObject', { Bucket: 'reports', Key: 'k' })).toEqual({
      AcceptRanges: 'bytes',
      LastModified: new Date(DEFAULT_START_MS),
      ContentLength: 5,
      ETag: '"5d41402abc4b2a76b9719d911017c592"',
      ContentType: 'binary/octet-stream',
      ServerSideEncryption: 'AES256',
      Metadata: {},
    });
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html (NoSuchKey)
  it('answers a missing key with NoSuchKey', () => {
    const world = newWorld();
    createBucket(world, 'reports');
    expectError(() => call(world, 'GetObject', { Bucket: 'reports', Key: 'nope.txt' }), {
      code: 'NoSuchKey',
      message: 'The specified key does not exist.',
      status: 404,
      fields: { Key: 'nope.txt' },
      headers: {},
    });
  });

  // "Range: Downloads the specified byte range of an object." https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
  it('returns a byte range with Content-Range', () => {
    const world = newWorld();
    createBucket(world, 'reports');
    put(world, 'reports', 'k', '0123456789');
    const first = call(world, 'GetObject', { Bucket: 'reports', Key: 'k', Range: 'bytes=2-4' });
    expect([text(first.Body), first.ContentLength, first.ContentRange]).toEqual(['234', 3, 'bytes 2-4/10']);
    const suffix = call(world, 'GetObject', { Bucket: 'reports', Key: 'k', Range: 'bytes=-3' });
    expect([text(suffix.Body), suffix.ContentRange]).toEqual(['789', 'bytes 7-9/10']);
  });

  // https://www.rfc-editor.org/rfc/rfc9110#status.416 and S3's InvalidRange:
  // https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
  it('answers a range that starts past the end with InvalidRange', () => {
    const world = newWorld();
    createBucket(world, 'reports');
    put(world, 'reports', 'k', '0123456789');
    expectError(() => call(world, 'GetObject', { Bucket: 'reports', Key: 'k', Range: 'bytes=10-' }), {
      code: 'InvalidRange',
      message: 'The requested range is not satisfiable',
      status: 416,
      fields: { RangeRequested: 'bytes=10-', ActualObjectSize: '10' },
    });
  });

  // Conditional requests: https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html#API_GetObject_RequestSyntax
  it('answers If-None-Match on the current ETag with 304 and a failed If-Match with 412', () => {
    const world = newWorld();
    createBucket(world, 'reports');
    const etag = put(world, 'reports', 'k', 'v1').ETag;
    expectError(() => call(world, 'GetObject', { Bucket: 'reports', Key: 'k', IfNoneMatch: etag }), {
      code: 'NotModified',
      message: 'Not Modified',
      status: 304,
    });
    expectError(() => call(world, 'GetObject', { Bucket: 'reports', Key: 'k', IfMatch: '"0123"' }), {
      code: 'PreconditionFailed',
      message: 'At least one of the pre-conditions you specified did not hold',
      status: 412,
      fields: { Condition: 'If-Match' },
    });
  });

  // Archived objects must be restored before they can be read.
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html (InvalidObjectState)
  it('refuses to read an object in the GLACIER storage class but reports it on HEAD', () => {
    const world = newWorld();
    createBucket(world, 'archive');
    put(world, 'archive', 'old.tar', 'x', { StorageClass: 'GLACIER' });
    expect(call(world, 'HeadObject', { Bucket: 'archive', Key: 'old.tar' }).StorageClass).toBe('GLACIER');
    expectError(() => call(world, 'GetObject', { Bucket: 'archive', Key: 'old.tar' }), {
      code: 'InvalidObjectState',
      message: "The operation is not valid for the object's storage class",
      status: 403,
      fields: { StorageClass: 'GLACIER' },
    });
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html (x-amz-tagging-count)
  it('reports the tag count of an object uploaded with tags', () => {
    const world = newWorld();
    createBucket(world, 'reports');
    put(world, 'reports', 'k', 'x', { Tagging: 'team=finance&year=2025' });
    expect(call(world, 'GetObject', { Bucket: 'reports', Key: 'k' }).TagCount).toBe(2);
  });

  // Response header overrides: https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html#API_GetObject_RequestSyntax
  it('overrides headers in one response with the response-* parameters', () => {
    const world = newWorld();
    createBucket(world, 'reports');
    put(world, 'reports', 'k', 'x', { ContentType: 'text/plain' });
    const out = call(world, 'GetObject', { Bucket: 'reports', Key: 'k', ResponseContentType: 'application/json' });
    expect(out.ContentType).toBe('application/json');
    expect(call(world, 'HeadObject', { Bucket: 'reports', Key: 'k' }).ContentType).toBe('text/plain');
  });
});
