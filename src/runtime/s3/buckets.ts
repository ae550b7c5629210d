/**
 * Buckets: creation with S3's region rules, deletion, listing, and the lookup every other
 * operation starts with. The bucket namespace is the account's; every bucket in the world
 * belongs to the learner's account.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html
 */
import { REGIONS } from '../regions.js';
import { compareKeys, createKeyIndex } from './key-index.js';
import { isValidBucketName } from './bucket-names.js';
import { everVersioned } from './versioning.js';
import { ownerOf } from './owner.js';
import { blockAllPublicAccess } from './public-access-block.js';
import {
  bucketAlreadyOwnedByYou,
  bucketNotEmpty,
  illegalLocationConstraint,
  invalidBucketName,
  invalidLocationConstraint,
  malformedXml,
  noSuchBucket,
} from './errors.js';
import type { Bucket, S3State } from './state.js';

const US_EAST_1 = 'us-east-1';
/** The LocationConstraint values S3 accepts (botocore's enum) plus every simulated region. */
const KNOWN_CONSTRAINTS = new Set<string>([
  'af-south-1', 'ap-east-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-southeast-1',
  'ap-southeast-2', 'ap-southeast-3', 'ca-central-1', 'cn-north-1', 'cn-northwest-1', 'EU', 'eu-central-1', 'eu-north-1',
  'eu-south-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'me-south-1', 'sa-east-1', 'us-east-2', 'us-gov-east-1',
  'us-gov-west-1', 'us-west-1', 'us-west-2', ...REGIONS.map((r) => r.name).filter((name) => name !== US_EAST_1),
]);

export function requireBucket(state: S3State, name: string): Bucket {
  const bucket = state.buckets.get(name);
  if (!bucket) throw noSuchBucket(name);
  return bucket;
}

/**
 * The region a new bucket goes to. A request sent to us-east-1 may name any other region (and
 * must not name us-east-1 itself); a request sent elsewhere must name that region.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucketConfiguration.html
 */
function bucketRegion(requestRegion: string, constraint: string | undefined): string {
  if (constraint === undefined) {
    if (requestRegion !== US_EAST_1) throw illegalLocationConstraint('unspecified');
    return US_EAST_1;
  }
  if (requestRegion === US_EAST_1) {
    if (!KNOWN_CONSTRAINTS.has(constraint)) throw invalidLocationConstraint(constraint);
    return constraint === 'EU' ? 'eu-west-1' : constraint;
  }
  if (constraint === requestRegion || (constraint === 'EU' && requestRegion === 'eu-west-1')) return requestRegion;
  throw illegalLocationConstraint(constraint);
}

export interface CreateBucketRequest {
  name: string;
  requestRegion: string;
  /** Undefined when no CreateBucketConfiguration was sent; null when it was sent without a constraint. */
  locationConstraint: string | null | undefined;
  objectLockEnabled: boolean;
  nowMs: number;
}

/**
 * Creates a bucket and returns its Location. Re-creating a bucket you own is an error except in
 * us-east-1, where S3 answers 200 for legacy compatibility.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html (BucketAlreadyOwnedByYou)
 */
export function createBucket(state: S3State, request: CreateBucketRequest): string {
  const { name } = request;
  if (!isValidBucketName(name)) throw invalidBucketName(name);
  if (request.locationConstraint === null) throw malformedXml();
  const region = bucketRegion(request.requestRegion, request.locationConstraint);
  const location = region === US_EAST_1 ? `/${name}` : `http://${name}.s3.amazonaws.com/`;
  const existing = state.buckets.get(name);
  if (existing) {
    if (region === US_EAST_1 && existing.region === US_EAST_1) return location;
    throw bucketAlreadyOwnedByYou(name);
  }
  state.buckets.set(name, {
    name,
    region,
    locationConstraint: region === US_EAST_1 ? null : (request.locationConstraint ?? null),
    creationMs: Math.floor(request.nowMs / 1000) * 1000,
    // Object Lock needs versioning, so such a bucket starts Enabled.
    versioning: request.objectLockEnabled ? 'Enabled' : undefined,
    mfaDelete: undefined,
    objectLockEnabled: request.objectLockEnabled,
    policy: null,
    // Since April 2023 every new bucket starts with all four Block Public Access settings on.
    publicAccessBlock: blockAllPublicAccess(),
    objects: new Map(),
    keys: createKeyIndex(),
    versionsById: new Map(),
    nextSeq: 1,
  });
  return location;
}

/** https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucket.html */
export function deleteBucket(state: S3State, name: string): void {
  const bucket = requireBucket(state, name);
  if (bucket.objects.size > 0) throw bucketNotEmpty(name, everVersioned(bucket));
  state.buckets.delete(name);
}

export function listBuckets(state: S3State, accountId: string): Record<string, unknown> {
  const buckets = [...state.buckets.values()]
    .sort((a, b) => compareKeys(a.name, b.name))
    .map((b) => ({ Name: b.name, CreationDate: new Date(b.creationMs) }));
  return { Buckets: buckets, Owner: ownerOf(accountId) };
}
