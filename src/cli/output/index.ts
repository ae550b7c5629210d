import type { AwsError } from '../../runtime/errors.js';
import type { ServiceModel } from '../../runtime/model.js';

// CONTRACT STUB: the output helper replaces these bodies; signatures are agreed with the driver.
export type OutputFormat = 'json' | 'text' | 'table' | 'yaml' | 'yaml-stream' | 'off';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'];
export type ErrorFormat = 'enhanced' | 'legacy' | 'json' | 'yaml' | 'text' | 'table';
export const ERROR_FORMATS: readonly ErrorFormat[] = ['enhanced', 'legacy', 'json', 'yaml', 'text', 'table'];

export interface FormatOptions {
  format: OutputFormat;
  /** A JMESPath expression from --query, applied before formatting. */
  query?: string;
  model: ServiceModel;
  operation: string;
  /** Terminal width for table output. */
  columns?: number;
}

/** Thrown for an invalid --query expression; the driver prints message and exits 252. */
export class QueryError extends Error {}

/**
 * The exact stdout the AWS CLI v2 prints for an operation's (already merged, if paginated)
 * response as the runtime returned it (Date for timestamps, Uint8Array for blobs).
 * Returns '' when the CLI prints nothing.
 */
export function formatResponse(_response: Record<string, unknown>, _options: FormatOptions): string {
  throw new Error('not implemented');
}

/** The exact stderr text the AWS CLI v2 prints for a service error. */
export function formatServiceError(_error: AwsError, _operation: string, _options: { format: ErrorFormat; model: ServiceModel }): string {
  throw new Error('not implemented');
}
