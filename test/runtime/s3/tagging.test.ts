import { describe, expect, it } from 'vitest';
import { call, createBucket, expectError, newWorld, put } from './helpers.js';

const tagging = (...pairs: Array<[string, string]>) => ({ TagSet: pairs.map(([Key, Value]) => ({ Key, Value })) });

describe('object tagging', () => {
  // "By default, the GET action returns information about current version of an object. For a versioned object, you can
  // have multiple versions ... you must use the versionId" https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObjectTagging.html
  it('tags each version separately', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    const old = put(world, 'docs', 'a.txt', '1').VersionId;
    const current = put(world, 'docs', 'a.txt', '2').VersionId;
    expect(call(world, 'PutObjectTagging', { Bucket: 'docs', Key: 'a.txt', VersionId: old, Tagging: tagging(['state', 'old']) })).toEqual({ VersionId: old });
    expect(call(world, 'GetObjectTagging', { Bucket: 'docs', Key: 'a.txt' })).toEqual({ VersionId: current, TagSet: [] });
    expect(call(world, 'GetObjectTagging', { Bucket: 'docs', Key: 'a.txt', VersionId: old })).toEqual({
      VersionId: old,
      TagSet: [{ Key: 'state', Value: 'old' }],
    });
  });

  // "Removes the entire tag set from the specified object." https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjectTagging.html
  it('removes the whole tag set of a version', () => {
    const world = newWorld();
    createBucket(world, 'docs');
    put(world, 'docs', 'a.txt', '1', { Tagging: 'a=1&b=2' });
    expect(call(world, 'DeleteObjectTagging', { Bucket: 'docs', Key: 'a.txt' })).toEqual({});
    expect(call(world, 'GetObjectTagging', { Bucket: 'docs', Key: 'a.txt' })).toEqual({ TagSet: [] });
  });

  // "You can associate up to 10 tags with an object." https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-tagging.html
  it('refuses more than 10 tags', () => {
    const world = newWorld();
    createBucket(world, 'docs');
    put(world, 'docs', 'a.txt', '1');
    const eleven = tagging(...Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'] as [string, string]));
    expectError(() => call(world, 'PutObjectTagging', { Bucket: 'docs', Key: 'a.txt', Tagging: eleven }), {
      code: 'BadRequest',
      message: 'Object tags cannot be greater than 10',
      status: 400,
    });
  });

  // "Tag keys ... must be unique per object" and the aws: prefix is reserved.
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-tagging.html
  it('refuses duplicate tag keys and keys in the aws: namespace', () => {
    const world = newWorld();
    createBucket(world, 'docs');
    put(world, 'docs', 'a.txt', '1');
    expectError(() => call(world, 'PutObjectTagging', { Bucket: 'docs', Key: 'a.txt', Tagging: tagging(['k', '1'], ['k', '2']) }), {
      code: 'InvalidTag',
      message: 'Cannot provide multiple Tags with the same key',
      status: 400,
      fields: { TagKey: 'k' },
    });
    expectError(() => call(world, 'PutObjectTagging', { Bucket: 'docs', Key: 'a.txt', Tagging: tagging(['aws:owner', '1']) }), {
      code: 'InvalidTag',
      message: 'Your TagKey cannot be prefixed with aws:',
      status: 400,
      fields: { TagKey: 'aws:owner' },
    });
  });

  // The x-amz-tagging header must be URL query parameters without duplicate names.
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html (x-amz-tagging)
  it('refuses an x-amz-tagging header that repeats a tag name', () => {
    const world = newWorld();
    createBucket(world, 'docs');
    expectError(() => put(world, 'docs', 'a.txt', '1', { Tagging: 'k=1&k=2' }), {
      code: 'InvalidArgument',
      message: "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates.",
      status: 400,
      fields: { ArgumentName: 'x-amz-tagging', ArgumentValue: 'k=1&k=2' },
    });
  });

  // A delete marker has no tags; tagging calls against it are 405: https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeleteMarker.html
  it('answers tagging calls on a key whose current version is a delete marker with MethodNotAllowed', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    put(world, 'docs', 'a.txt', '1');
    call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt' });
    const error = expectError(() => call(world, 'GetObjectTagging', { Bucket: 'docs', Key: 'a.txt' }), {
      code: 'MethodNotAllowed',
      message: 'The specified method is not allowed against this resource.',
      status: 405,
      fields: { Method: 'GET', ResourceType: 'DeleteMarker' },
    });
    expect(error.headers['x-amz-delete-marker']).toBe('true');
    expectError(() => call(world, 'PutObjectTagging', { Bucket: 'docs', Key: 'a.txt', Tagging: tagging(['k', 'v']) }), {
      code: 'MethodNotAllowed',
      message: 'The specified method is not allowed against this resource.',
      status: 405,
      fields: { Method: 'PUT', ResourceType: 'DeleteMarker' },
      headers: { Allow: 'DELETE' },
    });
  });

  // Naming the delete marker by version ID: 405 with x-amz-delete-marker and its version ID.
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeleteMarker.html
  it('answers tagging a delete marker by version ID with MethodNotAllowed and the marker headers', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    put(world, 'docs', 'a.txt', '1');
    const marker = call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt' }).VersionId;
    expectError(() => call(world, 'PutObjectTagging', { Bucket: 'docs', Key: 'a.txt', VersionId: marker, Tagging: tagging(['k', 'v']) }), {
      code: 'MethodNotAllowed',
      message: 'The specified method is not allowed against this resource.',
      status: 405,
      fields: { Method: 'PUT', ResourceType: 'DeleteMarker' },
      headers: { 'x-amz-delete-marker': 'true', 'x-amz-version-id': marker, Allow: 'DELETE' },
    });
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObjectTagging.html (NoSuchKey; S3 names the key with its bucket)
  it('answers GetObjectTagging on a missing key with NoSuchKey naming bucket/key', () => {
    const world = newWorld();
    createBucket(world, 'docs');
    expectError(() => call(world, 'GetObjectTagging', { Bucket: 'docs', Key: 'ghost.txt' }), {
      code: 'NoSuchKey',
      message: 'The specified key does not exist.',
      status: 404,
      fields: { Key: 'docs/ghost.txt' },
    });
  });
});
