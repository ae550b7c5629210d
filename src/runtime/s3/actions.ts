/**
 * The IAM actions S3 defines and the resource type each applies to: an object
 * (arn:aws:s3:::bucket/key), a bucket (arn:aws:s3:::bucket) or neither (account-level actions
 * such as s3:ListAllMyBuckets, which take Resource "*"). A bucket policy is checked against
 * this table: an action it does not name is an invalid action, and an action whose resource type
 * no Resource of the statement has "does not apply to any resource(s) in statement".
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
 */
export type S3ResourceType = 'object' | 'bucket' | 'account';

const OBJECT_ACTIONS = [
  'AbortMultipartUpload', 'BypassGovernanceRetention', 'DeleteObject', 'DeleteObjectTagging', 'DeleteObjectVersion',
  'DeleteObjectVersionTagging', 'GetObject', 'GetObjectAcl', 'GetObjectAttributes', 'GetObjectLegalHold',
  'GetObjectRetention', 'GetObjectTagging', 'GetObjectTorrent', 'GetObjectVersion', 'GetObjectVersionAcl',
  'GetObjectVersionAttributes', 'GetObjectVersionForReplication', 'GetObjectVersionTagging', 'GetObjectVersionTorrent',
  'InitiateReplication', 'ListMultipartUploadParts', 'ObjectOwnerOverrideToBucketOwner', 'PutObject', 'PutObjectAcl',
  'PutObjectLegalHold', 'PutObjectRetention', 'PutObjectTagging', 'PutObjectVersionAcl', 'PutObjectVersionTagging',
  'ReplicateDelete', 'ReplicateObject', 'ReplicateTags', 'RestoreObject',
];

const BUCKET_ACTIONS = [
  'CreateBucket', 'DeleteBucket', 'DeleteBucketOwnershipControls', 'DeleteBucketPolicy', 'DeleteBucketWebsite',
  'GetAccelerateConfiguration', 'GetAnalyticsConfiguration', 'GetBucketAcl', 'GetBucketCORS', 'GetBucketLocation',
  'GetBucketLogging', 'GetBucketNotification', 'GetBucketObjectLockConfiguration', 'GetBucketOwnershipControls',
  'GetBucketPolicy', 'GetBucketPolicyStatus', 'GetBucketPublicAccessBlock', 'GetBucketRequestPayment',
  'GetBucketTagging', 'GetBucketVersioning', 'GetBucketWebsite', 'GetEncryptionConfiguration',
  'GetIntelligentTieringConfiguration', 'GetInventoryConfiguration', 'GetLifecycleConfiguration',
  'GetMetricsConfiguration', 'GetReplicationConfiguration', 'ListBucket', 'ListBucketMultipartUploads',
  'ListBucketVersions', 'PutAccelerateConfiguration', 'PutAnalyticsConfiguration', 'PutBucketAcl', 'PutBucketCORS',
  'PutBucketLogging', 'PutBucketNotification', 'PutBucketObjectLockConfiguration', 'PutBucketOwnershipControls',
  'PutBucketPolicy', 'PutBucketPublicAccessBlock', 'PutBucketRequestPayment', 'PutBucketTagging',
  'PutBucketVersioning', 'PutBucketWebsite', 'PutEncryptionConfiguration', 'PutIntelligentTieringConfiguration',
  'PutInventoryConfiguration', 'PutLifecycleConfiguration', 'PutMetricsConfiguration', 'PutReplicationConfiguration',
];

const ACCOUNT_ACTIONS = [
  'CreateJob', 'GetAccessPoint', 'GetAccountPublicAccessBlock', 'ListAccessPoints', 'ListAllMyBuckets', 'ListJobs',
  'PutAccountPublicAccessBlock',
];

/** Every S3 action by its lower-cased name (IAM matches action names case-insensitively). */
export const S3_ACTIONS: ReadonlyMap<string, { readonly name: string; readonly resourceType: S3ResourceType }> = new Map(
  [
    ...OBJECT_ACTIONS.map((name) => ({ name, resourceType: 'object' as const })),
    ...BUCKET_ACTIONS.map((name) => ({ name, resourceType: 'bucket' as const })),
    ...ACCOUNT_ACTIONS.map((name) => ({ name, resourceType: 'account' as const })),
  ].map((action) => [action.name.toLowerCase(), action]),
);

/** IAM's wildcard match: `*` any run of characters, `?` any one, case-insensitive for action names. */
export function wildcardMatcher(pattern: string, ignoreCase: boolean): RegExp {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
}

/**
 * The resource types of the S3 actions an Action element names (`s3:Get*`, `*`); an empty set
 * when it names none, which makes it an invalid action in a bucket policy.
 */
export function resourceTypesOf(action: string): Set<S3ResourceType> {
  const types = new Set<S3ResourceType>();
  if (action === '*') return new Set(['object', 'bucket', 'account']);
  const colon = action.indexOf(':');
  if (colon < 0) return types;
  const service = action.slice(0, colon).toLowerCase();
  if (!wildcardMatcher(service, true).test('s3')) return types;
  const name = wildcardMatcher(action.slice(colon + 1), true);
  for (const { name: known, resourceType } of S3_ACTIONS.values()) if (name.test(known)) types.add(resourceType);
  return types;
}
