/**
 * S3's authorization table: the IAM action and resource ARN each simulated operation asks
 * permission for, its S3 condition keys, the bucket policy as the resource-based policy, and
 * S3's bare 403 on a denial. Version-specific requests ask for the …Version action.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
 */
import { AwsError } from '../errors.js';
import type { AuthorizationTarget, ServiceAuthorization, ServiceContext } from '../service.js';
import type { PolicySource } from '../iam/policy/types.js';
import { evaluate } from '../iam/policy/evaluate.js';
import { parseCopySource } from './copy.js';
import { policyStatements } from './bucket-policy.js';
import { isPublicPolicy } from './policy-public.js';
import type { PolicyStatement } from './policy-document.js';
import type { S3State } from './state.js';
import type { S3Shapes } from './shapes.generated.js';

type Row<I> = (input: I) => AuthorizationTarget;

const bucketArn = (bucket: string) => `arn:aws:s3:::${bucket}`;
const objectArn = (bucket: string, key: string) => `arn:aws:s3:::${bucket}/${key}`;

/** An action on the bucket named in the input. */
function onBucket(action: string): Row<{ Bucket: string }> {
  return (input) => ({ action: `s3:${action}`, resources: [bucketArn(input.Bucket)] });
}

/** An action on one object; with a VersionId, its …Version form (`s3:GetObjectVersion`) and the s3:VersionId key. */
function onObject(action: string, versioned: string): Row<{ Bucket: string; Key: string; VersionId?: string | null }> {
  return (input) => ({
    action: `s3:${input.VersionId ? versioned : action}`,
    resources: [objectArn(input.Bucket, input.Key)],
    ...(input.VersionId ? { context: { 's3:VersionId': input.VersionId } } : {}),
  });
}

/** A listing asks for s3:ListBucket (or …Versions) on the bucket, with the prefix, delimiter and max-keys as condition keys. */
function listing(action: string): Row<{ Bucket: string; Prefix?: string | null; Delimiter?: string | null; MaxKeys?: number | null }> {
  return (input) => {
    const context: Record<string, string> = {};
    if (input.Prefix !== undefined && input.Prefix !== null) context['s3:prefix'] = input.Prefix;
    if (input.Delimiter !== undefined && input.Delimiter !== null) context['s3:delimiter'] = input.Delimiter;
    if (input.MaxKeys !== undefined && input.MaxKeys !== null) context['s3:max-keys'] = String(input.MaxKeys);
    return { action: `s3:${action}`, resources: [bucketArn(input.Bucket)], context };
  };
}

type Rows = { readonly [O in keyof S3Shapes]: Row<S3Shapes[O]['input']> };

const ROWS: Rows = {
  CreateBucket: onBucket('CreateBucket'),
  DeleteBucket: onBucket('DeleteBucket'),
  // ListAllMyBuckets is not about one bucket: policies grant it on Resource "*".
  ListBuckets: () => ({ action: 's3:ListAllMyBuckets', resources: ['arn:aws:s3:::*'] }),
  HeadBucket: onBucket('ListBucket'),
  GetBucketLocation: onBucket('GetBucketLocation'),
  PutBucketVersioning: onBucket('PutBucketVersioning'),
  GetBucketVersioning: onBucket('GetBucketVersioning'),
  PutObject: onObject('PutObject', 'PutObject'),
  GetObject: onObject('GetObject', 'GetObjectVersion'),
  HeadObject: onObject('GetObject', 'GetObjectVersion'),
  DeleteObject: onObject('DeleteObject', 'DeleteObjectVersion'),
  // Each key of a multi-object delete needs its own permission; the call asks for all of them.
  DeleteObjects: (input) => {
    const objects = input.Delete?.Objects ?? [];
    const versioned = objects.some((o) => o.VersionId);
    return { action: versioned ? 's3:DeleteObjectVersion' : 's3:DeleteObject', resources: objects.map((o) => objectArn(input.Bucket, o.Key)) };
  },
  // Copying writes the destination; reading the source is checked by the copy itself (copy.ts).
  CopyObject: onObject('PutObject', 'PutObject'),
  PutObjectTagging: onObject('PutObjectTagging', 'PutObjectVersionTagging'),
  GetObjectTagging: onObject('GetObjectTagging', 'GetObjectVersionTagging'),
  DeleteObjectTagging: onObject('DeleteObjectTagging', 'DeleteObjectVersionTagging'),
  ListObjects: listing('ListBucket'),
  ListObjectsV2: listing('ListBucket'),
  ListObjectVersions: listing('ListBucketVersions'),
  PutBucketPolicy: onBucket('PutBucketPolicy'),
  GetBucketPolicy: onBucket('GetBucketPolicy'),
  DeleteBucketPolicy: onBucket('DeleteBucketPolicy'),
  GetBucketPolicyStatus: onBucket('GetBucketPolicyStatus'),
  PutPublicAccessBlock: onBucket('PutBucketPublicAccessBlock'),
  GetPublicAccessBlock: onBucket('GetBucketPublicAccessBlock'),
  // There is no s3:DeleteBucketPublicAccessBlock: removing the settings is a change of them.
  DeletePublicAccessBlock: onBucket('PutBucketPublicAccessBlock'),
};

