import { paramFailure } from '../errors.js';
import type { CommandArgs } from './arguments.js';

/**
 * The request parameters the transfer options become (awscli/customizations/s3/utils.py
 * RequestParamsMapper). Python tests each option for truth, so an empty value is left out.
 */
type Params = Record<string, unknown>;

const GENERAL: ReadonlyArray<[string, string]> = [
  ['acl', 'ACL'],
  ['storage_class', 'StorageClass'],
  ['website_redirect', 'WebsiteRedirectLocation'],
  ['content_type', 'ContentType'],
  ['cache_control', 'CacheControl'],
  ['content_disposition', 'ContentDisposition'],
  ['content_encoding', 'ContentEncoding'],
  ['content_language', 'ContentLanguage'],
  ['expires', 'Expires'],
];

const GRANTS: Readonly<Record<string, string>> = { read: 'GrantRead', full: 'GrantFullControl', readacl: 'GrantReadACP', writeacl: 'GrantWriteACP' };

function setText(params: Params, args: CommandArgs, dest: string, member: string): void {
  const value = args.text(dest);
  if (value) params[member] = value;
}

function generalObjectParams(params: Params, args: CommandArgs): void {
  for (const [dest, member] of GENERAL) setText(params, args, dest, member);
  for (const grant of args.list('grants')) {
    const equals = grant.indexOf('=');
    if (equals < 0) throw paramFailure('grants should be of the form permission=principal');
    const member = GRANTS[grant.slice(0, equals)];
    if (!member) throw paramFailure('permission must be one of: read|readacl|writeacl|full');
    params[member] = grant.slice(equals + 1);
  }
}

function metadataParams(params: Params, args: CommandArgs): void {
  const metadata = args.metadata;
  if (metadata && Object.keys(metadata).length > 0) params.Metadata = metadata;
}

function sseParams(params: Params, args: CommandArgs): void {
  setText(params, args, 'sse', 'ServerSideEncryption');
  setText(params, args, 'sse_kms_key_id', 'SSEKMSKeyId');
}

function sseCustomerParams(params: Params, args: CommandArgs): void {
  if (!args.text('sse_c')) return;
  params.SSECustomerAlgorithm = args.text('sse_c');
  params.SSECustomerKey = args.text('sse_c_key');
}

function requestPayer(params: Params, args: CommandArgs): void {
  setText(params, args, 'request_payer', 'RequestPayer');
}

export function putObjectParams(args: CommandArgs): Params {
  const params: Params = {};
  generalObjectParams(params, args);
  metadataParams(params, args);
  sseParams(params, args);
  sseCustomerParams(params, args);
  requestPayer(params, args);
  return params;
}

export function getObjectParams(args: CommandArgs): Params {
  const params: Params = {};
  sseCustomerParams(params, args);
  requestPayer(params, args);
  return params;
}

export function copyObjectParams(args: CommandArgs): Params {
  const params: Params = {};
  generalObjectParams(params, args);
  setText(params, args, 'metadata_directive', 'MetadataDirective');
  metadataParams(params, args);
  if (params.Metadata && !params.MetadataDirective) params.MetadataDirective = 'REPLACE';
  sseParams(params, args);
  sseCustomerParams(params, args);
  if (args.text('sse_c_copy_source')) {
    params.CopySourceSSECustomerAlgorithm = args.text('sse_c_copy_source');
    params.CopySourceSSECustomerKey = args.text('sse_c_copy_source_key');
  }
  requestPayer(params, args);
  return params;
}

export function deleteObjectParams(args: CommandArgs): Params {
  const params: Params = {};
  requestPayer(params, args);
  return params;
}

/** ListObjectsV2 for the file generator: only the requester-pays flag. */
export function listObjectsParams(args: CommandArgs): Params {
  const params: Params = {};
  requestPayer(params, args);
  return params;
}

/** HeadObject for the file generator: the SSE-C key of the object read, and requester pays. */
export function headObjectParams(args: CommandArgs, copySource: boolean): Params {
  const params: Params = {};
  const algorithm = copySource ? args.text('sse_c_copy_source') : args.text('sse_c');
  if (algorithm) {
    params.SSECustomerAlgorithm = algorithm;
    params.SSECustomerKey = copySource ? args.text('sse_c_copy_source_key') : args.text('sse_c_key');
  }
  requestPayer(params, args);
  return params;
}

/** The properties a copy with an explicit one of them replaces, filled in from the source (subscribers.py). */
export const METADATA_DIRECTIVE_PROPERTIES = ['CacheControl', 'ContentDisposition', 'ContentEncoding', 'ContentLanguage', 'ContentType', 'Expires', 'Metadata'];
