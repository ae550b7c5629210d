import { expect } from 'vitest';
import { World } from '../../../src/runtime/world.js';
import { AwsError } from '../../../src/runtime/errors.js';
import { s3 } from '../../../src/runtime/s3/index.js';

export type Output = Record<string, any>;

export function newWorld(seed = 1): World {
  return new World({ services: [s3], seed });
}

/** Calls an S3 operation the way the front ends do. */
export function call(world: World, operation: string, input: Record<string, unknown> = {}, region = 'us-east-1'): Output {
  return world.call('s3', operation, input, { region });
}

/** Runs `fn`, which must throw an AwsError, and returns it. */
export function failure(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error('expected an AwsError, but the call succeeded');
}

/** Asserts the exact code, message and status (and fields/headers when given) of a failing call. */
export function expectError(
  fn: () => unknown,
  expected: { code: string; message: string; status: number; fields?: Record<string, string>; headers?: Record<string, string> },
): AwsError {
  const error = failure(fn);
  expect({ code: error.code, message: error.message, status: error.status }).toEqual({
    code: expected.code,
    message: expected.message,
    status: expected.status,
  });
  if (expected.fields) expect(error.fields).toEqual(expected.fields);
  if (expected.headers) expect(error.headers).toEqual(expected.headers);
  return error;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
export const bytes = (text: string): Uint8Array => encoder.encode(text);
export const text = (body: unknown): string => decoder.decode(body as Uint8Array);

export function createBucket(world: World, name: string, versioning?: 'Enabled' | 'Suspended'): void {
  call(world, 'CreateBucket', { Bucket: name });
  if (versioning) call(world, 'PutBucketVersioning', { Bucket: name, VersioningConfiguration: { Status: versioning } });
}

export function put(world: World, bucket: string, key: string, body: string, extra: Record<string, unknown> = {}): Output {
  return call(world, 'PutObject', { Bucket: bucket, Key: key, Body: bytes(body), ...extra });
}

export function getText(world: World, bucket: string, key: string, versionId?: string): string {
  const input: Record<string, unknown> = { Bucket: bucket, Key: key };
  if (versionId !== undefined) input.VersionId = versionId;
  return text(call(world, 'GetObject', input).Body);
}

