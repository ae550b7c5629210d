import type { AwsError } from '../../runtime/errors.js';
import type { Paginator, ServiceModel } from '../../runtime/model.js';
import { formatServiceError as formatError, serviceErrorSummary, type ErrorFormat } from './errors.js';
import { formatJson } from './json.js';
import { buildFullResult, resumeToken, textPage } from './pagination.js';
import { PyFloat, isDict, type PyDict, type PyValue } from '../python/builtins.js';
import { FormatError, QueryError } from './failures.js';
import { applyQuery, validateQuery } from './query.js';
import { normalizeResponse } from './shape.js';
import { formatTable } from './table.js';
import { formatText } from './text.js';
import { dumpYaml } from './yaml.js';

/**
 * The AWS CLI v2's stdout and stderr for an operation: `--output json|text|table|yaml|
 * yaml-stream|off`, `--query`, and the service-error text in each `--cli-error-format`.
 * Each format is a port of the CLI's own code (awscli/formatter.py, text.py, table.py,
 * ruamel.yaml over libyaml) and is checked byte for byte against the real CLI's output in
 * test/cli/output/fixtures/.
 */
export type OutputFormat = 'json' | 'text' | 'table' | 'yaml' | 'yaml-stream' | 'off';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'];
export type { ErrorFormat };
export const ERROR_FORMATS: readonly ErrorFormat[] = ['enhanced', 'legacy', 'json', 'yaml', 'text', 'table'];
export { FormatError, QueryError, serviceErrorSummary, validateQuery };

export interface FormatOptions {
  format: OutputFormat;
  /** A JMESPath expression from --query, applied before formatting. */
  query?: string;
  model: ServiceModel;
  operation: string;
  /** Terminal width for table output. */
  columns?: number;
  /**
   * Whether the CLI paginated the call. Default: the operation has a paginator. The CLI
   * does not when --no-paginate is given or the learner passed the operation's own token
   * or limit argument (--max-keys, --continuation-token, ...); pass false then. It changes
   * what is printed (see pagination.ts).
   */
  paginated?: boolean;
}

/**
 * The exact stdout the AWS CLI v2 prints for an operation's (already merged, if paginated)
 * response as the runtime returned it (Date for timestamps, Uint8Array for blobs).
 * Returns '' when the CLI prints nothing.
 * Throws QueryError for an invalid --query (exit 252) and FormatError where the CLI itself
 * fails while printing (exit 255).
 */
export function formatResponse(response: Record<string, unknown>, options: FormatOptions): string {
  return renderResponse(response, options, false).stdout;
}

/**
 * The printed text, and the value `--output json` prints (after --query, before formatting)
 * as plain data: floats as numbers, timestamps and blobs as the strings the CLI prints.
 * `value` is undefined when the CLI prints nothing (`--output off`) or when only a format
 * other than json would have succeeded (a query error that a text page does not reach).
 */
export function renderResponse(response: Record<string, unknown>, options: FormatOptions, withValue = true): { stdout: string; value?: unknown } {
  const { format, query, model, operation } = options;
  if (query !== undefined) validateQuery(query);
  if (format === 'off') return { stdout: '' };
  const paginator = options.paginated === false ? undefined : model.operations[operation]?.paginator;
  const data = normalizeResponse(response, model, operation, { markFloats: query === undefined });
  const search = (value: PyValue): PyValue => (query === undefined ? value : applyQuery(query, value));
  const full = (): PyValue => search(paginator ? buildFullResult(data, paginator) : removeRequestId(data));

  if (format === 'text' || format === 'yaml-stream') {
    let value: unknown;
    try {
      if (withValue) value = plain(full());
    } catch (error) {
      if (!(error instanceof QueryError || error instanceof FormatError)) throw error;
    }
    // yaml-stream's page may be `data` itself, which it changes: the value is taken first.
    const stdout = format === 'text' ? textOutput(data, paginator, search) : yamlStreamOutput(data, paginator, search);
    return value === undefined ? { stdout } : { stdout, value };
  }
  const result = full();
  const value = withValue ? plain(result) : undefined;
  if (format === 'table') return { stdout: formatTable(operation, result, options.columns ?? 80), value };
  if (isEmptyDict(result)) return { stdout: '', value };
  return { stdout: format === 'json' ? formatJson(result) : dumpYaml(result), value };
}

function textOutput(data: PyDict, paginator: Paginator | undefined, search: (value: PyValue) => PyValue): string {
  if (!paginator) return formatText(search(removeRequestId(data)));
  let out = formatText(search(textPage(data, paginator)));
  const token = resumeToken(data, paginator);
  if (token !== undefined) out += formatText(search({ NextToken: { NextToken: token } }));
  return out;
}

function yamlStreamOutput(data: PyDict, paginator: Paginator | undefined, search: (value: PyValue) => PyValue): string {
  const page = removeRequestId(data);
  if (paginator && resumeToken(page, paginator) !== undefined) delete page.NextToken;
  const output = search(page);
  if (!paginator && isEmptyDict(output)) return '';
  return dumpYaml([output]);
}

/** A PyValue as plain data, as JSON.parse would read the json output back. */
function plain(value: PyValue): unknown {
  if (value instanceof PyFloat) return value.value;
  if (Array.isArray(value)) return value.map(plain);
  if (isDict(value)) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) Object.defineProperty(result, key, { value: plain(item), enumerable: true, writable: true, configurable: true });
    return result;
  }
  return value;
}

/** The exact stderr text the AWS CLI v2 prints for a service error. */
export function formatServiceError(
  error: AwsError,
  operation: string,
  options: { format: ErrorFormat; model: ServiceModel; columns?: number },
): string {
  return formatError(error, operation, options);
}

/** formatter.py _remove_request_id: ResponseMetadata is printed only beside an Errors member. */
function removeRequestId(data: PyDict): PyDict {
  if (!('Errors' in data) && 'ResponseMetadata' in data) {
    const { ResponseMetadata: _metadata, ...rest } = data;
    return rest;
  }
  return data;
}

function isEmptyDict(value: PyValue): boolean {
  return isDict(value) && Object.keys(value).length === 0;
}
