import { describe, expect, it } from 'vitest';
import { call, createBucket, expectError, getText, newWorld, put } from './helpers.js';

describe('CopyObject', () => {
  // "By default, x-amz-metadata-directive is COPY: the metadata of the source is copied."
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html
  it('copies the body, ETag, content type and metadata to a new key', () => {
    const world = newWorld();
    createBucket(world, 'src');
    createBucket(world, 'dst');
    const etag = put(world, 'src', 'a.csv', 'x,y', { ContentType: 'text/csv', Metadata: { team: 'ops' } }).ETag;
    world.advance(3000);
    const out = call(world, 'CopyObject', { Bucket: 'dst', Key: 'b.csv', CopySource: 'src/a.csv' });
    expect(out).toEqual({ CopyObjectResult: { ETag: etag, LastModified: new Date(world.nowMs) }, ServerSideEncryption: 'AES256' });
    const head = call(world, 'HeadObject', { Bucket: 'dst', Key: 'b.csv' });
    expect([head.ContentType, head.Metadata, getText(world, 'dst', 'b.csv')]).toEqual(['text/csv', { team: 'ops' }, 'x,y']);
  });

  // "REPLACE: the metadata ... is replaced with metadata provided in the request."
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html
  it('replaces content type and metadata with MetadataDirective REPLACE', () => {
    const world = newWorld();
    createBucket(world, 'docs');
    put(world, 'docs', 'a.txt', 'x', { ContentType: 'text/plain', Metadata: { team: 'ops' } });
    call(world, 'CopyObject', { Bucket: 'docs', Key: 'a.txt', CopySource: 'docs/a.txt', MetadataDirective: 'REPLACE', Metadata: { team: 'dev' } });
    const head = call(world, 'HeadObject', { Bucket: 'docs', Key: 'a.txt' });
    expect([head.ContentType, head.Metadata]).toEqual(['binary/octet-stream', { team: 'dev' }]);
  });

  // "To restore a previous version ... copy a previous version of the object into the same bucket. The copied object
  // becomes the current version" https://docs.aws.amazon.com/AmazonS3/latest/userguide/RestoringPreviousVersions.html
  it('restores an old version by copying it over the current one', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    const old = put(world, 'docs', 'a.txt', 'good').VersionId;
    put(world, 'docs', 'a.txt', 'bad');
    const out = call(world, 'CopyObject', { Bucket: 'docs', Key: 'a.txt', CopySource: `docs/a.txt?versionId=${old}` });
    expect(out.CopySourceVersionId).toBe(old);
    expect(out.VersionId).toMatch(/^[A-Za-z0-9._]{32}$/);
    expect(out.VersionId).not.toBe(old);
    expect(getText(world, 'docs', 'a.txt')).toBe('good');
    expect(call(world, 'ListObjectVersions', { Bucket: 'docs' }).Versions).toHaveLength(3);
  });

  // "This copy request is illegal because it is trying to copy an object to itself without changing the object's
  // metadata, storage class, website redirect location or encryption attributes."
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html
  it('refuses to copy an object onto itself without changing anything', () => {
    const world = newWorld();
    createBucket(world, 'docs');
    put(world, 'docs', 'a.txt', 'x');
    expectError(() => call(world, 'CopyObject', { Bucket: 'docs', Key: 'a.txt', CopySource: 'docs/a.txt' }), {
      code: 'InvalidRequest',
      message:
        "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
      status: 400,
    });
  });

  // "If the current version is a delete marker, Amazon S3 behaves as if the object was deleted" and a source
  // naming a delete marker by version ID is rejected. https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html
  it('refuses a copy source that names a delete marker by version ID', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    put(world, 'docs', 'a.txt', 'x');
    const marker = call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt' }).VersionId;
    expectError(() => call(world, 'CopyObject', { Bucket: 'docs', Key: 'b.txt', CopySource: `docs/a.txt?versionId=${marker}` }), {
      code: 'InvalidRequest',
      message: 'The source of a copy request may not specifically refer to a delete marker by version id.',
      status: 400,
    });
    expectError(() => call(world, 'CopyObject', { Bucket: 'docs', Key: 'b.txt', CopySource: 'docs/a.txt' }), {
      code: 'NoSuchKey',
      message: 'The specified key does not exist.',
      status: 404,
      fields: { Key: 'a.txt' },
      headers: { 'x-amz-delete-marker': 'true', 'x-amz-version-id': marker },
    });
  });

  // CopyObject reports a malformed source version ID with a bare InvalidRequest, unlike GetObject's InvalidArgument.
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html (x-amz-copy-source with ?versionId=)
  it('answers a malformed source version ID with InvalidRequest', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    put(world, 'docs', 'a.txt', 'x');
    expectError(() => call(world, 'CopyObject', { Bucket: 'docs', Key: 'b.txt', CopySource: 'docs/a.txt?versionId=abc' }), {
      code: 'InvalidRequest',
      message: 'Invalid Request',
      status: 400,
    });
  });

  // x-amz-copy-source is "bucket/key" optionally followed by "?versionId=": https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html
  it('rejects a copy source without a key and a missing source bucket', () => {
    const world = newWorld();
    createBucket(world, 'docs');
    expectError(() => call(world, 'CopyObject', { Bucket: 'docs', Key: 'b.txt', CopySource: 'docs' }), {
      code: 'InvalidArgument',
      message: 'Invalid copy source object key',
      status: 400,
      fields: { ArgumentName: 'x-amz-copy-source', ArgumentValue: 'x-amz-copy-source' },
    });
    expectError(() => call(world, 'CopyObject', { Bucket: 'docs', Key: 'b.txt', CopySource: '/elsewhere/a.txt' }), {
      code: 'NoSuchBucket',
      message: 'The specified bucket does not exist',
      status: 404,
      fields: { BucketName: 'elsewhere' },
    });
  });

  // "x-amz-tagging-directive: COPY (default) | REPLACE" https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html
  it('copies tags by default and replaces them with TaggingDirective REPLACE', () => {
    const world = newWorld();
    createBucket(world, 'docs');
    put(world, 'docs', 'a.txt', 'x', { Tagging: 'team=ops' });
    call(world, 'CopyObject', { Bucket: 'docs', Key: 'b.txt', CopySource: 'docs/a.txt' });
    call(world, 'CopyObject', { Bucket: 'docs', Key: 'c.txt', CopySource: 'docs/a.txt', TaggingDirective: 'REPLACE', Tagging: 'team=dev' });
    expect(call(world, 'GetObjectTagging', { Bucket: 'docs', Key: 'b.txt' }).TagSet).toEqual([{ Key: 'team', Value: 'ops' }]);
    expect(call(world, 'GetObjectTagging', { Bucket: 'docs', Key: 'c.txt' }).TagSet).toEqual([{ Key: 'team', Value: 'dev' }]);
  });
});
