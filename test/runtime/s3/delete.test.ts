import { describe, expect, it } from 'vitest';
import { call, createBucket, expectError, getText, newWorld, put } from './helpers.js';

const VERSION_ID = /^[A-Za-z0-9._]{32}$/;

describe('DeleteObjects', () => {
  // "By default, the action uses verbose mode in which the response includes the result of deletion of each key"
  // and DeleteMarker / DeleteMarkerVersionId for simple deletes in a versioned bucket.
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeletedObject.html
  it('reports the delete marker each simple delete creates in a versioned bucket', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    put(world, 'docs', 'a.txt', '1');
    put(world, 'docs', 'b.txt', '2');
    const out = call(world, 'DeleteObjects', { Bucket: 'docs', Delete: { Objects: [{ Key: 'a.txt' }, { Key: 'b.txt' }] } });
    expect(out).toEqual({
      Deleted: [
        { Key: 'a.txt', DeleteMarker: true, DeleteMarkerVersionId: expect.stringMatching(VERSION_ID) },
        { Key: 'b.txt', DeleteMarker: true, DeleteMarkerVersionId: expect.stringMatching(VERSION_ID) },
      ],
    });
  });

  // DeletedObject: "DeleteMarker ... Indicates whether the specified object version that was permanently deleted was
  // (true) or was not (false) a delete marker" https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeletedObject.html
  it('reports a deleted delete marker with DeleteMarker and DeleteMarkerVersionId', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    put(world, 'docs', 'a.txt', '1');
    const marker = call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt' }).VersionId;
    const out = call(world, 'DeleteObjects', { Bucket: 'docs', Delete: { Objects: [{ Key: 'a.txt', VersionId: marker }] } });
    expect(out).toEqual({ Deleted: [{ Key: 'a.txt', VersionId: marker, DeleteMarker: true, DeleteMarkerVersionId: marker }] });
    expect(getText(world, 'docs', 'a.txt')).toBe('1');
  });

  // "In quiet mode the response includes only keys where the delete action encountered an error."
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html
  it('reports only the failures in quiet mode, deleting the rest', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    const version = put(world, 'docs', 'a.txt', '1').VersionId;
    const unknown = 'B'.repeat(32);
    const objects = [{ Key: 'a.txt', VersionId: version }, { Key: 'a.txt', VersionId: unknown }];
    expect(call(world, 'DeleteObjects', { Bucket: 'docs', Delete: { Objects: objects, Quiet: true } })).toEqual({
      Errors: [{ Key: 'a.txt', VersionId: unknown, Code: 'NoSuchVersion', Message: 'The specified version does not exist.' }],
    });
    expect(call(world, 'ListObjectVersions', { Bucket: 'docs' }).Versions).toBeUndefined();
  });

  // "if the object specified in the request is not found, Amazon S3 returns the result as deleted."
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html
  it('reports a missing key as deleted in an unversioned bucket', () => {
    const world = newWorld();
    createBucket(world, 'plain');
    put(world, 'plain', 'a.txt', '1');
    const out = call(world, 'DeleteObjects', { Bucket: 'plain', Delete: { Objects: [{ Key: 'a.txt' }, { Key: 'ghost.txt' }] } });
    expect(out).toEqual({ Deleted: [{ Key: 'a.txt' }, { Key: 'ghost.txt' }] });
    expect(call(world, 'ListObjectsV2', { Bucket: 'plain' }).KeyCount).toBe(0);
  });

  // A Delete element must list between 1 and 1,000 objects: https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html
  it('rejects a request with no objects as malformed XML', () => {
    const world = newWorld();
    createBucket(world, 'plain');
    expectError(() => call(world, 'DeleteObjects', { Bucket: 'plain', Delete: { Objects: [] } }), {
      code: 'MalformedXML',
      message: 'The XML you provided was not well-formed or did not validate against our published schema',
      status: 400,
    });
  });
});

describe('DeleteObject', () => {
  // "If there isn't a null version, Amazon S3 does not remove any objects but will still respond that the command was
  // successful." https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html
  it('succeeds for a key that does not exist', () => {
    const world = newWorld();
    createBucket(world, 'plain');
    expect(call(world, 'DeleteObject', { Bucket: 'plain', Key: 'ghost.txt' })).toEqual({});
  });

  // Each simple delete in an Enabled bucket adds another delete marker:
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/ManagingDelMarkers.html
  it('adds a further delete marker when the current version is already one', () => {
    const world = newWorld();
    createBucket(world, 'docs', 'Enabled');
    put(world, 'docs', 'a.txt', '1');
    call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt' });
    call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt' });
    expect(call(world, 'ListObjectVersions', { Bucket: 'docs' }).DeleteMarkers.map((m: any) => m.IsLatest)).toEqual([true, false]);
  });
});
