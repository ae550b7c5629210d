import { describe, expect, it } from 'vitest';
import type { World } from '../../../src/runtime/world.js';
import { call, createBucket, expectError, newWorld, put } from './helpers.js';

function bucketWithTree(world: World): void {
  createBucket(world, 'tree', 'Enabled');
  for (const key of ['a.txt', 'b/1.txt', 'b/2.txt', 'b/c/3.txt', 'd.txt', 'e/4.txt', 'f.txt', 'g/h/5.txt']) put(world, 'tree', key, key);
  call(world, 'DeleteObject', { Bucket: 'tree', Key: 'd.txt' });
  call(world, 'DeleteObject', { Bucket: 'tree', Key: 'e/4.txt' });
}

/** Walks ListObjectsV2 pages of `maxKeys`, returning every key and common prefix in the order returned. */
function walkV2(world: World, input: Record<string, unknown>, maxKeys: number): string[] {
  const seen: string[] = [];
  let token: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const out = call(world, 'ListObjectsV2', { Bucket: 'tree', ...input, MaxKeys: maxKeys, ...(token ? { ContinuationToken: token } : {}) });
    expect(out.KeyCount).toBeLessThanOrEqual(maxKeys);
    const page = [...(out.Contents ?? []).map((c: any) => c.Key), ...(out.CommonPrefixes ?? []).map((p: any) => p.Prefix)];
    seen.push(...page.sort());
    if (!out.IsTruncated) return seen;
    token = out.NextContinuationToken;
  }
  throw new Error('pagination did not end');
}

