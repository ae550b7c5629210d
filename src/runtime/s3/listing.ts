/**
 * ListObjects (v1) and ListObjectsV2: the current version of each key whose current version is
 * not a delete marker, in UTF-8 key order, with Prefix, Delimiter/CommonPrefixes and MaxKeys
 * pages. Pages start with an O(log n) seek in the key index, so their cost does not grow with
 * the bucket.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjects.html
 */
import { advance, compareKeys, entryAt, seek, seekPastPrefix, type Cursor, type KeyIndex } from './key-index.js';
import { ownerOf } from './owner.js';
import { invalidArgument, invalidContinuationToken } from './errors.js';
import type { Bucket, KeyVersions, StoredVersion } from './state.js';

export const MAX_PAGE = 1000;

/** Validates MaxKeys; returns the requested value (echoed back) and the page size actually used. */
export function pageSize(maxKeys: number | undefined): { maxKeys: number; size: number } {
  if (maxKeys === undefined) return { maxKeys: MAX_PAGE, size: MAX_PAGE };
  if (maxKeys < 0) throw invalidArgument('Argument maxKeys must be an integer between 0 and 2147483647', 'maxKeys', String(maxKeys));
  return { maxKeys, size: Math.min(maxKeys, MAX_PAGE) };
}

/** The common prefix `key` rolls up into under `prefix` and `delimiter`, if any. */
export function commonPrefixOf(key: string, prefix: string, delimiter: string): string | undefined {
  if (delimiter === '') return undefined;
  const at = key.indexOf(delimiter, prefix.length);
  return at < 0 ? undefined : key.slice(0, at + delimiter.length);
}

/** The first key at or after `start` (exclusive when asked) that can match `prefix`. */
export function startCursor(keys: KeyIndex<KeyVersions>, prefix: string, start: string | undefined, exclusive: boolean): Cursor {
  if (start === undefined || compareKeys(start, prefix) < 0) return seek(keys, prefix);
  return seek(keys, start, exclusive);
}

/**
 * With EncodingType=url S3 URL-encodes keys and prefixes in the response (botocore asks for it
 * and decodes them again).
 */
export function encoder(encodingType: string | undefined): (value: string) => string {
  if (encodingType !== 'url') return (value) => value;
  return (value) => encodeURIComponent(value).replace(/%2F/g, '/');
}

const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** V2 continuation tokens are opaque to callers: base64 of the key the next page starts at. */
export function encodeToken(startKey: string): string {
  let binary = '';
  for (const byte of utf8.encode(`1${startKey}`)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function decodeToken(token: string): string {
  try {
    const binary = atob(token);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const text = utf8Strict.decode(bytes);
    if (text.startsWith('1')) return text.slice(1);
  } catch {
    // fall through to the error S3 gives for a token it did not issue
  }
  throw invalidContinuationToken();
}

/** True when some key under `prefix` has a current version that is not a delete marker. */
function hasLiveKey(bucket: Bucket, prefix: string, from: Cursor): boolean {
  const cursor = { ...from };
  for (let entry = entryAt(bucket.keys, cursor); entry !== undefined && entry.key.startsWith(prefix); entry = entryAt(bucket.keys, cursor)) {
    if (!current(entry).isDeleteMarker) return true;
    advance(bucket.keys, cursor);
  }
  return false;
}

export function current(entry: KeyVersions): StoredVersion {
  return entry.versions[entry.versions.length - 1]!;
}

export interface ListPage {
  contents: StoredVersion[];
  commonPrefixes: string[];
  truncated: boolean;
  /** Where the next page starts (inclusive), when truncated. */
  nextKey: string | undefined;
  /** The last key or common prefix returned. */
  lastReturned: string | undefined;
}

export interface ListRequest {
  prefix: string;
  delimiter: string;
  /** Keys at or before this one are skipped (Marker, StartAfter). */
  after: string | undefined;
  /** A continuation: start at this key, inclusive. */
  from: string | undefined;
  size: number;
}

/** One page of current objects and common prefixes. */
export function listCurrent(bucket: Bucket, request: ListRequest): ListPage {
  const { prefix, delimiter, size } = request;
  const page: ListPage = { contents: [], commonPrefixes: [], truncated: false, nextKey: undefined, lastReturned: undefined };
  if (size === 0) return page;
  const keys = bucket.keys;
  const cursor = request.from !== undefined ? startCursor(keys, prefix, request.from, false) : startCursor(keys, prefix, request.after, true);
  for (let entry = entryAt(keys, cursor); entry !== undefined && entry.key.startsWith(prefix); entry = entryAt(keys, cursor)) {
    const key = entry.key;
    const common = commonPrefixOf(key, prefix, delimiter);
    if (common !== undefined) {
      const skip = (request.after !== undefined && compareKeys(common, request.after) <= 0) || !hasLiveKey(bucket, common, cursor);
      if (!skip) {
        if (page.contents.length + page.commonPrefixes.length >= size) return truncate(page, key);
        page.commonPrefixes.push(common);
        page.lastReturned = common;
      }
      Object.assign(cursor, seekPastPrefix(keys, common));
      continue;
    }
    const version = current(entry);
    if (!version.isDeleteMarker) {
      if (page.contents.length + page.commonPrefixes.length >= size) return truncate(page, key);
      page.contents.push(version);
      page.lastReturned = key;
    }
    advance(keys, cursor);
  }
  return page;
}

function truncate(page: ListPage, nextKey: string): ListPage {
  page.truncated = true;
  page.nextKey = nextKey;
  return page;
}

export function objectEntry(version: StoredVersion, encode: (v: string) => string, owner: { ID: string } | undefined): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    Key: encode(version.key),
    LastModified: new Date(version.lastModifiedSec * 1000),
    ETag: version.etag,
    Size: version.size,
    StorageClass: version.storageClass,
  };
  if (owner) entry.Owner = { ...owner };
  return entry;
}

