/**
 * Deleting objects. Without a version ID: an unversioned bucket removes the object, an Enabled
 * bucket adds a delete marker, a Suspended one adds a `null` delete marker in place of the null
 * version. With a version ID: that version (or delete marker) is removed for good, and removing
 * the current delete marker brings the previous version back.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeletingObjectVersions.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeletingObjectsfromVersioningSuspendedBuckets.html
 */
import type { RandomState } from '../random.js';
import { checkMfa } from './mfa-delete.js';
import { requireMfaForVersionDelete } from './bucket-versioning.js';
import {
  addDeleteMarker,
  checkVersionIdParameter,
  currentVersion,
  everVersioned,
  findVersion,
  NULL_VERSION_ID,
  removeVersion,
} from './versioning.js';
import { isValidVersionId } from './version-id.js';
import { malformedXml, mfaRequired } from './errors.js';
import type { Bucket, StoredVersion } from './state.js';

export interface DeleteContext {
  accountId: string;
  nowMs: number;
  random: RandomState;
  mfa: string | undefined;
}

const MAX_KEYS_PER_REQUEST = 1000;

/** A simple delete (no version ID); returns the delete marker it created, if any. */
function simpleDelete(bucket: Bucket, key: string, ctx: DeleteContext): StoredVersion | undefined {
  if (!everVersioned(bucket)) {
    const current = currentVersion(bucket, key);
    if (current) removeVersion(bucket, current);
    return undefined;
  }
  return addDeleteMarker(bucket, key, ctx.nowMs, ctx.random);
}

/** The version a delete by version ID names, or undefined when there is none (S3 still answers 204). */
function versionToDelete(bucket: Bucket, key: string, versionId: string): StoredVersion | undefined {
  if (!everVersioned(bucket)) return versionId === NULL_VERSION_ID ? currentVersion(bucket, key) : undefined;
  return findVersion(bucket, key, versionId);
}

/** https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html */
export function deleteObject(bucket: Bucket, key: string, versionId: string | undefined, ctx: DeleteContext): Record<string, unknown> {
  if (versionId === undefined) {
    if (bucket.mfaDelete === 'Enabled' && ctx.mfa !== undefined) checkMfa(ctx.mfa, ctx.accountId, ctx.nowMs);
    const marker = simpleDelete(bucket, key, ctx);
    return marker ? { DeleteMarker: true, VersionId: marker.versionId } : {};
  }
  checkVersionIdParameter(bucket, versionId);
  requireMfaForVersionDelete(bucket, ctx.mfa, ctx.accountId, ctx.nowMs);
  const version = versionToDelete(bucket, key, versionId);
  if (version) removeVersion(bucket, version);
  if (!everVersioned(bucket)) return {};
  return version?.isDeleteMarker ? { DeleteMarker: true, VersionId: versionId } : { VersionId: versionId };
}

interface ObjectIdentifier {
  Key: string;
  VersionId?: string;
}

function identifiers(deleteRequest: unknown): ObjectIdentifier[] {
  const objects = (deleteRequest as { Objects?: unknown } | undefined)?.Objects;
  if (!Array.isArray(objects) || objects.length === 0 || objects.length > MAX_KEYS_PER_REQUEST) throw malformedXml();
  for (const object of objects) {
    if (typeof object?.Key !== 'string') throw malformedXml();
  }
  return objects as ObjectIdentifier[];
}

/**
 * An MFA Delete bucket fails the whole request when any entry names a version and no token was
 * sent, and whenever a token was sent that does not authenticate.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html
 */
function checkBatchMfa(bucket: Bucket, objects: ObjectIdentifier[], ctx: DeleteContext): void {
  if (bucket.mfaDelete !== 'Enabled') return;
  if (ctx.mfa !== undefined) checkMfa(ctx.mfa, ctx.accountId, ctx.nowMs);
  else if (objects.some((o) => o.VersionId !== undefined)) throw mfaRequired();
}

type Entry = Record<string, unknown>;

function deleteOne(bucket: Bucket, object: ObjectIdentifier, ctx: DeleteContext): { deleted?: Entry; error?: Entry } {
  const { Key: key, VersionId: versionId } = object;
  if (versionId === undefined) {
    const marker = simpleDelete(bucket, key, ctx);
    return { deleted: marker ? { Key: key, DeleteMarker: true, DeleteMarkerVersionId: marker.versionId } : { Key: key } };
  }
  if (!everVersioned(bucket) && versionId === NULL_VERSION_ID) {
    simpleDelete(bucket, key, ctx);
    return { deleted: { Key: key } };
  }
  // A batch entry reports an ID S3 never issued as NoSuchVersion, not the 400 DeleteObject
  // answers; an issued ID whose version is already gone is reported deleted, as DeleteObject's 204.
  if (!isValidVersionId(versionId) || !everVersioned(bucket)) {
    return { error: { Key: key, VersionId: versionId, Code: 'NoSuchVersion', Message: 'The specified version does not exist.' } };
  }
  const version = versionToDelete(bucket, key, versionId);
  if (!version) return { deleted: { Key: key, VersionId: versionId } };
  removeVersion(bucket, version);
  const deleted: Entry = { Key: key, VersionId: versionId };
  if (version.isDeleteMarker) {
    deleted.DeleteMarker = true;
    deleted.DeleteMarkerVersionId = version.versionId;
  }
  return { deleted };
}

/** https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html */
export function deleteObjects(bucket: Bucket, deleteRequest: unknown, ctx: DeleteContext): Record<string, unknown> {
  const objects = identifiers(deleteRequest);
  const quiet = (deleteRequest as { Quiet?: unknown }).Quiet === true;
  checkBatchMfa(bucket, objects, ctx);
  const deleted: Entry[] = [];
  const errors: Entry[] = [];
  for (const object of objects) {
    const result = deleteOne(bucket, object, ctx);
    if (result.deleted && !quiet) deleted.push(result.deleted);
    if (result.error) errors.push(result.error);
  }
  const out: Record<string, unknown> = {};
  if (deleted.length > 0) out.Deleted = deleted;
  if (errors.length > 0) out.Errors = errors;
  return out;
}
