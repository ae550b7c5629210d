/**
 * ListObjectVersions: every version and delete marker, keys in UTF-8 order and each key's
 * versions newest first, paged by KeyMarker/VersionIdMarker. A page seeks to its start in
 * O(log n) (key index, then a binary search inside the key's versions), so it costs the same
 * whether the bucket holds ten thousand versions or a million.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectVersions.html
 */
import { advance, compareKeys, entryAt, seek, seekPastPrefix, type Cursor } from './key-index.js';
import { commonPrefixOf, encoder, pageSize, startCursor } from './listing.js';
import { findVersion, indexOfVersion } from './versioning.js';
import { ownerOf } from './owner.js';
import { invalidVersionId, versionIdMarkerEmpty, versionIdMarkerWithoutKeyMarker } from './errors.js';
import type { Bucket, KeyVersions, StoredVersion } from './state.js';

export interface ListVersionsInput {
  Prefix?: string;
  Delimiter?: string;
  MaxKeys?: number;
  EncodingType?: string;
  KeyMarker?: string;
  VersionIdMarker?: string;
}

interface Start {
  cursor: Cursor;
  /** When resuming inside a key: the index (in its oldest-first array) of the next version to list. */
  resumeKey?: string;
  resumeIndex?: number;
}

/** Where a page starts: after KeyMarker's versions, or after the version VersionIdMarker names. */
function startOf(bucket: Bucket, prefix: string, keyMarker: string | undefined, versionIdMarker: string | undefined): Start {
  if (versionIdMarker !== undefined) {
    if (versionIdMarker === '') throw versionIdMarkerEmpty();
    if (!keyMarker) throw versionIdMarkerWithoutKeyMarker(versionIdMarker);
    const marker = findVersion(bucket, keyMarker, versionIdMarker);
    if (!marker) throw invalidVersionId(versionIdMarker, 'version-id-marker');
    if (keyMarker.startsWith(prefix)) {
      return { cursor: seek(bucket.keys, keyMarker), resumeKey: keyMarker, resumeIndex: indexOfVersion(bucket, marker) - 1 };
    }
  }
  return { cursor: startCursor(bucket.keys, prefix, keyMarker || undefined, true) };
}

interface VersionsPage {
  entries: Array<{ version: StoredVersion; latest: boolean }>;
  commonPrefixes: string[];
  truncated: boolean;
  nextKeyMarker?: string;
  nextVersionIdMarker?: string;
}

function listVersionsPage(bucket: Bucket, input: ListVersionsInput, size: number): VersionsPage {
  const prefix = input.Prefix ?? '';
  const delimiter = input.Delimiter ?? '';
  const keyMarker = input.KeyMarker || undefined;
  const start = startOf(bucket, prefix, keyMarker, input.VersionIdMarker);
  const page: VersionsPage = { entries: [], commonPrefixes: [], truncated: false };
  if (size === 0) return page;
  const keys = bucket.keys;
  const cursor = start.cursor;
  const full = () => page.entries.length + page.commonPrefixes.length >= size;
  for (let entry = entryAt(keys, cursor); entry !== undefined && entry.key.startsWith(prefix); entry = entryAt(keys, cursor)) {
    const key = entry.key;
    const common = commonPrefixOf(key, prefix, delimiter);
    if (common !== undefined) {
      if (keyMarker === undefined || compareKeys(common, keyMarker) > 0) {
        if (full()) return { ...page, truncated: true };
        page.commonPrefixes.push(common);
        page.nextKeyMarker = common;
        page.nextVersionIdMarker = undefined;
      }
      Object.assign(cursor, seekPastPrefix(keys, common));
      continue;
    }
    if (!listVersionsOf(entry, start.resumeKey === key ? start.resumeIndex! : entry.versions.length - 1, page, full)) {
      return { ...page, truncated: true };
    }
    advance(keys, cursor);
  }
  return page;
}

/** Adds a key's versions, newest first from index `from`; false when the page filled up first. */
function listVersionsOf(entry: KeyVersions, from: number, page: VersionsPage, full: () => boolean): boolean {
  const versions = entry.versions;
  for (let i = from; i >= 0; i--) {
    if (full()) return false;
    const version = versions[i]!;
    page.entries.push({ version, latest: i === versions.length - 1 });
    page.nextKeyMarker = entry.key;
    page.nextVersionIdMarker = version.versionId;
  }
  return true;
}

/** https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectVersions.html */
export function listObjectVersions(bucket: Bucket, input: ListVersionsInput, accountId: string): Record<string, unknown> {
  const { maxKeys, size } = pageSize(input.MaxKeys);
  const encode = encoder(input.EncodingType);
  const page = listVersionsPage(bucket, input, size);
  const owner = ownerOf(accountId);
  const out: Record<string, unknown> = {
    IsTruncated: page.truncated,
    KeyMarker: encode(input.KeyMarker ?? ''),
    VersionIdMarker: input.VersionIdMarker ?? '',
  };
  if (page.truncated) {
    out.NextKeyMarker = encode(page.nextKeyMarker!);
    if (page.nextVersionIdMarker !== undefined) out.NextVersionIdMarker = page.nextVersionIdMarker;
  }
  const versions = page.entries.filter((e) => !e.version.isDeleteMarker);
  const markers = page.entries.filter((e) => e.version.isDeleteMarker);
  if (versions.length > 0) {
    out.Versions = versions.map(({ version: v, latest }) => ({
      ETag: v.etag,
      Size: v.size,
      StorageClass: v.storageClass,
      Key: encode(v.key),
      VersionId: v.versionId,
      IsLatest: latest,
      LastModified: new Date(v.lastModifiedSec * 1000),
      Owner: { ...owner },
    }));
  }
  if (markers.length > 0) {
    out.DeleteMarkers = markers.map(({ version: v, latest }) => ({
      Owner: { ...owner },
      Key: encode(v.key),
      VersionId: v.versionId,
      IsLatest: latest,
      LastModified: new Date(v.lastModifiedSec * 1000),
    }));
  }
  Object.assign(out, { Name: bucket.name, Prefix: encode(input.Prefix ?? '') });
  if (input.Delimiter) out.Delimiter = encode(input.Delimiter);
  out.MaxKeys = maxKeys;
  if (page.commonPrefixes.length > 0) out.CommonPrefixes = page.commonPrefixes.map((p) => ({ Prefix: encode(p) }));
  if (input.EncodingType !== undefined) out.EncodingType = input.EncodingType;
  return out;
}
