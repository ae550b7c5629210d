import { AwsError } from '../../runtime/errors.js';
import type { ServiceModel } from '../../runtime/model.js';
import { CliFailure } from '../errors.js';
import { checkRegion, invoke, prepareCall, type InvokeContext } from '../invoke.js';
import { formatServiceError, serviceErrorSummary } from '../output/index.js';
import { PythonError } from '../python/builtins.js';
import type { CliContext } from '../types.js';
import { OsError } from './learner-folder.js';

/**
 * The botocore S3 client the `aws s3` commands use: every call goes through the same
 * client-side steps as `aws s3api` (bucket-name check, parameter validation) into the
 * simulated world. Failures come back as Errors whose message is Python's str() of the
 * exception, because that is what the commands print after "upload failed: …".
 */
export class ClientError extends Error {
  constructor(readonly error: AwsError, readonly operation: string, readonly code: string, text: string) {
    super(text);
    this.name = 'ClientError';
  }

  /** str(ClientError) is the legacy error line without its surrounding newlines. */
  static from(error: AwsError, operation: string, model: ServiceModel): ClientError {
    const text = formatServiceError(error, operation, { format: 'legacy', model }).trim();
    return new ClientError(error, operation, serviceErrorSummary(error, operation, model).code, text);
  }

  /** The same error with the CLI's own message, as filegenerator.py does for a missing key. */
  reworded(message: string): ClientError {
    return new ClientError(this.error, this.operation, this.code, `An error occurred (${this.code}) when calling the ${this.operation} operation: ${message}`);
  }
}

export class S3Client {
  readonly model: ServiceModel;

  constructor(private readonly ctx: CliContext, readonly region: string) {
    const definition = ctx.world.service('s3');
    if (!definition) throw new Error('awslab internal error: the world has no s3 service');
    this.model = definition.model;
    // botocore checks the region when the client is created, before any request.
    checkRegion(region, this.model);
  }

  call(operation: string, params: Record<string, unknown>): Record<string, unknown> {
    try {
      return invoke(this.invokeContext(operation), params, false, undefined);
    } catch (error) {
      if (error instanceof AwsError) throw ClientError.from(error, operation, this.model);
      throw error;
    }
  }

  /** botocore's checks before a request is sent, without sending it. */
  validate(operation: string, params: Record<string, unknown>): void {
    prepareCall(this.invokeContext(operation), params);
  }

  private invokeContext(operation: string): InvokeContext {
    return {
      world: this.ctx.world,
      serviceName: 's3',
      command: 's3',
      model: this.model,
      operation,
      region: this.region,
      ...(this.ctx.caller ? { caller: this.ctx.caller } : {}),
      ...(this.ctx.identity ? { identity: this.ctx.identity } : {}),
      decodeBase64Blobs: false,
    };
  }

  /** Every page of ListObjectsV2, as botocore's paginator fetches them. */
  *listObjectsV2(params: Record<string, unknown>): Generator<Record<string, unknown>> {
    let token: string | undefined;
    do {
      const page = this.call('ListObjectsV2', token === undefined ? params : { ...params, ContinuationToken: token });
      yield page;
      token = page.IsTruncated === true && typeof page.NextContinuationToken === 'string' ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
  }
}

/** What Python's str() of an exception the commands catch would print. */
export function exceptionText(error: unknown): string {
  if (error instanceof ClientError || error instanceof CliFailure || error instanceof PythonError) return error.message;
  if (error instanceof OsError) return error.message;
  throw error;
}
