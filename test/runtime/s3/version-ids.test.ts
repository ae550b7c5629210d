import { describe, expect, it } from 'vitest';
import { createRandomState } from '../../../src/runtime/random.js';
import { isValidVersionId, newVersionId } from '../../../src/runtime/s3/version-id.js';
import { call, createBucket, expectError, newWorld, put } from './helpers.js';

/** An issued ID with one character changed, as a typo or a forgery would. */
function altered(id: string, at: number): string {
  const replacement = id[at] === 'A' ? 'B' : 'A';
  return id.slice(0, at) + replacement + id.slice(at + 1);
}

const invalidArgument = (id: string) => ({
  code: 'InvalidArgument',
  message: 'Invalid version id specified',
  status: 400,
  fields: { ArgumentName: 'versionId', ArgumentValue: id },
});

function versionedObject() {
  const world = newWorld();
  createBucket(world, 'docs', 'Enabled');
  const first = put(world, 'docs', 'a.txt', 'v1').VersionId as string;
  const second = put(world, 'docs', 'a.txt', 'v2').VersionId as string;
  return { world, first, second };
}

describe('simulated S3 version IDs', () => {
  // Version IDs are opaque strings of up to 1,024 bytes; S3's are 32 characters of letters, digits, '.' and '_'.
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/versioning-workflows.html
  it('are 32 characters of S3 version ID characters, the same for the same seed, and pass their check', () => {
    const draw = (seed: number) => {
      const random = createRandomState(seed);
      return Array.from({ length: 200 }, () => newVersionId(random));
    };
    const ids = draw(5);
    expect(ids).toEqual(draw(5));
    expect(ids).not.toEqual(draw(6));
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9._]{32}$/);
      expect(isValidVersionId(id)).toBe(true);
    }
  });

  it('fail their check when any one character is changed, truncated or extended', () => {
    const id = newVersionId(createRandomState(9));
    for (let at = 0; at < 32; at++) expect(isValidVersionId(altered(id, at))).toBe(false);
    expect(isValidVersionId(id.slice(0, 31))).toBe(false);
    expect(isValidVersionId(`${id}A`)).toBe(false);
    expect(isValidVersionId('A'.repeat(32))).toBe(false);
    expect(isValidVersionId('null')).toBe(true);
  });
});

// S3 answers an ID it never issued with 400 InvalidArgument "Invalid version id specified" (ArgumentName versionId),
// and an ID it issued whose version is gone with 404 NoSuchVersion.
// https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html (InvalidArgument, NoSuchVersion)
// As observed against S3 by other S3 implementations' test suites: versity/versitygw#842 (delete-object),
// minio/minio#11091 and #11090.
describe('a version ID S3 never issued', () => {
  it.each(['GetObject', 'HeadObject', 'GetObjectTagging', 'DeleteObjectTagging'])('is InvalidArgument on %s', (operation) => {
    const { world, second } = versionedObject();
    const forged = altered(second, 31);
    expectError(() => call(world, operation, { Bucket: 'docs', Key: 'a.txt', VersionId: forged }), invalidArgument(forged));
  });

  it('is InvalidArgument on PutObjectTagging, which leaves the tags alone', () => {
    const { world, second } = versionedObject();
    const forged = altered(second, 5);
    const Tagging = { TagSet: [{ Key: 'k', Value: 'v' }] };
    expectError(() => call(world, 'PutObjectTagging', { Bucket: 'docs', Key: 'a.txt', VersionId: forged, Tagging }), invalidArgument(forged));
    expect(call(world, 'GetObjectTagging', { Bucket: 'docs', Key: 'a.txt', VersionId: second }).TagSet).toEqual([]);
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html
  it('is InvalidArgument on DeleteObject, which deletes nothing', () => {
    const { world, first, second } = versionedObject();
    const forged = altered(first, 31);
    expectError(() => call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt', VersionId: forged }), invalidArgument(forged));
    expect(call(world, 'ListObjectVersions', { Bucket: 'docs' }).Versions.map((v: { VersionId: string }) => v.VersionId)).toEqual([second, first]);
  });

  // A DeleteObjects entry with an ID S3 cannot decode is reported as NoSuchVersion (versity/versitygw#2119 quotes S3's answer).
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html
  it('is a NoSuchVersion entry in DeleteObjects, beside entries that succeed', () => {
    const { world, first } = versionedObject();
    const forged = altered(first, 0);
    const out = call(world, 'DeleteObjects', { Bucket: 'docs', Delete: { Objects: [{ Key: 'a.txt', VersionId: forged }, { Key: 'a.txt', VersionId: first }] } });
    expect(out).toEqual({
      Deleted: [{ Key: 'a.txt', VersionId: first }],
      Errors: [{ Key: 'a.txt', VersionId: forged, Code: 'NoSuchVersion', Message: 'The specified version does not exist.' }],
    });
  });

  // CopyObject's x-amz-copy-source with a version ID S3 cannot decode is a bare InvalidRequest.
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html
  it('is InvalidRequest as a CopyObject source', () => {
    const { world, second } = versionedObject();
    expectError(() => call(world, 'CopyObject', { Bucket: 'docs', Key: 'b.txt', CopySource: `docs/a.txt?versionId=${altered(second, 12)}` }), {
      code: 'InvalidRequest',
      message: 'Invalid Request',
      status: 400,
    });
  });
});

describe('a version ID S3 issued whose version is gone', () => {
  // https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html (NoSuchVersion)
  it.each(['GetObject', 'HeadObject'])('is NoSuchVersion on %s', (operation) => {
    const { world, second } = versionedObject();
    call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt', VersionId: second });
    expectError(() => call(world, operation, { Bucket: 'docs', Key: 'a.txt', VersionId: second }), {
      code: 'NoSuchVersion',
      message: 'The specified version does not exist.',
      status: 404,
      fields: { Key: 'a.txt', VersionId: second },
    });
  });

  it('is NoSuchVersion when it names another key\'s version', () => {
    const { world, first } = versionedObject();
    put(world, 'docs', 'b.txt', 'other');
    expectError(() => call(world, 'GetObject', { Bucket: 'docs', Key: 'b.txt', VersionId: first }), {
      code: 'NoSuchVersion',
      message: 'The specified version does not exist.',
      status: 404,
      fields: { Key: 'b.txt', VersionId: first },
    });
  });

  // Deleting a version that does not exist succeeds and echoes the version ID (minio/minio#11090 quotes S3's answer).
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html
  it('deletes again without error on DeleteObject, echoing the ID', () => {
    const { world, second } = versionedObject();
    call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt', VersionId: second });
    expect(call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt', VersionId: second })).toEqual({ VersionId: second });
  });

  // DeleteObjects reports an issued but missing version as deleted (minio/minio#11086 quotes S3's answer).
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html
  it('is reported deleted by DeleteObjects', () => {
    const { world, second } = versionedObject();
    call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt', VersionId: second });
    expect(call(world, 'DeleteObjects', { Bucket: 'docs', Delete: { Objects: [{ Key: 'a.txt', VersionId: second }] } })).toEqual({
      Deleted: [{ Key: 'a.txt', VersionId: second }],
    });
  });
});
