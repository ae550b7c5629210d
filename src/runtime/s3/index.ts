/**
 * The simulated Amazon S3: AWS's operation table (botocore's model, trimmed to these
 * operations) and thin handlers that read the input, call the concept modules and return the
 * output shape's members. S3's bucket namespace is global, so the service is too.
 */
import { defineService, type ServiceContext, type TypedOperations } from '../service.js';
import type { ServiceModel } from '../model.js';
import model from './model.json' with { type: 'json' };
import { createS3State, type S3State } from './state.js';
import { createBucket, deleteBucket, listBuckets, requireBucket } from './buckets.js';
import { getBucketVersioning, putBucketVersioning } from './bucket-versioning.js';
import { getObject, headObject, putObject } from './objects.js';
import { deleteObject, deleteObjects, type DeleteContext } from './delete.js';
import { copyObject } from './copy.js';
import { deleteObjectTagging, getObjectTagging, putObjectTagging } from './tagging.js';
import { listObjects, listObjectsV2 } from './listing.js';
import { listObjectVersions } from './list-versions.js';
import { deleteBucketPolicy, getBucketPolicy, getBucketPolicyStatus, putBucketPolicy } from './bucket-policy.js';
import { deletePublicAccessBlock, getPublicAccessBlock, putPublicAccessBlock } from './public-access-block.js';
import { authorizeCopySource, S3_AUTHORIZATION } from './authorization.js';
import { optionalBoolean, optionalString, optionalStruct, requiredString } from '../input.js';
import type { S3Shapes } from './shapes.generated.js';

type Ctx = ServiceContext<S3State>;

function bucketOf(ctx: Ctx, input: { Bucket: string }) {
  return requireBucket(ctx.state, requiredString(input, 'Bucket'));
}

function deleteContext(ctx: Ctx, input: { MFA?: string }): DeleteContext {
  return { accountId: ctx.accountId, nowMs: ctx.nowMs, random: ctx.random, mfa: optionalString(input, 'MFA') };
}

// Input and output types come from the operation's row of S3Shapes (shapes.generated.ts).
const read = <I, O extends object>(handler: (ctx: Ctx, input: I) => O) => ({ readOnly: true, handler });
const write = <I, O extends object>(handler: (ctx: Ctx, input: I) => O) => ({ readOnly: false, handler });

/** Checks the table against S3Shapes; the world itself takes any operation table. */
function typed(operations: TypedOperations<S3State, S3Shapes>): TypedOperations<S3State, S3Shapes> {
  return operations;
}

export const s3 = defineService<S3State>({
  name: 's3',
  model: model as unknown as ServiceModel,
  global: true,
  createState: createS3State,
  authorization: S3_AUTHORIZATION,
  operations: typed({
    CreateBucket: write((ctx, input) => {
      const configuration = optionalStruct(input, 'CreateBucketConfiguration');
      const location = createBucket(ctx.state, {
        name: requiredString(input, 'Bucket'),
        requestRegion: ctx.region,
        locationConstraint: configuration === undefined ? undefined : (optionalString(configuration, 'LocationConstraint') ?? null),
        objectLockEnabled: optionalBoolean(input, 'ObjectLockEnabledForBucket') === true,
        nowMs: ctx.nowMs,
      });
      return { Location: location };
    }),
    DeleteBucket: write((ctx, input) => {
      deleteBucket(ctx.state, requiredString(input, 'Bucket'));
      return {};
    }),
    ListBuckets: read((ctx) => listBuckets(ctx.state, ctx.accountId)),
    HeadBucket: read((ctx, input) => {
      bucketOf(ctx, input);
      return {};
    }),
    GetBucketLocation: read((ctx, input) => ({ LocationConstraint: bucketOf(ctx, input).locationConstraint })),
    PutBucketVersioning: write((ctx, input) => {
      const configuration = optionalStruct(input, 'VersioningConfiguration') ?? {};
      putBucketVersioning(bucketOf(ctx, input), {
        status: optionalString(configuration, 'Status'),
        mfaDelete: optionalString(configuration, 'MFADelete'),
        mfa: optionalString(input, 'MFA'),
        accountId: ctx.accountId,
        nowMs: ctx.nowMs,
      });
      return {};
    }),
    GetBucketVersioning: read((ctx, input) => getBucketVersioning(bucketOf(ctx, input))),
    PutObject: write((ctx, input) => putObject(bucketOf(ctx, input), input, ctx)),
    GetObject: read((ctx, input) => getObject(bucketOf(ctx, input), input)),
    HeadObject: read((ctx, input) => headObject(bucketOf(ctx, input), input)),
    DeleteObject: write((ctx, input) =>
      deleteObject(bucketOf(ctx, input), requiredString(input, 'Key'), optionalString(input, 'VersionId'), deleteContext(ctx, input))),
    DeleteObjects: write((ctx, input) => deleteObjects(bucketOf(ctx, input), input.Delete, deleteContext(ctx, input))),
    CopyObject: write((ctx, input) => {
      authorizeCopySource(ctx, requiredString(input, 'CopySource'));
      return copyObject(ctx.state, bucketOf(ctx, input), input, ctx);
    }),
    PutObjectTagging: write((ctx, input) =>
      putObjectTagging(bucketOf(ctx, input), requiredString(input, 'Key'), optionalString(input, 'VersionId'), input.Tagging)),
    GetObjectTagging: read((ctx, input) =>
      getObjectTagging(bucketOf(ctx, input), requiredString(input, 'Key'), optionalString(input, 'VersionId'))),
    DeleteObjectTagging: write((ctx, input) =>
      deleteObjectTagging(bucketOf(ctx, input), requiredString(input, 'Key'), optionalString(input, 'VersionId'))),
    ListObjects: read((ctx, input) => listObjects(bucketOf(ctx, input), input, ctx.accountId)),
    ListObjectsV2: read((ctx, input) => listObjectsV2(bucketOf(ctx, input), input, ctx.accountId)),
    ListObjectVersions: read((ctx, input) => listObjectVersions(bucketOf(ctx, input), input, ctx.accountId)),
    PutBucketPolicy: write((ctx, input) => {
      putBucketPolicy(bucketOf(ctx, input), requiredString(input, 'Policy'));
      return {};
    }),
    GetBucketPolicy: read((ctx, input) => getBucketPolicy(bucketOf(ctx, input))),
    DeleteBucketPolicy: write((ctx, input) => {
      deleteBucketPolicy(bucketOf(ctx, input));
      return {};
    }),
    GetBucketPolicyStatus: read((ctx, input) => getBucketPolicyStatus(bucketOf(ctx, input))),
    PutPublicAccessBlock: write((ctx, input) => {
      putPublicAccessBlock(bucketOf(ctx, input), optionalStruct(input, 'PublicAccessBlockConfiguration') ?? {});
      return {};
    }),
    GetPublicAccessBlock: read((ctx, input) => getPublicAccessBlock(bucketOf(ctx, input))),
    DeletePublicAccessBlock: write((ctx, input) => {
      deletePublicAccessBlock(bucketOf(ctx, input));
      return {};
    }),
  }),
});
