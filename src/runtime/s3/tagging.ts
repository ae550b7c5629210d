/**
 * Object tags: up to 10 key-value pairs per object version, set at upload (the x-amz-tagging
 * header, URL-encoded) or with the tagging subresource, which acts on one version.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-tagging.html
 */
import { currentVersion, markerHeaders, reportedVersionId, resolveVersion } from './versioning.js';
import { invalidTag, invalidTaggingHeader, malformedXml, methodNotAllowed, noSuchKey, tooManyTags } from './errors.js';
import { isAwsError } from '../errors.js';
import type { GetObjectTaggingOutput } from './shapes.generated.js';
import type { Bucket, Tag } from './state.js';

const MAX_TAGS = 10;
const MAX_KEY_LENGTH = 128;
const MAX_VALUE_LENGTH = 256;
const TAG_CHARACTERS = /^[\p{L}\p{N}_\s.:/=+\-@]*$/u;

/** Checks a tag set as PutObjectTagging and PutObject do; returns a copy, or null when empty. */
export function validateTagSet(tagSet: unknown): Tag[] | null {
  if (!Array.isArray(tagSet)) throw malformedXml();
  if (tagSet.length > MAX_TAGS) throw tooManyTags();
  const seen = new Set<string>();
  const tags: Tag[] = [];
  for (const tag of tagSet as Array<Record<string, unknown>>) {
    const key = tag?.Key;
    const value = tag?.Value;
    if (typeof key !== 'string' || typeof value !== 'string') throw malformedXml();
    if (seen.has(key)) throw invalidTag('Cannot provide multiple Tags with the same key', { TagKey: key });
    if (key.startsWith('aws:')) throw invalidTag('Your TagKey cannot be prefixed with aws:', { TagKey: key });
    if (key.length === 0 || key.length > MAX_KEY_LENGTH || !TAG_CHARACTERS.test(key)) {
      throw invalidTag('The TagKey you have provided is invalid', { TagKey: key });
    }
    if (value.length > MAX_VALUE_LENGTH || !TAG_CHARACTERS.test(value)) {
      throw invalidTag('The TagValue you have provided is invalid', { TagKey: key, TagValue: value });
    }
    seen.add(key);
    tags.push({ Key: key, Value: value });
  }
  return tags.length > 0 ? tags : null;
}

/**
 * Parses x-amz-tagging (`k1=v1&k2=v2`, URL-encoded) into a tag set.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html#API_PutObject_RequestSyntax
 */
export function parseTaggingHeader(header: string): Tag[] | null {
  const tagSet: Tag[] = [];
  const seen = new Set<string>();
  for (const [key, value] of new URLSearchParams(header)) {
    if (seen.has(key)) throw invalidTaggingHeader(header);
    seen.add(key);
    tagSet.push({ Key: key, Value: value });
  }
  return validateTagSet(tagSet);
}

function withVersion(versionId: string | undefined): Record<string, unknown> {
  return versionId === undefined ? {} : { VersionId: versionId };
}

/** https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObjectTagging.html */
export function putObjectTagging(bucket: Bucket, key: string, versionId: string | undefined, tagging: unknown): Record<string, unknown> {
  const version = resolveVersion(bucket, key, versionId, 'PUT', true);
  const tagSet = (tagging as { TagSet?: unknown } | undefined)?.TagSet;
  if (tagSet === undefined) throw malformedXml();
  version.tags = validateTagSet(tagSet);
  return withVersion(reportedVersionId(bucket, version));
}

/**
 * GetObjectTagging differs from GetObject: a current delete marker is 405 MethodNotAllowed
 * rather than 404, and a missing key's error names `bucket/key`.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObjectTagging.html
 */
export function getObjectTagging(bucket: Bucket, key: string, versionId: string | undefined): GetObjectTaggingOutput {
  if (versionId === undefined) {
    const current = currentVersion(bucket, key);
    if (!current) throw noSuchKey(`${bucket.name}/${key}`);
    if (current.isDeleteMarker) throw methodNotAllowed('GET', markerHeaders(current, false));
  }
  let version;
  try {
    version = resolveVersion(bucket, key, versionId, 'GET', true);
  } catch (error) {
    if (isAwsError(error) && error.code === 'NoSuchKey') throw noSuchKey(`${bucket.name}/${key}`);
    throw error;
  }
  return { ...withVersion(reportedVersionId(bucket, version)), TagSet: (version.tags ?? []).map((t) => ({ ...t })) };
}

/** https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjectTagging.html */
export function deleteObjectTagging(bucket: Bucket, key: string, versionId: string | undefined): Record<string, unknown> {
  const version = resolveVersion(bucket, key, versionId, 'DELETE', true);
  version.tags = null;
  return withVersion(reportedVersionId(bucket, version));
}
