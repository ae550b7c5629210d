import { describe, expect, it } from 'vitest';
import type { World } from '../../../src/runtime/world.js';
import { call, createBucket, expectError, newWorld, put } from './helpers.js';

/** A bucket with a hot key, delete markers, a null version and nested prefixes; returns every version, newest first per key. */
function bucketWithHistory(world: World): string[] {
  createBucket(world, 'hist');
  put(world, 'hist', 'b/1.txt', 'unversioned');
  call(world, 'PutBucketVersioning', { Bucket: 'hist', VersioningConfiguration: { Status: 'Enabled' } });
  const expected = new Map<string, string[]>([['b/1.txt', ['null']]]);
  const record = (key: string, id: string) => expected.set(key, [id, ...(expected.get(key) ?? [])]);
  for (let i = 0; i < 7; i++) {
    world.advance(1000);
    record('hot.txt', put(world, 'hist', 'hot.txt', `v${i}`).VersionId);
  }
  for (const key of ['a.txt', 'b/2.txt', 'b/c/3.txt', 'z.txt']) record(key, put(world, 'hist', key, key).VersionId);
  record('a.txt', call(world, 'DeleteObject', { Bucket: 'hist', Key: 'a.txt' }).VersionId);
  record('b/1.txt', put(world, 'hist', 'b/1.txt', 'versioned').VersionId);
  record('hot.txt', call(world, 'DeleteObject', { Bucket: 'hist', Key: 'hot.txt' }).VersionId);
  return [...expected.keys()].sort().flatMap((key) => expected.get(key)!.map((id) => `${key}@${id}`));
}

/** Entries of one page in listing order: S3 splits them into Versions and DeleteMarkers, so merge them back. */
function pageEntries(out: Record<string, any>, order: string[]): string[] {
  const entries = [...(out.Versions ?? []), ...(out.DeleteMarkers ?? [])].map((v: any) => `${v.Key}@${v.VersionId}`);
  return entries.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

describe('ListObjectVersions', () => {
  // "Returns metadata about all versions of the objects in a bucket" -- keys in order, each key's versions newest first,
  // with IsLatest on the current one. https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectVersions.html
  it('lists keys in order and each key’s versions newest first, marking the latest', () => {
    const world = newWorld();
    const expected = bucketWithHistory(world);
    const out = call(world, 'ListObjectVersions', { Bucket: 'hist' });
    expect(pageEntries(out, expected)).toEqual(expected);
    expect(out.Versions.filter((v: any) => v.Key === 'hot.txt').map((v: any) => v.IsLatest)).toEqual(Array(7).fill(false));
    expect(out.DeleteMarkers.map((m: any) => [m.Key, m.IsLatest])).toEqual([['a.txt', true], ['hot.txt', true]]);
    expect(out).toMatchObject({ IsTruncated: false, KeyMarker: '', VersionIdMarker: '', Name: 'hist', Prefix: '', MaxKeys: 1000 });
    expect(out.Versions[0]).toEqual({
      ETag: expect.stringMatching(/^"[0-9a-f]{32}"$/),
      Size: 5,
      StorageClass: 'STANDARD',
      Key: 'a.txt',
      VersionId: expected[1]!.split('@')[1],
      IsLatest: false,
      LastModified: new Date(world.nowMs),
      Owner: { ID: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
  });

  // "KeyMarker / VersionIdMarker ... NextKeyMarker / NextVersionIdMarker: use these values for the key-marker and
  // version-id-marker request parameters in a subsequent request." https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectVersions.html
  it.each([1, 2, 3])('walks every version and delete marker exactly once with MaxKeys %i', (maxKeys) => {
    const world = newWorld();
    const expected = bucketWithHistory(world);
    const seen: string[] = [];
    let markers: Record<string, string> = {};
    for (let pages = 0; pages < 100; pages++) {
      const out = call(world, 'ListObjectVersions', { Bucket: 'hist', MaxKeys: maxKeys, ...markers });
      const page = pageEntries(out, expected);
      expect(page.length).toBeLessThanOrEqual(maxKeys);
      seen.push(...page);
      if (!out.IsTruncated) break;
      expect(`${out.NextKeyMarker}@${out.NextVersionIdMarker}`).toBe(page[page.length - 1]);
      markers = { KeyMarker: out.NextKeyMarker, VersionIdMarker: out.NextVersionIdMarker };
    }
    expect(seen).toEqual(expected);
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectVersions.html (Prefix, Delimiter, CommonPrefixes)
  it.each([1, 2, 3, 1000])('rolls versions up into common prefixes with a delimiter (MaxKeys %i)', (maxKeys) => {
    const world = newWorld();
    const expected = bucketWithHistory(world);
    const seen: string[] = [];
    let markers: Record<string, string> = {};
    for (let pages = 0; pages < 100; pages++) {
      const out = call(world, 'ListObjectVersions', { Bucket: 'hist', Delimiter: '/', MaxKeys: maxKeys, ...markers });
      seen.push(...pageEntries(out, expected), ...(out.CommonPrefixes ?? []).map((p: any) => p.Prefix));
      if (!out.IsTruncated) break;
      markers = { KeyMarker: out.NextKeyMarker, ...(out.NextVersionIdMarker ? { VersionIdMarker: out.NextVersionIdMarker } : {}) };
    }
    expect(seen.sort()).toEqual([...expected.filter((e) => !e.includes('/')), 'b/'].sort());
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectVersions.html (Prefix)
  it('limits the listing to a prefix', () => {
    const world = newWorld();
    const expected = bucketWithHistory(world);
    const out = call(world, 'ListObjectVersions', { Bucket: 'hist', Prefix: 'b/' });
    expect(pageEntries(out, expected)).toEqual(expected.filter((e) => e.startsWith('b/')));
    expect(out.Prefix).toBe('b/');
  });

  // "version-id-marker ... Specifies the object version you want to start listing from" and requires key-marker.
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectVersions.html
  it('rejects a version-id marker without a key marker, an empty one, and one that does not exist', () => {
    const world = newWorld();
    bucketWithHistory(world);
    expectError(() => call(world, 'ListObjectVersions', { Bucket: 'hist', VersionIdMarker: 'null' }), {
      code: 'InvalidArgument',
      message: 'A version-id marker cannot be specified without a key marker.',
      status: 400,
      fields: { ArgumentName: 'version-id-marker', ArgumentValue: 'null' },
    });
    expectError(() => call(world, 'ListObjectVersions', { Bucket: 'hist', KeyMarker: 'a.txt', VersionIdMarker: '' }), {
      code: 'InvalidArgument',
      message: 'A version-id marker cannot be empty.',
      status: 400,
    });
    expectError(() => call(world, 'ListObjectVersions', { Bucket: 'hist', KeyMarker: 'a.txt', VersionIdMarker: 'C'.repeat(32) }), {
      code: 'InvalidArgument',
      message: 'Invalid version id specified',
      status: 400,
      fields: { ArgumentName: 'version-id-marker', ArgumentValue: 'C'.repeat(32) },
    });
  });

  // "key-marker: Specifies the key to start with when listing objects in a bucket." (without a version-id marker,
  // listing resumes after every version of that key) https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectVersions.html
  it('resumes after every version of KeyMarker when no version-id marker is given', () => {
    const world = newWorld();
    const expected = bucketWithHistory(world);
    const out = call(world, 'ListObjectVersions', { Bucket: 'hist', KeyMarker: 'b/c/3.txt' });
    expect(pageEntries(out, expected)).toEqual(expected.filter((e) => e > 'b/c/3.txt@~'));
    expect(out.KeyMarker).toBe('b/c/3.txt');
  });
});
