/**
 * CopyObject: a new object (a new version in a versioned bucket) made from an existing one,
 * optionally from an older version, which is how S3 restores a previous version.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/RestoringPreviousVersions.html
 */
import type { RandomState } from '../random.js';
import { isAwsError } from '../errors.js';
import { requireBucket } from './buckets.js';
import { checkKey, checkStorageClass, SSE_S3 } from './objects.js';
import { objectHeaders } from './object-headers.js';
import { parseTaggingHeader } from './tagging.js';
import { currentVersion, everVersioned, resolveVersion, writeVersion, NULL_VERSION_ID } from './versioning.js';
import { isValidVersionId } from './version-id.js';
import {
  copySourceIsDeleteMarker,
  copySourceVersionInvalid,
  copyToItself,
  invalidCopySource,
  invalidSourceObjectState,
  preconditionFailed,
} from './errors.js';
import { optionalString, optionalTimeMs, requiredString } from '../input.js';
import type { CopyObjectInput } from './shapes.generated.js';
import type { Bucket, ObjectHeaders, S3State, StoredVersion } from './state.js';

export interface CopySource {
  bucket: string;
  key: string;
  versionId: string | undefined;
}

/**
 * Parses `bucket/key` or `bucket/key?versionId=ID` (a leading slash is allowed). The value is
 * taken as sent by the caller, before the URL encoding the SDKs add on the wire.
 */
export function parseCopySource(source: string): CopySource {
  const match = /\?versionId=([^/]+)$/.exec(source);
  const path = (match ? source.slice(0, match.index) : source).replace(/^\/+/, '');
  const slash = path.indexOf('/');
  if (slash <= 0 || slash === path.length - 1) throw invalidCopySource();
  return { bucket: path.slice(0, slash), key: path.slice(slash + 1), versionId: match?.[1] };
}

/**
 * The source version, with S3's copy-specific errors: a malformed version ID is a bare
 * InvalidRequest and naming a delete marker is InvalidRequest too; a current delete marker is
 * NoSuchKey with x-amz-delete-marker, as for GetObject.
 */
function resolveSource(bucket: Bucket, source: CopySource): StoredVersion {
  if (source.versionId !== undefined && !isValidVersionId(source.versionId)) throw copySourceVersionInvalid();
  try {
    return resolveVersion(bucket, source.key, source.versionId, 'GET');
  } catch (error) {
    if (isAwsError(error) && error.code === 'MethodNotAllowed') throw copySourceIsDeleteMarker();
    throw error;
  }
}

/** x-amz-copy-source-if-* preconditions, all failing with 412. */
function checkSourceConditions(input: CopyObjectInput, version: StoredVersion): void {
  const lastModifiedMs = version.lastModifiedSec * 1000;
  const ifMatch = optionalString(input, 'CopySourceIfMatch');
  const ifNoneMatch = optionalString(input, 'CopySourceIfNoneMatch');
  const ifUnmodifiedSince = optionalTimeMs(input, 'CopySourceIfUnmodifiedSince');
  const ifModifiedSince = optionalTimeMs(input, 'CopySourceIfModifiedSince');
  const same = (etag: string) => etag.replace(/"/g, '') === version.etag.replace(/"/g, '');
  if (ifMatch !== undefined && !same(ifMatch)) throw preconditionFailed('x-amz-copy-source-If-Match');
  if (ifMatch === undefined && ifUnmodifiedSince !== undefined && lastModifiedMs > ifUnmodifiedSince) {
    throw preconditionFailed('x-amz-copy-source-If-Unmodified-Since');
  }
  if (ifNoneMatch !== undefined && same(ifNoneMatch)) throw preconditionFailed('x-amz-copy-source-If-None-Match');
  if (ifNoneMatch === undefined && ifModifiedSince !== undefined && lastModifiedMs <= ifModifiedSince) {
    throw preconditionFailed('x-amz-copy-source-If-Modified-Since');
  }
}

/**
 * Copying an object onto itself must change something (metadata, storage class, redirect or
 * encryption); copying an older version over the current one is a restore and always allowed.
 */
function checkNotSelfCopy(input: CopyObjectInput, dest: Bucket, key: string, source: StoredVersion, sourceBucket: Bucket): void {
  if (sourceBucket !== dest || source.key !== key || currentVersion(dest, key) !== source) return;
  const changes =
    optionalString(input, 'MetadataDirective') === 'REPLACE' ||
    optionalString(input, 'StorageClass') !== undefined ||
    optionalString(input, 'WebsiteRedirectLocation') !== undefined ||
    optionalString(input, 'ServerSideEncryption') !== undefined;
  if (!changes) throw copyToItself();
}

/** MetadataDirective COPY keeps the source's headers and metadata, except its website redirect. */
function copiedHeaders(input: CopyObjectInput, source: StoredVersion): { headers: ObjectHeaders | null; contentType: string } {
  if (optionalString(input, 'MetadataDirective') === 'REPLACE') {
    return { headers: objectHeaders(input), contentType: optionalString(input, 'ContentType') ?? 'binary/octet-stream' };
  }
  const redirect = optionalString(input, 'WebsiteRedirectLocation');
  const { WebsiteRedirectLocation: _dropped, ...kept } = source.headers ?? {};
  const headers: ObjectHeaders = redirect === undefined ? kept : { ...kept, WebsiteRedirectLocation: redirect };
  return { headers: Object.keys(headers).length > 0 ? headers : null, contentType: source.contentType ?? 'binary/octet-stream' };
}

export interface CopyContext {
  nowMs: number;
  random: RandomState;
}

export function copyObject(state: S3State, dest: Bucket, input: CopyObjectInput, ctx: CopyContext): Record<string, unknown> {
  const key = requiredString(input, 'Key');
  checkKey(key);
  const source = parseCopySource(requiredString(input, 'CopySource'));
  const sourceBucket = requireBucket(state, source.bucket);
  const version = resolveSource(sourceBucket, source);
  if (version.storageClass === 'GLACIER' || version.storageClass === 'DEEP_ARCHIVE') throw invalidSourceObjectState(version.storageClass);
  checkSourceConditions(input, version);
  checkNotSelfCopy(input, dest, key, version, sourceBucket);
  const storageClass = checkStorageClass(optionalString(input, 'StorageClass'));
  const tagging = optionalString(input, 'Tagging');
  const tags = optionalString(input, 'TaggingDirective') === 'REPLACE'
    ? (tagging === undefined ? null : parseTaggingHeader(tagging))
    : version.tags && version.tags.map((t) => ({ ...t }));
  const { headers, contentType } = copiedHeaders(input, version);
  // Stored bodies are never changed in place, so the copy can share the source's bytes.
  const written = writeVersion(dest, key, { body: version.body!, etag: version.etag, contentType, storageClass, headers, tags }, ctx.nowMs, ctx.random);
  const out: Record<string, unknown> = {
    CopyObjectResult: { ETag: written.etag, LastModified: new Date(written.lastModifiedSec * 1000) },
  };
  if (everVersioned(sourceBucket) && version.versionId !== NULL_VERSION_ID) out.CopySourceVersionId = version.versionId;
  if (everVersioned(dest)) out.VersionId = written.versionId;
  out.ServerSideEncryption = SSE_S3;
  return out;
}
