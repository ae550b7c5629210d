/**
 * The version store: per key an ordered array of versions and delete markers (oldest first,
 * the last one current), a map from version ID to version, and the key's `null` version. Every
 * write goes through `writeVersion`, every lookup through `resolveVersion`, so the rules of
 * S3 Versioning live here.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
 */
import type { RandomState } from '../random.js';
import { NULL_VERSION_ID, isValidVersionId, newVersionId } from './version-id.js';
import { insertEntry, removeEntry } from './key-index.js';
import { invalidArgument, invalidVersionId, methodNotAllowed, noSuchKey, noSuchVersion } from './errors.js';
import type { Bucket, ObjectHeaders, StoredVersion, Tag } from './state.js';
import type { StoredBody } from './body.js';

export { NULL_VERSION_ID } from './version-id.js';

/** True once versioning has been Enabled or Suspended: a bucket never returns to unversioned. */
export function everVersioned(bucket: Bucket): boolean {
  return bucket.versioning !== undefined;
}


export function currentVersion(bucket: Bucket, key: string): StoredVersion | undefined {
  const versions = bucket.objects.get(key)?.versions;
  return versions?.[versions.length - 1];
}

export function findVersion(bucket: Bucket, key: string, versionId: string): StoredVersion | undefined {
  if (versionId === NULL_VERSION_ID) return bucket.objects.get(key)?.nullVersion ?? undefined;
  const version = bucket.versionsById.get(versionId);
  return version?.key === key ? version : undefined;
}

/** The HTTP date S3 sends in Last-Modified. */
export function httpDate(seconds: number): string {
  return new Date(seconds * 1000).toUTCString();
}

