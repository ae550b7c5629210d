/**
 * An error the simulated AWS API returns: the exact code, message and HTTP status AWS
 * would send. Front ends print it (the CLI) or serialise it (the HTTP endpoint); the
 * runtime never formats it for a person.
 */
export class AwsError extends Error {
  readonly code: string;
  readonly status: number;
  /** Extra members AWS puts in the error body (S3's BucketName, Key, VersionId, …). */
  readonly fields: Readonly<Record<string, string>>;
  /** Response headers that come with the error (S3's x-amz-delete-marker on a 405). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: string, message: string, status: number, fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'AwsError';
    this.code = code;
    this.status = status;
    this.fields = fields;
    this.headers = headers;
  }
}

export function isAwsError(value: unknown): value is AwsError {
  return value instanceof AwsError;
}

/** A broken invariant inside the simulator: a bug, never a learner's mistake. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`awslab internal error: ${message}`);
}
