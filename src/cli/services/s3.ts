import { AwsError } from '../../runtime/errors.js';
import { generalFailure, validationFailure } from '../errors.js';
import { PythonError, pyShortTypeName } from '../python/builtins.js';
import { runHighLevelS3, S3_SUBCOMMANDS } from '../s3/index.js';
import { getOwn, isPlainObject } from '../shapes.js';
import type { ServiceCall, ServiceCustomisation } from './hooks.js';

/**
 * S3 in the CLI: botocore's client-side handlers (botocore/handlers.py BUILTIN_HANDLERS)
 * that change what a learner sees (bucket names are checked before anything is sent, list
 * calls ask for url-encoded keys and decode them again, metadata must be ASCII), the CLI's
 * PermanentRedirect hint (customizations/s3errormsg.py), and the `aws s3` commands.
 */
export const S3_CLI: ServiceCustomisation = {
  service: 's3',
  checkEndpointParameters,
  beforeParameterBuild,
  afterCall: decodeListedKeys,
  enhanceError,
  endpoint: virtualHostedStyle,
  unknownAccessKey: (accessKeyId) =>
    new AwsError('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403, { AWSAccessKeyId: accessKeyId }),
  commands: [{
    name: 's3',
    title: 'high-level S3 commands',
    run: (args, ctx, globals) => runHighLevelS3(args, ctx, globals),
    subcommands: S3_SUBCOMMANDS,
  }],
};

const VALID_BUCKET = /^[a-zA-Z0-9.\-_]{1,255}$/;
const ACCESSPOINT_ARN = '^arn:(aws).*:(s3|s3-object-lambda):[a-z\\-0-9]*:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\\-.]{1,63}$';
const OUTPOST_ARN = '^arn:(aws).*:s3-outposts:[a-z\\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\\-]{1,63}[/:]accesspoint[/:][a-zA-Z0-9\\-]{1,63}$';
const VALID_S3_ARN = new RegExp(`${ACCESSPOINT_ARN}|${OUTPOST_ARN}`);
const VALID_BUCKET_PATTERN = '^[a-zA-Z0-9.\\-_]{1,255}$';

const LIST_OPERATIONS = new Set(['ListObjects', 'ListObjectsV2', 'ListObjectVersions']);
const METADATA_OPERATIONS = new Set(['CopyObject', 'PutObject', 'CreateMultipartUpload']);
/** memo key: set_list_objects_encoding_type_url asked for url encoding on the learner's behalf. */
const ENCODING_AUTO_SET = 'encodingTypeAutoSet';

/** The endpoint ruleset insists its `Bucket` parameter is a string: only reachable through --cli-input-json. */
function checkEndpointParameters({ params }: ServiceCall): void {
  if (Object.hasOwn(params, 'Bucket') && params.Bucket !== null && typeof params.Bucket !== 'string') {
    throw generalFailure("Value (Bucket) is the wrong type. Must be <class 'str'>.");
  }
}

/** The `before-parameter-build.s3.*` handlers, in botocore's order. */
function beforeParameterBuild({ operation, params, memo }: ServiceCall): void {
  validateBucketName(params);
  if (LIST_OPERATIONS.has(operation) && !Object.hasOwn(params, 'EncodingType')) {
    params.EncodingType = 'url';
    memo[ENCODING_AUTO_SET] = true;
  }
  if (METADATA_OPERATIONS.has(operation)) validateAsciiMetadata(params);
}

function validateBucketName(params: Record<string, unknown>): void {
  if (!Object.hasOwn(params, 'Bucket')) return;
  const bucket = params.Bucket;
  if (typeof bucket !== 'string') throw new PythonError(`expected string or bytes-like object, got '${pyShortTypeName(bucket)}'`);
  if (!VALID_BUCKET.test(bucket) && !VALID_S3_ARN.test(bucket)) {
    throw validationFailure(
      `Invalid bucket name "${bucket}": Bucket name must match the regex "${VALID_BUCKET_PATTERN}" or be an ARN matching the regex "${ACCESSPOINT_ARN}|${OUTPOST_ARN}"`,
    );
  }
}

function validateAsciiMetadata(params: Record<string, unknown>): void {
  const metadata = params.Metadata;
  if (!isPlainObject(metadata) || Object.keys(metadata).length === 0) return;
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value !== 'string') throw new PythonError(`'${pyShortTypeName(value)}' object has no attribute 'encode'`);
    if (/[^\x00-\x7f]/.test(key) || /[^\x00-\x7f]/.test(value)) {
      throw validationFailure(
        `Non ascii characters found in S3 metadata for key "${key}", value: "${value}".  \nS3 metadata can only contain ASCII characters. `,
      );
    }
  }
}

