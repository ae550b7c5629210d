import { describe, expect, it } from 'vitest';
import { call, createBucket, expectError, getText, newWorld, put } from './helpers.js';
import { DEFAULT_START_MS } from '../../../src/runtime/world.js';

const VERSION_ID = /^[A-Za-z0-9._]{32}$/;
const lastModified = (ms: number) => new Date(ms).toUTCString();

describe('a versioning-enabled bucket', () => {
  // "When you enable versioning ... Amazon S3 automatically generates a unique version ID for the object being stored."
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/AddingObjectstoVersioningEnabledBuckets.html
  it('gives every put a new version ID and serves the latest one by default', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    const first = put(world, 'docs', 'a.txt', 'v1');
    const second = put(world, 'docs', 'a.txt', 'v2');
    expect(first.VersionId).toMatch(VERSION_ID);
    expect(second.VersionId).toMatch(VERSION_ID);
    expect(second.VersionId).not.toBe(first.VersionId);
    expect(getText(world, 'docs', 'a.txt')).toBe('v2');
    expect(call(world, 'GetObject', { Bucket: 'docs', Key: 'a.txt' }).VersionId).toBe(second.VersionId);
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/RetrievingObjectVersions.html
  it('serves an older version when asked for its version ID', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    const first = put(world, 'docs', 'a.txt', 'v1').VersionId;
    put(world, 'docs', 'a.txt', 'v2');
    expect(getText(world, 'docs', 'a.txt', first)).toBe('v1');
    expect(call(world, 'HeadObject', { Bucket: 'docs', Key: 'a.txt', VersionId: first }).VersionId).toBe(first);
  });

  // "Objects that are stored in your bucket before you set the versioning state have a version ID of null."
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/versioning-workflows.html
  it('keeps objects written before versioning as the null version', () => {
    const world = newWorld();
    createBucket(world, 'docs');
    put(world, 'docs', 'a.txt', 'before');
    call(world, 'PutBucketVersioning', { Bucket: 'docs', VersioningConfiguration: { Status: 'Enabled' } });
    put(world, 'docs', 'a.txt', 'after');
    expect(getText(world, 'docs', 'a.txt', 'null')).toBe('before');
    const versions = call(world, 'ListObjectVersions', { Bucket: 'docs' }).Versions;
    expect(versions.map((v: any) => [v.VersionId === 'null', v.IsLatest])).toEqual([[false, true], [true, false]]);
  });

  // "a simple DELETE ... Amazon S3 inserts a delete marker ... and returns x-amz-delete-marker: true and its version ID"
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeletingObjectVersions.html
  it('answers a simple delete with a new delete marker and its version ID', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    put(world, 'docs', 'a.txt', 'v1');
    const out = call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt' });
    expect(out).toEqual({ DeleteMarker: true, VersionId: expect.stringMatching(VERSION_ID) });
    expect(call(world, 'ListObjectVersions', { Bucket: 'docs' }).DeleteMarkers).toEqual([
      expect.objectContaining({ Key: 'a.txt', VersionId: out.VersionId, IsLatest: true }),
    ]);
  });

  // "If the current version is a delete marker ... a 404 (Not Found) error, and a response header, x-amz-delete-marker: true"
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeleteMarker.html
  it('answers GET and HEAD of a key whose current version is a delete marker with 404 and x-amz-delete-marker', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    put(world, 'docs', 'a.txt', 'v1');
    const marker = call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt' }).VersionId;
    for (const operation of ['GetObject', 'HeadObject']) {
      expectError(() => call(world, operation, { Bucket: 'docs', Key: 'a.txt' }), {
        code: 'NoSuchKey',
        message: 'The specified key does not exist.',
        status: 404,
        fields: { Key: 'a.txt' },
        headers: { 'x-amz-delete-marker': 'true', 'x-amz-version-id': marker },
      });
    }
  });

  // "If you try to get an object and its current version is a delete marker (by specifying its versionId) ...
  // a 405 (Method Not Allowed) error, x-amz-delete-marker: true, Last-Modified"
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeleteMarker.html
  it('answers GET and HEAD of a delete marker by its version ID with 405 MethodNotAllowed', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    put(world, 'docs', 'a.txt', 'v1');
    world.advance(5000);
    const marker = call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt' }).VersionId;
    for (const [operation, method] of [['GetObject', 'GET'], ['HeadObject', 'HEAD']]) {
      expectError(() => call(world, operation!, { Bucket: 'docs', Key: 'a.txt', VersionId: marker }), {
        code: 'MethodNotAllowed',
        message: 'The specified method is not allowed against this resource.',
        status: 405,
        fields: { Method: method!, ResourceType: 'DeleteMarker' },
        headers: {
          'x-amz-delete-marker': 'true',
          'x-amz-version-id': marker,
          'Last-Modified': lastModified(DEFAULT_START_MS + 5000),
          Allow: 'DELETE',
        },
      });
    }
  });

  // "To undelete an object, you must delete the delete marker." https://docs.aws.amazon.com/AmazonS3/latest/userguide/ManagingDelMarkers.html
  it('brings the object back when its delete marker is deleted, reporting that a marker was deleted', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    put(world, 'docs', 'a.txt', 'v1');
    const marker = call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt' }).VersionId;
    expect(call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt', VersionId: marker })).toEqual({ DeleteMarker: true, VersionId: marker });
    expect(getText(world, 'docs', 'a.txt')).toBe('v1');
  });

  // "To permanently delete versioned objects, you must use DELETE Object versionId."
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeletingObjectVersions.html
  it('removes a version for good when deleted by version ID; the previous one becomes current', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    put(world, 'docs', 'a.txt', 'v1');
    const second = put(world, 'docs', 'a.txt', 'v2').VersionId;
    expect(call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt', VersionId: second })).toEqual({ VersionId: second });
    expect(getText(world, 'docs', 'a.txt')).toBe('v1');
    expectError(() => call(world, 'GetObject', { Bucket: 'docs', Key: 'a.txt', VersionId: second }), {
      code: 'NoSuchVersion',
      message: 'The specified version does not exist.',
      status: 404,
      fields: { Key: 'a.txt', VersionId: second },
    });
  });

  // NoSuchVersion vs InvalidArgument: https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
  it('answers a malformed version ID with InvalidArgument', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    put(world, 'docs', 'a.txt', 'v1');
    expectError(() => call(world, 'GetObject', { Bucket: 'docs', Key: 'a.txt', VersionId: 'not-a-version' }), {
      code: 'InvalidArgument',
      message: 'Invalid version id specified',
      status: 400,
      fields: { ArgumentName: 'versionId', ArgumentValue: 'not-a-version' },
    });
  });

  // An empty ?versionId= is its own InvalidArgument: https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html (versionId)
  it('answers an empty version ID with InvalidArgument', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    put(world, 'docs', 'a.txt', 'v1');
    expectError(() => call(world, 'GetObject', { Bucket: 'docs', Key: 'a.txt', VersionId: '' }), {
      code: 'InvalidArgument',
      message: 'Version id cannot be the empty string',
      status: 400,
      fields: { ArgumentName: 'versionId', ArgumentValue: '' },
    });
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html (NoSuchVersion)
  it('answers a version ID it issued whose version is gone with NoSuchVersion', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    put(world, 'docs', 'a.txt', 'v1');
    const gone = put(world, 'docs', 'a.txt', 'v2').VersionId;
    call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt', VersionId: gone });
    expectError(() => call(world, 'HeadObject', { Bucket: 'docs', Key: 'a.txt', VersionId: gone }), {
      code: 'NoSuchVersion',
      message: 'The specified version does not exist.',
      status: 404,
      fields: { Key: 'a.txt', VersionId: gone },
    });
  });
});