describe('ListObjectsV2', () => {
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html (MaxKeys defaults to 1,000; KeyCount)
  it('lists current objects in key order, hiding keys whose current version is a delete marker', () => {
    const world = newWorld();
    bucketWithTree(world);
    const out = call(world, 'ListObjectsV2', { Bucket: 'tree' });
    expect(out.Contents.map((c: any) => c.Key)).toEqual(['a.txt', 'b/1.txt', 'b/2.txt', 'b/c/3.txt', 'f.txt', 'g/h/5.txt']);
    expect(out).toMatchObject({ IsTruncated: false, Name: 'tree', Prefix: '', MaxKeys: 1000, KeyCount: 6 });
    expect(out.Contents[0]).toEqual({
      Key: 'a.txt',
      LastModified: new Date(world.nowMs),
      ETag: expect.stringMatching(/^"[0-9a-f]{32}"$/),
      Size: 5,
      StorageClass: 'STANDARD',
    });
  });

  // "CommonPrefixes ... all of the keys (up to 1,000) that share the same prefix are grouped together"
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-prefixes.html
  it('rolls keys up into common prefixes with a delimiter, skipping prefixes with only deleted keys', () => {
    const world = newWorld();
    bucketWithTree(world);
    const out = call(world, 'ListObjectsV2', { Bucket: 'tree', Delimiter: '/' });
    expect(out.Contents.map((c: any) => c.Key)).toEqual(['a.txt', 'f.txt']);
    expect(out.CommonPrefixes).toEqual([{ Prefix: 'b/' }, { Prefix: 'g/' }]);
    expect(out.KeyCount).toBe(4);
    const inside = call(world, 'ListObjectsV2', { Bucket: 'tree', Prefix: 'b/', Delimiter: '/' });
    expect([inside.Contents.map((c: any) => c.Key), inside.CommonPrefixes]).toEqual([['b/1.txt', 'b/2.txt'], [{ Prefix: 'b/c/' }]]);
  });

  // "ContinuationToken ... indicates to Amazon S3 that the list is being continued on this bucket with a token."
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
  it.each([1, 2, 3])('walks every key and common prefix exactly once with MaxKeys %i', (maxKeys) => {
    const world = newWorld();
    bucketWithTree(world);
    const all = ['a.txt', 'b/1.txt', 'b/2.txt', 'b/c/3.txt', 'f.txt', 'g/h/5.txt'];
    expect(walkV2(world, {}, maxKeys)).toEqual(all);
    expect(walkV2(world, { Delimiter: '/' }, maxKeys).sort()).toEqual(['a.txt', 'b/', 'f.txt', 'g/']);
  });

  // "StartAfter is where you want Amazon S3 to start listing from." https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
  it('starts after StartAfter and echoes it', () => {
    const world = newWorld();
    bucketWithTree(world);
    const out = call(world, 'ListObjectsV2', { Bucket: 'tree', StartAfter: 'b/2.txt' });
    expect(out.Contents.map((c: any) => c.Key)).toEqual(['b/c/3.txt', 'f.txt', 'g/h/5.txt']);
    expect(out.StartAfter).toBe('b/2.txt');
  });

  // "The owner field is not present in ListObjectsV2 by default. If you want to return the owner field with each key in
  // the result, then set the FetchOwner field to true." https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
  it('adds the owner only with FetchOwner', () => {
    const world = newWorld();
    bucketWithTree(world);
    expect(call(world, 'ListObjectsV2', { Bucket: 'tree', MaxKeys: 1 }).Contents[0].Owner).toBeUndefined();
    expect(call(world, 'ListObjectsV2', { Bucket: 'tree', MaxKeys: 1, FetchOwner: true }).Contents[0].Owner.ID).toMatch(/^[0-9a-f]{64}$/);
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html (ContinuationToken is obfuscated and not a real key)
  it('rejects a continuation token it did not issue', () => {
    const world = newWorld();
    bucketWithTree(world);
    expectError(() => call(world, 'ListObjectsV2', { Bucket: 'tree', ContinuationToken: 'not-a-token' }), {
      code: 'InvalidArgument',
      message: 'The continuation token provided is incorrect',
      status: 400,
      fields: { ArgumentName: 'continuation-token' },
    });
  });

  // max-keys is a non-negative integer: https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html (MaxKeys)
  it('rejects a negative MaxKeys', () => {
    const world = newWorld();
    bucketWithTree(world);
    expectError(() => call(world, 'ListObjectsV2', { Bucket: 'tree', MaxKeys: -1 }), {
      code: 'InvalidArgument',
      message: 'Argument maxKeys must be an integer between 0 and 2147483647',
      status: 400,
      fields: { ArgumentName: 'maxKeys', ArgumentValue: '-1' },
    });
  });

  // "List results are always returned in UTF-8 binary order." https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
  it('orders keys by UTF-8 bytes', () => {
    const world = newWorld();
    createBucket(world, 'utf8');
    for (const key of ['\u{1F600}.txt', '\uFF21.txt', 'z.txt', '\u00e9.txt']) put(world, 'utf8', key, 'x');
    expect(call(world, 'ListObjectsV2', { Bucket: 'utf8' }).Contents.map((c: any) => c.Key)).toEqual([
      'z.txt',
      '\u00e9.txt',
      '\uFF21.txt',
      '\u{1F600}.txt',
    ]);
  });

  // "Encoding type used by Amazon S3 to encode object keys in the response." https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
  it('URL-encodes keys when asked with EncodingType url', () => {
    const world = newWorld();
    createBucket(world, 'enc');
    put(world, 'enc', 'my file+1.txt', 'x');
    const out = call(world, 'ListObjectsV2', { Bucket: 'enc', EncodingType: 'url' });
    expect([out.Contents[0].Key, out.EncodingType]).toEqual(['my%20file%2B1.txt', 'url']);
  });
});

describe('ListObjects (version 1)', () => {
  // "NextMarker ... This element is returned only if you have the delimiter request parameter specified."
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjects.html
  it('pages with Marker, returning NextMarker only when a delimiter is given', () => {
    const world = newWorld();
    bucketWithTree(world);
    const first = call(world, 'ListObjects', { Bucket: 'tree', MaxKeys: 2 });
    expect(first).toMatchObject({ IsTruncated: true, Marker: '', Prefix: '', MaxKeys: 2 });
    expect(first.NextMarker).toBeUndefined();
    expect(first.Contents.map((c: any) => c.Key)).toEqual(['a.txt', 'b/1.txt']);
    expect(first.Contents[0].Owner.ID).toMatch(/^[0-9a-f]{64}$/);
    const next = call(world, 'ListObjects', { Bucket: 'tree', MaxKeys: 2, Marker: 'b/1.txt' });
    expect(next.Contents.map((c: any) => c.Key)).toEqual(['b/2.txt', 'b/c/3.txt']);
    const grouped = call(world, 'ListObjects', { Bucket: 'tree', MaxKeys: 2, Delimiter: '/' });
    expect([grouped.IsTruncated, grouped.NextMarker]).toEqual([true, 'b/']);
    const rest = call(world, 'ListObjects', { Bucket: 'tree', Delimiter: '/', Marker: grouped.NextMarker });
    expect([rest.Contents.map((c: any) => c.Key), rest.CommonPrefixes]).toEqual([['f.txt'], [{ Prefix: 'g/' }]]);
  });
});
