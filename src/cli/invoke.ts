import { AwsError } from '../runtime/errors.js';
import type { Paginator, ServiceModel } from '../runtime/model.js';
import type { World } from '../runtime/world.js';
import { FileBody } from './argprocess.js';
import type { Caller } from './caller.js';
import { endpointUrl } from './endpoint.js';
import { generalFailure, validationFailure } from './errors.js';
import { Pagination, type PaginationConfig } from './paginate.js';
import { PyFloat, PythonError, pyB64Decode } from './python/builtins.js';
import { customisationFor, type ServiceCall } from './services/index.js';
import { operationCliName } from './names.js';
import { isPlainObject, listMemberOf, mapValueOf, memberOf, setOwn, shapeOf, type ArgShape } from './shapes.js';
import { parseTimestamp } from './timestamps.js';
import { validateParameters } from './validate.js';

/**
 * What botocore does between the CLI and the wire (client.py _make_api_call): decode
 * base64 blobs (`--cli-binary-format base64`, customizations/binaryformat.py), run the
 * service's parameter handlers, validate, then send. Here "send" is a call into the
 * simulated world, once or once per page.
 */
export interface InvokeContext {
  readonly world: World;
  /** botocore's service name (`s3`). */
  readonly serviceName: string;
  /** The `aws <command>` (`s3api`), for messages. */
  readonly command: string;
  readonly model: ServiceModel;
  /** PascalCase (`ListObjectsV2`). */
  readonly operation: string;
  readonly region: string;
  readonly caller?: string;
  /** Who the call is made as (CliContext.identity). */
  readonly identity?: Caller;
  readonly decodeBase64Blobs: boolean;
}

const REGION = /^(?![0-9]+$)(?!-)[a-zA-Z0-9-]{0,63}(?<!-)$/;

/** botocore.utils.validate_region_name and the endpoint it then builds. */
export function checkRegion(region: string, model: ServiceModel): void {
  if (!REGION.test(region)) throw generalFailure(`Provided region_name '${region}' doesn't match a supported format.`);
  if (region === '') throw generalFailure(`Invalid endpoint: https://${model.metadata.endpointPrefix}..amazonaws.com`);
}

export function invoke(ctx: InvokeContext, params: Record<string, unknown>, paginate: boolean, paginator: Paginator | undefined): Record<string, unknown> {
  checkRegion(ctx.region, ctx.model);
  if (paginate && paginator) {
    const config = extractPagingConfig(params, paginator);
    return new Pagination(paginator, config).fullResult(params, (page) => callOnce(ctx, page));
  }
  return callOnce(ctx, params);
}

function extractPagingConfig(params: Record<string, unknown>, paginator: Paginator): PaginationConfig {
  const raw = isPlainObject(params.PaginationConfig) ? params.PaginationConfig : {};
  delete params.PaginationConfig;
  const config: { maxItems?: number; pageSize?: number | string; startingToken?: string } = {};
  if (raw.MaxItems !== undefined && raw.MaxItems !== null) config.maxItems = Number(raw.MaxItems);
  if (raw.PageSize !== undefined && raw.PageSize !== null) {
    if (!paginator.limit_key) throw generalFailure('Error during pagination: PageSize parameter is not supported for the pagination interface for this operation.');
    config.pageSize = raw.PageSize as number | string;
  }
  if (typeof raw.StartingToken === 'string') config.startingToken = raw.StartingToken;
  return config;
}

/**
 * Everything botocore does before sending: the endpoint checks, blobs, the service's
 * before-parameter-build handlers (services/<service>.ts), validation.
 */
export function prepareCall(ctx: InvokeContext, input: Record<string, unknown>): ServiceCall {
  const call: ServiceCall = { operation: ctx.operation, model: ctx.model, region: ctx.region, params: { ...input }, memo: {} };
  const hooks = customisationFor(ctx.serviceName);
  hooks?.checkEndpointParameters?.(call);
  const inputShape = ctx.model.operations[ctx.operation]?.input;
  const shape = inputShape ? shapeOf(ctx.model, inputShape.shape) : undefined;
  if (ctx.decodeBase64Blobs && shape) decodeBlobs(ctx.model, shape, call.params);
  hooks?.beforeParameterBuild?.(call);
  const report = validateParameters(ctx.model, call.params, shape);
  if (report !== undefined) throw validationFailure(report);
  return call;
}