describe('a versioning-suspended bucket', () => {
  // "If a null version is already in the bucket and you add another object with the same key, the added
  // object overwrites the original null version." ... "Version 111111 is not overwritten."
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/AddingObjectstoVersionSuspendedBuckets.html
  it('replaces only the null version on put and keeps the versioned ones', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    const kept = put(world, 'docs', 'a.txt', 'versioned').VersionId;
    call(world, 'PutBucketVersioning', { Bucket: 'docs', VersioningConfiguration: { Status: 'Suspended' } });
    put(world, 'docs', 'a.txt', 'null-1');
    put(world, 'docs', 'a.txt', 'null-2');
    const versions = call(world, 'ListObjectVersions', { Bucket: 'docs' }).Versions;
    expect(versions.map((v: any) => [v.VersionId, v.IsLatest])).toEqual([['null', true], [kept, false]]);
    expect(getText(world, 'docs', 'a.txt')).toBe('null-2');
    expect(getText(world, 'docs', 'a.txt', kept)).toBe('versioned');
  });

  // "Amazon S3 automatically adds a null version ID to every subsequent object stored"
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/AddingObjectstoVersionSuspendedBuckets.html
  it('serves the object written while suspended as version null', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Suspended');
    put(world, 'docs', 'a.txt', 'x');
    expect(call(world, 'HeadObject', { Bucket: 'docs', Key: 'a.txt' }).VersionId).toBe('null');
  });

  // "If bucket versioning is suspended, the operation removes the object that has a null versionId ...
  // and inserts a delete marker in its place with a null version ID."
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeletingObjectsfromVersioningSuspendedBuckets.html
  it('replaces the null version with a null delete marker on a simple delete', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    const kept = put(world, 'docs', 'a.txt', 'versioned').VersionId;
    call(world, 'PutBucketVersioning', { Bucket: 'docs', VersioningConfiguration: { Status: 'Suspended' } });
    put(world, 'docs', 'a.txt', 'null-version');
    expect(call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt' })).toEqual({ DeleteMarker: true, VersionId: 'null' });
    const out = call(world, 'ListObjectVersions', { Bucket: 'docs' });
    expect(out.Versions.map((v: any) => v.VersionId)).toEqual([kept]);
    expect(out.DeleteMarkers.map((m: any) => [m.VersionId, m.IsLatest])).toEqual([['null', true]]);
  });

  // "Doesn't remove anything if there isn't a null version ... Inserts a delete marker into the bucket."
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeletingObjectsfromVersioningSuspendedBuckets.html
  it('only inserts a null delete marker when the key has no null version', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    const kept = put(world, 'docs', 'a.txt', 'versioned').VersionId;
    call(world, 'PutBucketVersioning', { Bucket: 'docs', VersioningConfiguration: { Status: 'Suspended' } });
    call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt' });
    const out = call(world, 'ListObjectVersions', { Bucket: 'docs' });
    expect(out.Versions.map((v: any) => [v.VersionId, v.IsLatest])).toEqual([[kept, false]]);
    expect(getText(world, 'docs', 'a.txt', kept)).toBe('versioned');
  });

  // "Even in a versioning-suspended bucket, the bucket owner can permanently delete a specified version"
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeletingObjectsfromVersioningSuspendedBuckets.html
  it('still deletes a specific version for good', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    const old = put(world, 'docs', 'a.txt', 'versioned').VersionId;
    call(world, 'PutBucketVersioning', { Bucket: 'docs', VersioningConfiguration: { Status: 'Suspended' } });
    call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt', VersionId: old });
    expect(call(world, 'ListObjectVersions', { Bucket: 'docs' }).Versions).toBeUndefined();
  });
});

