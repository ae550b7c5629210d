/**
 * Reading botocore-shaped input, for every service. The front ends validate required members
 * and types against the model before calling, so a wrong member here is a caller bug, not an
 * AWS error: it throws an InputError, which the world labels with the service and operation.
 *
 * The member name is checked against the input's type: with a generated input shape, a typo
 * fails the typecheck.
 */
export type Input = Record<string, unknown>;

/** A member name of `I` (any string for a plain Input). */
export type Member<I> = keyof I & string;

/** A caller bug in an operation's input: the world adds which operation it reached. */
export class InputError extends Error {
  readonly member: string;
  readonly problem: string;
  /** `service.Operation`, once the world has seen the error pass. */
  operation: string | undefined;

  constructor(member: string, problem: string) {
    super(`awslab internal error: input member ${member} ${problem}`);
    this.name = 'InputError';
    this.member = member;
    this.problem = problem;
  }

  /** Names the operation, once: an error from a nested call keeps the innermost one. */
  locate(operation: string): void {
    if (this.operation) return;
    this.operation = operation;
    this.message = `awslab internal error: ${operation} input member ${this.member} ${this.problem}`;
  }
}

function value(input: object, member: string): unknown {
  return (input as Input)[member];
}

function describe(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

export function requiredString<I extends object>(input: I, member: Member<I>): string {
  const v = value(input, member);
  if (typeof v !== 'string') throw new InputError(member, `must be a string (got ${describe(v)})`);
  return v;
}

export function optionalString<I extends object>(input: I, member: Member<I>): string | undefined {
  const v = value(input, member);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new InputError(member, `must be a string (got ${describe(v)})`);
  return v;
}

export function optionalBoolean<I extends object>(input: I, member: Member<I>): boolean | undefined {
  const v = value(input, member);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw new InputError(member, `must be a boolean (got ${describe(v)})`);
  return v;
}

export function optionalInteger<I extends object>(input: I, member: Member<I>): number | undefined {
  const v = value(input, member);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new InputError(member, `must be an integer (got ${typeof v === 'number' ? v : describe(v)})`);
  return v;
}

export function optionalStruct<I extends object>(input: I, member: Member<I>): Input | undefined {
  const v = value(input, member);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v) || v instanceof Uint8Array || v instanceof Date) throw new InputError(member, `must be a structure (got ${describe(v)})`);
  return v as Input;
}

export function optionalStringMap<I extends object>(input: I, member: Member<I>): Record<string, string> | undefined {
  const map = optionalStruct(input, member);
  if (!map) return undefined;
  for (const [key, v] of Object.entries(map)) {
    if (typeof v !== 'string') throw new InputError(member, `must map strings to strings (${key} is ${describe(v)})`);
  }
  return map as Record<string, string>;
}

/** A timestamp member: a Date, or ms since the epoch. */
export function optionalTimeMs<I extends object>(input: I, member: Member<I>): number | undefined {
  const v = value(input, member);
  if (v === undefined || v === null) return undefined;
  if (v instanceof Date) return v.getTime();
  if (typeof v !== 'number') throw new InputError(member, `must be a timestamp, a Date or ms since the epoch (got ${describe(v)})`);
  return v;
}

const encoder = new TextEncoder();

/** A blob member: bytes, or text sent as UTF-8. */
export function optionalBlob<I extends object>(input: I, member: Member<I>): Uint8Array | undefined {
  const v = value(input, member);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return encoder.encode(v);
  if (!(v instanceof Uint8Array)) throw new InputError(member, `must be bytes or text (got ${describe(v)})`);
  return v;
}

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}