function callOnce(ctx: InvokeContext, input: Record<string, unknown>): Record<string, unknown> {
  const call = prepareCall(ctx, input);
  const { params } = call;
  const hooks = customisationFor(ctx.serviceName);
  const definition = ctx.world.service(ctx.serviceName);
  if (!definition?.operations[ctx.operation]) {
    throw generalFailure(`awslab does not simulate ${ctx.command} ${operationCliName(ctx.operation)} yet: it is in AWS's model, but the simulated ${ctx.model.metadata.serviceId} has no handler for ${ctx.operation}.`);
  }
  const inputShape = ctx.model.operations[ctx.operation]?.input;
  const wire = inputShape ? (toWire(ctx.model, shapeOf(ctx.model, inputShape.shape), params) as Record<string, unknown>) : {};
  checkEncodable(wire);
  hooks?.beforeCall?.(call, wire);
  let response: Record<string, unknown>;
  try {
    const principal = ctx.identity?.principalFor(ctx.serviceName);
    response = ctx.world.call(ctx.serviceName, ctx.operation, wire, {
      region: ctx.region,
      ...(ctx.caller ? { caller: ctx.caller } : {}),
      ...(principal && ctx.identity ? { principal, context: ctx.identity.context } : {}),
    });
  } catch (error) {
    if (error instanceof AwsError && error.code === 'UnknownRegion') {
      throw generalFailure(`Could not connect to the endpoint URL: "${endpointUrl(ctx.serviceName, ctx.model, ctx.operation, ctx.region, params)}"`);
    }
    if (error instanceof AwsError && hooks?.enhanceError) throw hooks.enhanceError(call, error);
    throw error;
  }
  const parsed = { ...response };
  hooks?.afterCall?.(call, parsed);
  return parsed;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Serialising a request encodes every string as UTF-8, which a lone surrogate (what Python
 * makes of bytes in argv that are not UTF-8) cannot be: the CLI stops there with Python's error.
 */
function checkEncodable(value: unknown): void {
  if (typeof value === 'string') {
    const match = LONE_SURROGATE.exec(value);
    if (!match) return;
    const position = [...value.slice(0, match.index)].length;
    const code = (match[0].codePointAt(0) ?? 0).toString(16);
    throw generalFailure(`'utf-8' codec can't encode character '\\u${code}' in position ${position}: surrogates not allowed`);
  }
  if (Array.isArray(value)) value.forEach(checkEncodable);
  else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      checkEncodable(key);
      checkEncodable(item);
    }
  }
}

/** Base64DecodeVisitor: a blob given as text is base64 (the default --cli-binary-format). */
function decodeBlobs(model: ServiceModel, shape: ArgShape, value: unknown, parent?: Record<string, unknown> | unknown[], key?: string | number): void {
  if (shape.type === 'structure' && isPlainObject(value)) {
    for (const name of Object.keys(value)) {
      const member = memberOf(model, shape, name);
      if (member) decodeBlobs(model, member, value[name], value, name);
    }
  } else if (shape.type === 'list' && Array.isArray(value)) {
    const member = listMemberOf(model, shape);
    value.forEach((item, i) => decodeBlobs(model, member, item, value, i));
  } else if (shape.type === 'map' && isPlainObject(value)) {
    const member = mapValueOf(model, shape);
    for (const name of Object.keys(value)) decodeBlobs(model, member, value[name], value, name);
  } else if (shape.type === 'blob' && typeof value === 'string' && parent !== undefined && key !== undefined) {
    let decoded: Uint8Array;
    try {
      decoded = pyB64Decode(value);
    } catch (error) {
      if (error instanceof PythonError) throw generalFailure(`Invalid base64: "${value}"`);
      throw error;
    }
    if (Array.isArray(parent)) parent[key as number] = decoded;
    else setOwn(parent, String(key), decoded);
  }
}

/** The validated parameters as the runtime takes them: Date, Uint8Array, plain numbers. */
function toWire(model: ServiceModel, shape: ArgShape, value: unknown): unknown {
  switch (shape.type) {
    case 'structure': {
      if (!isPlainObject(value)) return value;
      const result: Record<string, unknown> = {};
      for (const [name, item] of Object.entries(value)) {
        const member = memberOf(model, shape, name);
        setOwn(result, name, member ? toWire(model, member, item) : item);
      }
      return result;
    }
    case 'list':
      return Array.isArray(value) ? value.map((item) => toWire(model, listMemberOf(model, shape), item)) : value;
    case 'map': {
      if (!isPlainObject(value)) return value;
      const result: Record<string, unknown> = {};
      for (const [name, item] of Object.entries(value)) setOwn(result, name, toWire(model, mapValueOf(model, shape), item));
      return result;
    }
    case 'timestamp':
      return parseTimestamp(value) ?? value;
    case 'blob':
      if (value instanceof FileBody) return value.data;
      if (typeof value === 'string') return new TextEncoder().encode(value);
      return value;
    case 'float':
    case 'double':
      return value instanceof PyFloat ? value.value : typeof value === 'bigint' ? Number(value) : value;
    case 'integer':
    case 'long':
      return typeof value === 'boolean' || typeof value === 'bigint' ? Number(value) : value;
    default:
      return value;
  }
}