describe('an unversioned bucket', () => {
  // "If there isn't a null version, Amazon S3 does not remove any objects" applies to versioned buckets; in an
  // unversioned bucket a DELETE removes the object. https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html
  it('removes the object on delete, leaving no version behind', () => {
    const world = newWorld();
    createBucket(world, 'plain');
    put(world, 'plain', 'a.txt', 'x');
    expect(call(world, 'DeleteObject', { Bucket: 'plain', Key: 'a.txt' })).toEqual({});
    expect(call(world, 'ListObjectVersions', { Bucket: 'plain' }).Versions).toBeUndefined();
    expect(call(world, 'DeleteBucket', { Bucket: 'plain' })).toEqual({});
  });

  // An unversioned bucket only has null versions: https://docs.aws.amazon.com/AmazonS3/latest/userguide/versioning-workflows.html
  it('rejects any version ID other than null', () => {
    const world = newWorld();
    createBucket(world, 'plain');
    put(world, 'plain', 'a.txt', 'x');
    expect(getText(world, 'plain', 'a.txt', 'null')).toBe('x');
    expectError(() => call(world, 'GetObject', { Bucket: 'plain', Key: 'a.txt', VersionId: 'A'.repeat(32) }), {
      code: 'InvalidArgument',
      message: 'Invalid version id specified',
      status: 400,
      fields: { ArgumentName: 'versionId', ArgumentValue: 'A'.repeat(32) },
    });
  });

  // Objects in a never-versioned bucket carry no version ID in responses.
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html (x-amz-version-id)
  it('returns no version ID on reads', () => {
    const world = newWorld();
    createBucket(world, 'plain');
    put(world, 'plain', 'a.txt', 'x');
    expect(call(world, 'HeadObject', { Bucket: 'plain', Key: 'a.txt' }).VersionId).toBeUndefined();
  });
});
