/**
 * The simulated S3's state: plain data only (Maps, arrays, Uint8Arrays), because world
 * snapshots copy it with structuredClone. One bucket namespace per account, as in S3.
 *
 * A version is kept lean because a bucket may hold a million of them: times are whole
 * seconds (small integers V8 stores unboxed), rarely used headers live in one optional
 * object, and the key string is shared with the key index.
 */
import type { KeyIndex } from './key-index.js';
import type { StoredBody } from './body.js';

/** What GetBucketVersioning reports: absent until versioning is first configured. */
export type VersioningStatus = 'Enabled' | 'Suspended' | undefined;

export interface ObjectHeaders {
  CacheControl?: string;
  ContentDisposition?: string;
  ContentEncoding?: string;
  ContentLanguage?: string;
  /** Expires, as ms since the epoch. */
  ExpiresMs?: number;
  WebsiteRedirectLocation?: string;
  /** User metadata (x-amz-meta-*), names lower-cased as S3 stores them. */
  Metadata?: Record<string, string>;
}

export interface Tag {
  Key: string;
  Value: string;
}

/** One version of a key: an object, or a delete marker (no body, no ETag). */
export interface StoredVersion {
  key: string;
  /** A 32-character ID, or `null` for the version written while versioning was off or suspended. */
  versionId: string;
  /** Bucket-wide creation order: a key's versions are kept sorted by it. */
  seq: number;
  lastModifiedSec: number;
  isDeleteMarker: boolean;
  size: number;
  /** The quoted hex MD5 of the body, as S3 returns it. */
  etag: string;
  /** Null for a delete marker. */
  body: StoredBody | null;
  contentType: string | null;
  storageClass: string;
  headers: ObjectHeaders | null;
  tags: Tag[] | null;
}

/** Everything stored under one key: its versions oldest first (the last one is current) and its null version. */
export interface KeyVersions {
  key: string;
  versions: StoredVersion[];
  nullVersion: StoredVersion | null;
}

export interface Bucket {
  name: string;
  /** The region the bucket lives in. */
  region: string;
  /** What GetBucketLocation returns: null for us-east-1, `EU` when created with that alias. */
  locationConstraint: string | null;
  creationMs: number;
  versioning: VersioningStatus;
  /** Absent until MFA Delete is first configured. */
  mfaDelete: 'Enabled' | 'Disabled' | undefined;
  objectLockEnabled: boolean;
  /** The bucket policy as S3 returns it (the document without insignificant whitespace), or null. */
  policy: string | null;
  /** The bucket's Block Public Access settings; null once deleted (new buckets get all four on). */
  publicAccessBlock: PublicAccessBlock | null;
  /** Every key that has at least one version or delete marker. */
  objects: Map<string, KeyVersions>;
  /** The same records, sorted by key as S3 lists them. */
  keys: KeyIndex<KeyVersions>;
  /** Every non-null version ID in the bucket, for lookups without scanning. */
  versionsById: Map<string, StoredVersion>;
  nextSeq: number;
}

/** https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html */
export interface PublicAccessBlock {
  BlockPublicAcls: boolean;
  IgnorePublicAcls: boolean;
  BlockPublicPolicy: boolean;
  RestrictPublicBuckets: boolean;
}

export interface S3State {
  buckets: Map<string, Bucket>;
}

export function createS3State(): S3State {
  return { buckets: new Map() };
}
