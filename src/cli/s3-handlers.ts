import { generalFailure, validationFailure } from './errors.js';
import { PythonError, pyShortTypeName } from './python.js';
import { isPlainObject } from './shapes.js';

/**
 * botocore's client-side handlers for S3 (botocore/handlers.py BUILTIN_HANDLERS) that
 * change what a learner sees: bucket names are checked before anything is sent, list
 * calls ask for url-encoded keys and decode them again, and metadata must be ASCII.
 */
const VALID_BUCKET = /^[a-zA-Z0-9.\-_]{1,255}$/;
const ACCESSPOINT_ARN = '^arn:(aws).*:(s3|s3-object-lambda):[a-z\\-0-9]*:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\\-.]{1,63}$';
const OUTPOST_ARN = '^arn:(aws).*:s3-outposts:[a-z\\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\\-]{1,63}[/:]accesspoint[/:][a-zA-Z0-9\\-]{1,63}$';
const VALID_S3_ARN = new RegExp(`${ACCESSPOINT_ARN}|${OUTPOST_ARN}`);
const VALID_BUCKET_PATTERN = '^[a-zA-Z0-9.\\-_]{1,255}$';

const LIST_OPERATIONS = new Set(['ListObjects', 'ListObjectsV2', 'ListObjectVersions']);
const METADATA_OPERATIONS = new Set(['CopyObject', 'PutObject', 'CreateMultipartUpload']);

export interface S3CallContext {
  /** set_list_objects_encoding_type_url asked for url encoding on the learner's behalf. */
  encodingTypeAutoSet: boolean;
}

/**
 * The endpoint ruleset runs before any handler (client.py _make_api_call) and insists its
 * `Bucket` context parameter is a string: only reachable through --cli-input-json.
 */
export function checkEndpointParameters(params: Record<string, unknown>): void {
  if (Object.hasOwn(params, 'Bucket') && params.Bucket !== null && typeof params.Bucket !== 'string') {
    throw generalFailure("Value (Bucket) is the wrong type. Must be <class 'str'>.");
  }
}

/** The `before-parameter-build.s3.*` handlers, in botocore's order. Mutates params. */
export function beforeParameterBuild(operation: string, params: Record<string, unknown>): S3CallContext {
  validateBucketName(params);
  const context: S3CallContext = { encodingTypeAutoSet: false };
  if (LIST_OPERATIONS.has(operation) && !Object.hasOwn(params, 'EncodingType')) {
    params.EncodingType = 'url';
    context.encodingTypeAutoSet = true;
  }
  if (METADATA_OPERATIONS.has(operation)) validateAsciiMetadata(params);
  return context;
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
export function afterCall(operation: string, context: S3CallContext, parsed: Record<string, unknown>): void {
  const keys = DECODED_KEYS[operation];
  if (!keys || !context.encodingTypeAutoSet || parsed.EncodingType !== 'url') return;
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
