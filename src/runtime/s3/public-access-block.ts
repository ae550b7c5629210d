/**
 * A bucket's Block Public Access settings. New buckets get all four on (S3's default since April
 * 2023); PutPublicAccessBlock replaces the whole configuration (a setting left out is false);
 * DeletePublicAccessBlock removes it, after which GetPublicAccessBlock answers
 * NoSuchPublicAccessBlockConfiguration.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutPublicAccessBlock.html
 */
import { AwsError } from '../errors.js';
import { optionalBoolean, type Input } from '../input.js';
import type { Bucket, PublicAccessBlock } from './state.js';

export function blockAllPublicAccess(): PublicAccessBlock {
  return { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
}

/** https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetPublicAccessBlock.html */
function noSuchPublicAccessBlock(bucket: string): AwsError {
  return new AwsError('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404, { BucketName: bucket });
}

export function putPublicAccessBlock(bucket: Bucket, configuration: Input): void {
  bucket.publicAccessBlock = {
    BlockPublicAcls: optionalBoolean(configuration, 'BlockPublicAcls') ?? false,
    IgnorePublicAcls: optionalBoolean(configuration, 'IgnorePublicAcls') ?? false,
    BlockPublicPolicy: optionalBoolean(configuration, 'BlockPublicPolicy') ?? false,
    RestrictPublicBuckets: optionalBoolean(configuration, 'RestrictPublicBuckets') ?? false,
  };
}

export function getPublicAccessBlock(bucket: Bucket): { PublicAccessBlockConfiguration: PublicAccessBlock } {
  if (!bucket.publicAccessBlock) throw noSuchPublicAccessBlock(bucket.name);
  return { PublicAccessBlockConfiguration: { ...bucket.publicAccessBlock } };
}

/** Deleting a configuration that is not there succeeds, as S3's DELETEs do. */
export function deletePublicAccessBlock(bucket: Bucket): void {
  bucket.publicAccessBlock = null;
}
