import type { AwsError } from '../../runtime/errors.js';
import type { ServiceModel, Shape } from '../../runtime/model.js';
import { formatJson } from './json.js';
import { pyStr, type PyDict } from '../python/builtins.js';
import { formatTable } from './table.js';
import { formatText } from './text.js';
import { dumpYaml } from './yaml.js';

export type ErrorFormat = 'enhanced' | 'legacy' | 'json' | 'yaml' | 'text' | 'table';

export interface ErrorFormatOptions {
  format: ErrorFormat;
  model: ServiceModel;
  /** Terminal width for the table format (80 when unknown, as the CLI assumes). */
  columns?: number;
}

/** Python's http.client.responses, the reason phrase botocore reports for a body-less error. */
const REASONS: Record<number, string> = {
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
  305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request',
  401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict',
  410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed', 413: 'Request Entity Too Large',
  414: 'Request-URI Too Long', 415: 'Unsupported Media Type', 416: 'Requested Range Not Satisfiable',
  417: 'Expectation Failed', 418: "I'm a Teapot", 421: 'Misdirected Request', 422: 'Unprocessable Entity',
  423: 'Locked', 424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required',
  428: 'Precondition Required', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons', 500: 'Internal Server Error', 501: 'Not Implemented',
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates', 507: 'Insufficient Storage', 508: 'Loop Detected', 510: 'Not Extended',
  511: 'Network Authentication Required',
};

/**
 * Codes botocore's standard retry mode retries (retries/standard.py: transient and
 * throttling codes, and any 500/502/503/504). With the default 3 attempts, the CLI gives
 * up after 2 retries and says so in the message.
 */
const RETRIED_CODES = new Set([
  'RequestTimeout', 'RequestTimeoutException', 'PriorRequestNotComplete', 'Throttling',
  'ThrottlingException', 'ThrottledException', 'RequestThrottledException', 'TooManyRequestsException',
  'ProvisionedThroughputExceededException', 'TransactionInProgressException', 'RequestLimitExceeded',
  'BandwidthLimitExceeded', 'LimitExceededException', 'RequestThrottled', 'SlowDown', 'EC2ThrottledException',
]);
const RETRIED_STATUSES = new Set([500, 502, 503, 504]);

interface ParsedError {
  code: string;
  message: string;
  retryInfo: string;
  /** The members of the error's shape in the model that came with the error, in shape order. */
  details: PyDict;
}

/**
 * The stderr of the AWS CLI v2 for a service error, in each --cli-error-format:
 *
 * - legacy: botocore's ClientError text between newlines, as aws 2.9.19 (Debian) and every
 *   v2 before structured errors print it (errorhandler.py ClientErrorHandler):
 *   "\nAn error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.\n"
 * - enhanced (the current default): the same line after "aws: [ERROR]: ", then, when the
 *   error's shape in the model has members that came with it, "Additional error details:"
 *   and one "Name: value" line each
 *   (https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-error-format.html,
 *   aws/aws-cli#10023, #10142: members the model does not define are not shown).
 * - json, yaml, text, table: the error as a document {Code, Message, modeled members},
 *   printed by the output formatter of that name (table titled "error"), and nothing else.
 *
 * A HEAD request's error has no body (S3 sends none), so botocore reports the HTTP status
 * as the code and its reason phrase as the message: "An error occurred (404) when calling
 * the HeadObject operation: Not Found".
 */
export function formatServiceError(error: AwsError, operation: string, options: ErrorFormatOptions): string {
  const parsed = parseError(error, operation, options.model);
  const line = `An error occurred (${parsed.code}) when calling the ${operation} operation${parsed.retryInfo}: ${parsed.message}`;
  switch (options.format) {
    case 'legacy':
      return `\n${line}\n`;
    case 'enhanced':
      return `\naws: [ERROR]: ${line}\n${enhancedDetails(parsed.details)}`;
    default: {
      const document: PyDict = { Code: parsed.code, Message: parsed.message, ...parsed.details };
      if (options.format === 'json') return formatJson(document);
      if (options.format === 'yaml') return dumpYaml(document);
      if (options.format === 'text') return formatText(document);
      return formatTable('error', document, options.columns ?? 80);
    }
  }
}

/**
 * The error as botocore reports it (ClientError.response['Error'] and the HTTP status): what
 * a program reads instead of the printed text, so that grading never depends on printing.
 */
export function serviceErrorSummary(error: AwsError, operation: string, model: ServiceModel): { code: string; message: string; status: number } {
  const parsed = parseError(error, operation, model);
  return { code: parsed.code, message: parsed.message, status: error.status };
}

/**
 * AwsError.fields holds strings only. Should a member ever hold a list or structure, the
 * CLI prints "Name: <complex value>, --cli-error-format json recommended for full details".
 */
function enhancedDetails(details: PyDict): string {
  const names = Object.keys(details);
  if (names.length === 0) return '';
  return `\nAdditional error details:\n${names.map((name) => `${name}: ${pyStr(details[name])}`).join('\n')}\n`;
}

function parseError(error: AwsError, operation: string, model: ServiceModel): ParsedError {
  const op = model.operations[operation];
  const bodyless = op?.http.method.toUpperCase() === 'HEAD';
  const code = bodyless ? String(error.status) : error.code;
  const message = bodyless ? (REASONS[error.status] ?? '') : error.message;
  const retried = RETRIED_STATUSES.has(error.status) || RETRIED_CODES.has(code);
  return {
    code,
    message,
    retryInfo: retried ? ' (reached max retries: 2)' : '',
    details: bodyless ? {} : modeledDetails(error, model),
  };
}

function modeledDetails(error: AwsError, model: ServiceModel): PyDict {
  const shape = errorShape(model, error.code);
  const details: PyDict = {};
  if (!shape?.members) return details;
  for (const name of Object.keys(shape.members)) {
    if (name === 'Code' || name === 'Message' || name === 'message') continue;
    const value = error.fields[name];
    if (value !== undefined) details[name] = value;
  }
  return details;
}

function errorShape(model: ServiceModel, code: string): Shape | undefined {
  const direct = model.shapes[code];
  if (direct?.exception) return direct;
  return Object.values(model.shapes).find((shape) => shape.exception && shape.error?.code === code);
}
