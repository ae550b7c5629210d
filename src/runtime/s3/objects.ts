/**
 * Writing and reading objects: PutObject, GetObject and HeadObject. Every new object gets the
 * MD5 ETag, a last-modified time in whole seconds and SSE-S3 encryption (S3's default since
 * January 2023); which version a read returns is decided in versioning.ts.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
 */
import { md5Digest, md5Etag } from '../hash/md5.js';
import type { RandomState } from '../random.js';
import { reportedVersionId, resolveVersion, writeVersion, type ObjectMethod } from './versioning.js';
import { parseTaggingHeader } from './tagging.js';
import { objectHeaders } from './object-headers.js';
import { packBody, unpackBody } from './body.js';
import {
  badDigest,
  invalidDigest,
  invalidObjectState,
  invalidRange,
  invalidStorageClass,
  keyTooLong,
  notModified,
  preconditionFailed,
} from './errors.js';
import { optionalBlob, optionalString, optionalTimeMs, requiredString, utf8Length } from '../input.js';
import type { GetObjectInput, HeadObjectInput, PutObjectInput } from './shapes.generated.js';
import type { Bucket, StoredVersion } from './state.js';

const STORAGE_CLASSES = new Set([
  'STANDARD', 'REDUCED_REDUNDANCY', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER', 'DEEP_ARCHIVE', 'GLACIER_IR',
]);
/** Archived objects cannot be read until restored. */
const ARCHIVED = new Set(['GLACIER', 'DEEP_ARCHIVE']);
const MAX_KEY_BYTES = 1024;
const DEFAULT_CONTENT_TYPE = 'binary/octet-stream';
export const SSE_S3 = 'AES256';

export function checkKey(key: string): void {
  if (key.length * 3 <= MAX_KEY_BYTES) return;
  const size = utf8Length(key);
  if (size > MAX_KEY_BYTES) throw keyTooLong(size);
}

export function checkStorageClass(storageClass: string | undefined): string {
  if (storageClass === undefined) return 'STANDARD';
  if (!STORAGE_CLASSES.has(storageClass)) throw invalidStorageClass(storageClass);
  return storageClass;
}

/** Content-MD5 is the base64 of the 16-byte digest; a mismatch means the body was damaged. */
function checkContentMd5(contentMd5: string, body: Uint8Array): void {
  let expected: string;
  try {
    expected = atob(contentMd5);
  } catch {
    throw invalidDigest(contentMd5);
  }
  if (expected.length !== 16) throw invalidDigest(contentMd5);
  const digest = md5Digest(body);
  let calculated = '';
  for (const byte of digest) calculated += String.fromCharCode(byte);
  if (calculated !== expected) throw badDigest(contentMd5, btoa(calculated));
}

export function quotedEtag(body: Uint8Array): string {
  return md5Etag(body);
}

export interface PutContext {
  nowMs: number;
  random: RandomState;
}

export function putObject(bucket: Bucket, input: PutObjectInput, ctx: PutContext): Record<string, unknown> {
  const key = requiredString(input, 'Key');
  checkKey(key);
  const storageClass = checkStorageClass(optionalString(input, 'StorageClass'));
  const body = optionalBlob(input, 'Body') ?? new Uint8Array(0);
  const contentMd5 = optionalString(input, 'ContentMD5');
  if (contentMd5 !== undefined) checkContentMd5(contentMd5, body);
  const tagging = optionalString(input, 'Tagging');
  const version = writeVersion(bucket, key, {
    // packBody copies: later changes to the caller's buffer cannot reach the stored object.
    body: packBody(body),
    etag: quotedEtag(body),
    contentType: optionalString(input, 'ContentType') ?? DEFAULT_CONTENT_TYPE,
    storageClass,
    headers: objectHeaders(input),
    tags: tagging === undefined ? null : parseTaggingHeader(tagging),
  }, ctx.nowMs, ctx.random);
  const out: Record<string, unknown> = { ETag: version.etag, ServerSideEncryption: SSE_S3 };
  if (bucket.versioning === 'Enabled') out.VersionId = version.versionId;
  return out;
}

/**
 * If-Match / If-Unmodified-Since fail with 412; If-None-Match / If-Modified-Since with 304.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html#API_GetObject_RequestSyntax
 */
function checkConditions(input: GetObjectInput | HeadObjectInput, version: StoredVersion): void {
  const ifMatch = optionalString(input, 'IfMatch');
  const ifUnmodifiedSince = optionalTimeMs(input, 'IfUnmodifiedSince');
  const lastModifiedMs = version.lastModifiedSec * 1000;
  if (ifMatch !== undefined) {
    if (!etagMatches(ifMatch, version.etag)) throw preconditionFailed('If-Match');
  } else if (ifUnmodifiedSince !== undefined && lastModifiedMs > ifUnmodifiedSince) {
    throw preconditionFailed('If-Unmodified-Since');
  }
  const ifNoneMatch = optionalString(input, 'IfNoneMatch');
  const ifModifiedSince = optionalTimeMs(input, 'IfModifiedSince');
  if (ifNoneMatch !== undefined) {
    if (etagMatches(ifNoneMatch, version.etag)) throw notModified();
  } else if (ifModifiedSince !== undefined && lastModifiedMs <= ifModifiedSince) {
    throw notModified();
  }
}