/** The IAM action and resource an S3 operation asks permission for (the lab's access check reuses it). */
export function s3AuthorizationTarget(operation: keyof S3Shapes, input: Record<string, unknown>): AuthorizationTarget {
  return (ROWS[operation] as Row<Record<string, unknown>>)(input);
}

/** Parsed documents by policy text, so the engine's per-document cache holds across calls. */
const parsedPolicies = new Map<string, unknown>();

function parsedPolicy(text: string): unknown {
  let document = parsedPolicies.get(text);
  if (document === undefined) {
    if (parsedPolicies.size > 256) parsedPolicies.clear();
    document = JSON.parse(text);
    parsedPolicies.set(text, document);
  }
  return document;
}

/**
 * The bucket policy of the bucket a resource ARN names. With RestrictPublicBuckets on, a public
 * policy's grants to everyone count for nothing (only the account's own principals and AWS
 * services keep access), so those statements are left out; its Deny statements still apply.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
 */
export function bucketPolicySource(state: S3State, resourceArn: string): PolicySource | undefined {
  const match = /^arn:aws:s3:::([^/]+)/.exec(resourceArn);
  const bucket = match ? state.buckets.get(match[1]!) : undefined;
  if (!bucket?.policy) return undefined;
  if (bucket.publicAccessBlock?.RestrictPublicBuckets && isPublicPolicy(policyStatements(bucket.policy))) {
    const kept = policyStatements(bucket.policy).filter((statement: PolicyStatement) => !isPublicPolicy([statement]));
    if (kept.length === 0) return undefined;
    const document = { ...(parsedPolicy(bucket.policy) as object), Statement: kept };
    return { kind: 'resource', name: `bucket policy of ${bucket.name} (public statements restricted by RestrictPublicBuckets)`, document };
  }
  return { kind: 'resource', name: `bucket policy of ${bucket.name}`, document: parsedPolicy(bucket.policy) };
}

/**
 * CopyObject writes the destination (the table's row) and reads the source, which needs
 * s3:GetObject (or s3:GetObjectVersion) on the source object as well: checked here, where the
 * source is known, with the same policies the world uses.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html
 */
export function authorizeCopySource(ctx: ServiceContext<S3State>, copySource: string): void {
  const principal = ctx.principal;
  if (!principal) return;
  const source = parseCopySource(copySource);
  const resource = objectArn(source.bucket, source.key);
  const request = { principal, action: source.versionId ? 's3:GetObjectVersion' : 's3:GetObject', resource };
  const resourcePolicy = bucketPolicySource(ctx.state, resource);
  const identity = ctx.identityPolicies(principal);
  const decision = evaluate(request, resourcePolicy ? [...identity, resourcePolicy] : identity);
  if (decision.decision !== 'allowed') throw accessDenied();
}

function accessDenied(): AwsError {
  return new AwsError('AccessDenied', 'Access Denied', 403);
}

/** S3 answers every denial with the same bare 403, whoever asked and whichever policy decided. */
export const S3_AUTHORIZATION: ServiceAuthorization<S3State> = {
  actions: ROWS as unknown as ServiceAuthorization<S3State>['actions'],
  resourcePolicy: bucketPolicySource,
  accessDenied,
};