const DECODED_KEYS: Readonly<Record<string, { top: string[]; nested: Array<[string, string]> }>> = {
  ListObjects: { top: ['Delimiter', 'Marker', 'NextMarker'], nested: [['Contents', 'Key'], ['CommonPrefixes', 'Prefix']] },
  ListObjectsV2: { top: ['Delimiter', 'Prefix', 'StartAfter'], nested: [['Contents', 'Key'], ['CommonPrefixes', 'Prefix']] },
  ListObjectVersions: {
    top: ['KeyMarker', 'NextKeyMarker', 'Prefix', 'Delimiter'],
    nested: [['Versions', 'Key'], ['DeleteMarkers', 'Key'], ['CommonPrefixes', 'Prefix']],
  },
};

/** decode_list_object*: undo the url encoding the CLI asked for (only when it asked). */
function decodeListedKeys({ operation, memo }: ServiceCall, parsed: Record<string, unknown>): void {
  const keys = DECODED_KEYS[operation];
  if (!keys || memo[ENCODING_AUTO_SET] !== true || parsed.EncodingType !== 'url') return;
  for (const key of keys.top) if (typeof parsed[key] === 'string') parsed[key] = unquote(parsed[key]);
  for (const [top, child] of keys.nested) {
    const list = parsed[top];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (isPlainObject(item) && typeof item[child] === 'string') item[child] = unquote(item[child]);
    }
  }
}

/** urllib.parse.unquote: %XX sequences as UTF-8, invalid ones left alone. */
function unquote(text: string): string {
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    const bytes = Uint8Array.from(run.slice(1).split('%').map((hex) => parseInt(hex, 16)));
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  });
}

const LABEL = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;

/** Virtual-hosted style when the bucket name is DNS-safe (botocore/utils.py check_dns_name), path style otherwise. */
function virtualHostedStyle(params: Record<string, unknown>, url: { hostname: string; path: string }): { hostname: string; path: string } {
  const bucket = getOwn(params, 'Bucket');
  const dnsSafe = typeof bucket === 'string' && !bucket.includes('.') && bucket.length >= 3 && bucket.length <= 63 && LABEL.test(bucket);
  return dnsSafe ? { hostname: `${bucket}.${url.hostname}`, path: url.path.replace(/^\/\{Bucket\}/, '') || '/' } : url;
}

/** customizations/s3errormsg.py REGION_ERROR_MSG. */
const REGION_ERROR_MSG = 'You can fix this issue by explicitly providing the correct region location using the ' +
  '--region argument, the AWS_DEFAULT_REGION environment variable, or the region variable in the AWS CLI ' +
  'configuration file.  You can get the bucket\'s location by running "aws s3api get-bucket-location --bucket BUCKET".';

/**
 * customizations/s3errormsg.py enhance_error_msg, registered on `after-call.s3`: a
 * PermanentRedirect names the endpoint and says how to fix the region. It runs once per
 * call, so s3api, `aws s3` and waiters print it alike.
 */
export function enhanceError(_call: ServiceCall, error: AwsError): AwsError {
  if (error.code !== 'PermanentRedirect' || !error.fields.Endpoint) return error;
  const message = `${error.message.slice(0, -1)}: ${error.fields.Endpoint}\n${REGION_ERROR_MSG}`;
  return new AwsError(error.code, message, error.status, { ...error.fields }, { ...error.headers });
}