function etagMatches(condition: string, etag: string): boolean {
  return condition.split(',').some((candidate) => {
    const trimmed = candidate.trim();
    return trimmed === '*' || trimmed === etag || `"${trimmed}"` === etag;
  });
}

interface ByteRange { first: number; last: number }

/**
 * A single `bytes=first-last`, `bytes=first-` or `bytes=-suffix` range. Anything S3 cannot
 * parse is ignored (the whole object is returned); a range past the end is 416.
 * https://www.rfc-editor.org/rfc/rfc9110#name-byte-ranges
 */
function parseRange(range: string, size: number): ByteRange | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) throw invalidRange(range, size);
    return { first: Math.max(0, size - suffix), last: size - 1 };
  }
  const first = Number(match[1]);
  const last = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (first >= size) throw invalidRange(range, size);
  if (first > last) return undefined;
  return { first, last };
}

function readObject(bucket: Bucket, input: GetObjectInput | HeadObjectInput, method: ObjectMethod): StoredVersion {
  const version = resolveVersion(bucket, requiredString(input, 'Key'), optionalString(input, 'VersionId'), method);
  checkConditions(input, version);
  return version;
}

/** The members GetObject and HeadObject share after ETag, in the output shapes' member order. */
function describeVersion(bucket: Bucket, version: StoredVersion, out: Record<string, unknown>, contentRange?: string): void {
  const versionId = reportedVersionId(bucket, version);
  if (versionId !== undefined) out.VersionId = versionId;
  const h = version.headers;
  if (h?.CacheControl !== undefined) out.CacheControl = h.CacheControl;
  if (h?.ContentDisposition !== undefined) out.ContentDisposition = h.ContentDisposition;
  if (h?.ContentEncoding !== undefined) out.ContentEncoding = h.ContentEncoding;
  if (h?.ContentLanguage !== undefined) out.ContentLanguage = h.ContentLanguage;
  if (contentRange !== undefined) out.ContentRange = contentRange;
  if (version.contentType !== null) out.ContentType = version.contentType;
  if (h?.ExpiresMs !== undefined) out.Expires = new Date(h.ExpiresMs);
  if (h?.WebsiteRedirectLocation !== undefined) out.WebsiteRedirectLocation = h.WebsiteRedirectLocation;
  out.ServerSideEncryption = SSE_S3;
  // botocore always returns the x-amz-meta-* map, empty when the object has no user metadata.
  out.Metadata = { ...(h?.Metadata ?? {}) };
  if (version.storageClass !== 'STANDARD') out.StorageClass = version.storageClass;
}

/** GetObject's response-* parameters override the stored headers in this one response. */
function applyOverrides(input: GetObjectInput, out: Record<string, unknown>): void {
  const overrides: Array<[keyof GetObjectInput, string]> = [
    ['ResponseCacheControl', 'CacheControl'],
    ['ResponseContentDisposition', 'ContentDisposition'],
    ['ResponseContentEncoding', 'ContentEncoding'],
    ['ResponseContentLanguage', 'ContentLanguage'],
    ['ResponseContentType', 'ContentType'],
  ];
  for (const [parameter, member] of overrides) {
    const value = optionalString(input, parameter);
    if (value !== undefined) out[member] = value;
  }
  const expires = optionalTimeMs(input, 'ResponseExpires');
  if (expires !== undefined) out.Expires = new Date(expires);
}

export function getObject(bucket: Bucket, input: GetObjectInput): Record<string, unknown> {
  const version = readObject(bucket, input, 'GET');
  if (ARCHIVED.has(version.storageClass)) throw invalidObjectState(version.storageClass);
  const body = version.body!;
  const rangeHeader = optionalString(input, 'Range');
  const range = rangeHeader === undefined ? undefined : parseRange(rangeHeader, version.size);
  const out: Record<string, unknown> = {
    Body: range ? unpackBody(body, range.first, range.last + 1) : unpackBody(body),
    AcceptRanges: 'bytes',
    LastModified: new Date(version.lastModifiedSec * 1000),
    ContentLength: range ? range.last - range.first + 1 : version.size,
    ETag: version.etag,
  };
  describeVersion(bucket, version, out, range && `bytes ${range.first}-${range.last}/${version.size}`);
  if (version.tags) out.TagCount = version.tags.length;
  applyOverrides(input, out);
  return out;
}

export function headObject(bucket: Bucket, input: HeadObjectInput): Record<string, unknown> {
  const version = readObject(bucket, input, 'HEAD');
  const rangeHeader = optionalString(input, 'Range');
  const range = rangeHeader === undefined ? undefined : parseRange(rangeHeader, version.size);
  const out: Record<string, unknown> = {
    AcceptRanges: 'bytes',
    LastModified: new Date(version.lastModifiedSec * 1000),
    ContentLength: range ? range.last - range.first + 1 : version.size,
    ETag: version.etag,
  };
  describeVersion(bucket, version, out);
  return out;
}