/** Where `version` sits in its key's array: versions are sorted by seq, so a binary search finds it. */
function positionOf(versions: StoredVersion[], version: StoredVersion): number {
  let lo = 0;
  let hi = versions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const seq = versions[mid]!.seq;
    if (seq === version.seq) return mid;
    if (seq < version.seq) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Index of `version` in its key's array (newest last), or -1. */
export function indexOfVersion(bucket: Bucket, version: StoredVersion): number {
  const entry = bucket.objects.get(version.key);
  return entry ? positionOf(entry.versions, version) : -1;
}

/** Removes one version or delete marker for good. */
export function removeVersion(bucket: Bucket, version: StoredVersion): void {
  const entry = bucket.objects.get(version.key);
  const at = entry ? positionOf(entry.versions, version) : -1;
  if (!entry || at < 0) return;
  entry.versions.splice(at, 1);
  if (version.versionId === NULL_VERSION_ID) entry.nullVersion = null;
  else bucket.versionsById.delete(version.versionId);
  if (entry.versions.length === 0) {
    bucket.objects.delete(version.key);
    removeEntry(bucket.keys, version.key);
  }
}

function append(bucket: Bucket, version: StoredVersion): void {
  let entry = bucket.objects.get(version.key);
  if (!entry) {
    entry = { key: version.key, versions: [], nullVersion: null };
    bucket.objects.set(version.key, entry);
    insertEntry(bucket.keys, entry);
  }
  if (version.versionId === NULL_VERSION_ID) {
    // A write while unversioned or suspended replaces the key's null version, wherever it sits.
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/AddingObjectstoVersionSuspendedBuckets.html
    if (entry.nullVersion) {
      const at = positionOf(entry.versions, entry.nullVersion);
      if (at >= 0) entry.versions.splice(at, 1);
    }
    entry.nullVersion = version;
  } else {
    bucket.versionsById.set(version.versionId, version);
  }
  entry.versions.push(version);
}

/** Enabled buckets issue a fresh ID; unversioned and suspended ones write the `null` version. */
function nextVersionId(bucket: Bucket, random: RandomState): string {
  if (bucket.versioning !== 'Enabled') return NULL_VERSION_ID;
  let id = newVersionId(random);
  while (bucket.versionsById.has(id)) id = newVersionId(random);
  return id;
}

export interface NewObject {
  body: StoredBody;
  etag: string;
  contentType: string;
  storageClass: string;
  headers: ObjectHeaders | null;
  tags: Tag[] | null;
}

/** Stores a new object version under the bucket's versioning rules; it becomes current. */
export function writeVersion(bucket: Bucket, key: string, object: NewObject, nowMs: number, random: RandomState): StoredVersion {
  const version: StoredVersion = {
    key,
    versionId: nextVersionId(bucket, random),
    seq: bucket.nextSeq++,
    lastModifiedSec: Math.floor(nowMs / 1000),
    isDeleteMarker: false,
    size: object.body.length,
    etag: object.etag,
    body: object.body,
    contentType: object.contentType,
    storageClass: object.storageClass,
    headers: object.headers,
    tags: object.tags,
  };
  append(bucket, version);
  return version;
}

/**
 * Adds a delete marker as the current version: a fresh ID when Enabled, `null` (replacing the
 * null version) when Suspended.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeletingObjectVersions.html
 */
export function addDeleteMarker(bucket: Bucket, key: string, nowMs: number, random: RandomState): StoredVersion {
  const marker: StoredVersion = {
    key,
    versionId: nextVersionId(bucket, random),
    seq: bucket.nextSeq++,
    lastModifiedSec: Math.floor(nowMs / 1000),
    isDeleteMarker: true,
    size: 0,
    etag: '',
    body: null,
    contentType: null,
    storageClass: 'STANDARD',
    headers: null,
    tags: null,
  };
  append(bucket, marker);
  return marker;
}

export type ObjectMethod = 'GET' | 'HEAD' | 'PUT' | 'DELETE';

/**
 * Checks a versionId parameter before any lookup: S3 rejects an empty ID, and with 400
 * InvalidArgument any ID it never issued (see version-id.ts), before looking for the version.
 */
export function checkVersionIdParameter(bucket: Bucket, versionId: string): void {
  if (versionId === '') throw invalidArgument('Version id cannot be the empty string', 'versionId', '');
  if (!everVersioned(bucket) && versionId !== NULL_VERSION_ID) throw invalidVersionId(versionId);
  if (!isValidVersionId(versionId)) throw invalidVersionId(versionId);
}

/**
 * The version an object operation acts on, or the error S3 returns:
 * - no versionId and the current version is a delete marker: 404 NoSuchKey with
 *   x-amz-delete-marker (GET, HEAD) or 405 MethodNotAllowed (PUT, DELETE of a subresource);
 * - a versionId naming a delete marker: 405 MethodNotAllowed with x-amz-delete-marker, and
 *   Last-Modified when reading the object itself (not a subresource such as ?tagging);
 * - a versionId S3 issued whose version is gone (or belongs to another key): 404 NoSuchVersion.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeleteMarker.html
 */
export function resolveVersion(
  bucket: Bucket,
  key: string,
  versionId: string | undefined,
  method: ObjectMethod,
  subresource = false,
): StoredVersion {
  if (versionId !== undefined) {
    checkVersionIdParameter(bucket, versionId);
    const version = everVersioned(bucket) ? findVersion(bucket, key, versionId) : currentVersion(bucket, key);
    if (!version) throw everVersioned(bucket) ? noSuchVersion(key, versionId) : noSuchKey(key);
    if (version.isDeleteMarker) throw methodNotAllowed(method, markerHeaders(version, !subresource));
    return version;
  }
  const current = currentVersion(bucket, key);
  if (!current) throw noSuchKey(key);
  if (current.isDeleteMarker) {
    if (method === 'GET' || method === 'HEAD') throw noSuchKey(key, markerHeaders(current, false));
    throw methodNotAllowed(method);
  }
  return current;
}

/** The headers S3 sends about a delete marker it refused to act on. */
export function markerHeaders(marker: StoredVersion, withLastModified: boolean): Record<string, string> {
  const headers: Record<string, string> = { 'x-amz-delete-marker': 'true', 'x-amz-version-id': marker.versionId };
  if (withLastModified) headers['Last-Modified'] = httpDate(marker.lastModifiedSec);
  return headers;
}

/** The VersionId member S3 returns for a version: only once the bucket has been versioned. */
export function reportedVersionId(bucket: Bucket, version: StoredVersion): string | undefined {
  return everVersioned(bucket) ? version.versionId : undefined;
}