export interface ListObjectsInput {
  Prefix?: string;
  Delimiter?: string;
  MaxKeys?: number;
  EncodingType?: string;
  Marker?: string;
  ContinuationToken?: string;
  StartAfter?: string;
  FetchOwner?: boolean;
}

/** https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjects.html */
export function listObjects(bucket: Bucket, input: ListObjectsInput, accountId: string): Record<string, unknown> {
  const { maxKeys, size } = pageSize(input.MaxKeys);
  const prefix = input.Prefix ?? '';
  const delimiter = input.Delimiter ?? '';
  const encode = encoder(input.EncodingType);
  const page = listCurrent(bucket, { prefix, delimiter, after: input.Marker || undefined, from: undefined, size });
  const out: Record<string, unknown> = { IsTruncated: page.truncated, Marker: encode(input.Marker ?? '') };
  // Without a delimiter the next marker is simply the last key, so S3 leaves NextMarker out.
  if (page.truncated && delimiter !== '') out.NextMarker = encode(page.lastReturned!);
  const owner = ownerOf(accountId);
  addListing(out, { bucket, prefix, delimiter, maxKeys, encode, encodingType: input.EncodingType, owner }, page);
  return out;
}

/** The members ListObjects and ListObjectsV2 share, in the order S3 sends them. */
function addListing(
  out: Record<string, unknown>,
  list: { bucket: Bucket; prefix: string; delimiter: string; maxKeys: number; encode: (s: string) => string; encodingType: string | undefined; owner: ReturnType<typeof ownerOf> | undefined },
  page: { contents: StoredVersion[]; commonPrefixes: string[] },
): void {
  const { encode } = list;
  if (page.contents.length > 0) out.Contents = page.contents.map((v) => objectEntry(v, encode, list.owner));
  Object.assign(out, { Name: list.bucket.name, Prefix: encode(list.prefix) });
  if (list.delimiter !== '') out.Delimiter = encode(list.delimiter);
  out.MaxKeys = list.maxKeys;
  if (page.commonPrefixes.length > 0) out.CommonPrefixes = page.commonPrefixes.map((p) => ({ Prefix: encode(p) }));
  if (list.encodingType !== undefined) out.EncodingType = list.encodingType;
}

/** https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html */
export function listObjectsV2(bucket: Bucket, input: ListObjectsInput, accountId: string): Record<string, unknown> {
  const { maxKeys, size } = pageSize(input.MaxKeys);
  const prefix = input.Prefix ?? '';
  const delimiter = input.Delimiter ?? '';
  const encode = encoder(input.EncodingType);
  const from = input.ContinuationToken === undefined ? undefined : decodeToken(input.ContinuationToken);
  const after = from === undefined ? input.StartAfter || undefined : undefined;
  const page = listCurrent(bucket, { prefix, delimiter, after, from, size });
  const out: Record<string, unknown> = { IsTruncated: page.truncated };
  const owner = input.FetchOwner ? ownerOf(accountId) : undefined;
  addListing(out, { bucket, prefix, delimiter, maxKeys, encode, encodingType: input.EncodingType, owner }, page);
  out.KeyCount = page.contents.length + page.commonPrefixes.length;
  if (input.ContinuationToken !== undefined) out.ContinuationToken = input.ContinuationToken;
  if (page.truncated) out.NextContinuationToken = encodeToken(page.nextKey!);
  if (input.StartAfter !== undefined) out.StartAfter = encode(input.StartAfter);
  return out;
}
