/**
 * Reading botocore-shaped input. The front ends validate required members and types against
 * the model before calling, so a missing required member here is a caller bug, not an AWS error.
 */
import { invariant } from '../errors.js';

export type Input = Record<string, unknown>;

export function requiredString(input: Input, member: string): string {
  const value = input[member];
  invariant(typeof value === 'string', `s3 input member ${member} must be a string (got ${typeof value})`);
  return value;
}

export function optionalString(input: Input, member: string): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  invariant(typeof value === 'string', `s3 input member ${member} must be a string (got ${typeof value})`);
  return value;
}

export function optionalBoolean(input: Input, member: string): boolean | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  invariant(typeof value === 'boolean', `s3 input member ${member} must be a boolean (got ${typeof value})`);
  return value;
}

export function optionalInteger(input: Input, member: string): number | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  invariant(typeof value === 'number' && Number.isInteger(value), `s3 input member ${member} must be an integer`);
  return value;
}

export function optionalStruct(input: Input, member: string): Input | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  invariant(typeof value === 'object' && !Array.isArray(value), `s3 input member ${member} must be a structure`);
  return value as Input;
}

export function optionalStringMap(input: Input, member: string): Record<string, string> | undefined {
  const value = optionalStruct(input, member);
  if (!value) return undefined;
  for (const v of Object.values(value)) invariant(typeof v === 'string', `s3 input member ${member} must map strings to strings`);
  return value as Record<string, string>;
}

/** A timestamp member: a Date, or ms since the epoch. */
export function optionalTimeMs(input: Input, member: string): number | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return value.getTime();
  invariant(typeof value === 'number', `s3 input member ${member} must be a timestamp`);
  return value;
}

const encoder = new TextEncoder();

/** A blob member: bytes, or text sent as UTF-8. */
export function optionalBlob(input: Input, member: string): Uint8Array | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return encoder.encode(value);
  invariant(value instanceof Uint8Array, `s3 input member ${member} must be bytes`);
  return value;
}

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}
