/**
 * A bucket's versioning configuration: unversioned until first set, then Enabled or Suspended
 * for good; MFA Delete on top, which guards every later change of that configuration.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketVersioning.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html
 */
import { checkMfa } from './mfa-delete.js';
import { illegalVersioningConfiguration, malformedXml, objectLockBlocksVersioningChange } from './errors.js';
import type { Bucket } from './state.js';

export interface VersioningRequest {
  status: string | undefined;
  mfaDelete: string | undefined;
  mfa: string | undefined;
  accountId: string;
  nowMs: number;
}

export function putBucketVersioning(bucket: Bucket, request: VersioningRequest): void {
  const { status, mfaDelete } = request;
  if (!status) throw illegalVersioningConfiguration();
  if (status !== 'Enabled' && status !== 'Suspended') throw malformedXml();
  if (mfaDelete !== undefined && mfaDelete !== 'Enabled' && mfaDelete !== 'Disabled') throw malformedXml();
  // Setting MFA Delete, or changing anything once it is on, needs the root user's device.
  if (bucket.mfaDelete === 'Enabled' || mfaDelete !== undefined) checkMfa(request.mfa, request.accountId, request.nowMs);
  if (bucket.objectLockEnabled && status === 'Suspended') throw objectLockBlocksVersioningChange();
  bucket.versioning = status;
  if (mfaDelete !== undefined) bucket.mfaDelete = mfaDelete;
}

/**
 * A never-versioned bucket reports nothing; MFADelete appears once it has been configured.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketVersioning.html
 */
export function getBucketVersioning(bucket: Bucket): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (bucket.versioning) out.Status = bucket.versioning;
  if (bucket.mfaDelete) out.MFADelete = bucket.mfaDelete;
  return out;
}

/** Deleting a specific version from an MFA Delete bucket needs a valid x-amz-mfa. */
export function requireMfaForVersionDelete(bucket: Bucket, mfa: string | undefined, accountId: string, nowMs: number): void {
  if (bucket.mfaDelete === 'Enabled') checkMfa(mfa, accountId, nowMs);
}
