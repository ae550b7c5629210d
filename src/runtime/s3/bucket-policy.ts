/**
 * A bucket's policy: stored as S3 returns it (the JSON without insignificant whitespace),
 * refused when malformed, refused when public while BlockPublicPolicy is on, and reported
 * public or not by GetBucketPolicyStatus.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicy.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicyStatus.html
 */
import { AwsError } from '../errors.js';
import { checkBucketPolicy, type PolicyStatement } from './policy-document.js';
import { isPublicPolicy } from './policy-public.js';
import type { Bucket } from './state.js';

function noSuchBucketPolicy(bucket: string): AwsError {
  return new AwsError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404, { BucketName: bucket });
}

/** S3 answers a public policy on a bucket whose BlockPublicPolicy is on with a bare 403. */
function publicPolicyBlocked(): AwsError {
  return new AwsError('AccessDenied', 'Access Denied', 403);
}

export function putBucketPolicy(bucket: Bucket, text: string, principalExists?: (arn: string) => boolean): void {
  const statements = checkBucketPolicy(text, bucket.name, principalExists);
  if (bucket.publicAccessBlock?.BlockPublicPolicy && isPublicPolicy(statements)) throw publicPolicyBlocked();
  bucket.policy = JSON.stringify(JSON.parse(text));
}

export function getBucketPolicy(bucket: Bucket): { Policy: string } {
  if (bucket.policy === null) throw noSuchBucketPolicy(bucket.name);
  return { Policy: bucket.policy };
}

/** Deleting a policy that is not there succeeds (204), as S3's DELETEs do. */
export function deleteBucketPolicy(bucket: Bucket): void {
  bucket.policy = null;
}

export function getBucketPolicyStatus(bucket: Bucket): { PolicyStatus: { IsPublic: boolean } } {
  if (bucket.policy === null) throw noSuchBucketPolicy(bucket.name);
  return { PolicyStatus: { IsPublic: isPublicPolicy(policyStatements(bucket.policy)) } };
}

/** The statements of a stored policy (checked when it was put). */
export function policyStatements(policy: string): PolicyStatement[] {
  const { Statement: statement } = JSON.parse(policy) as { Statement: PolicyStatement | PolicyStatement[] };
  return Array.isArray(statement) ? statement : [statement];
}
