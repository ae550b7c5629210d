import type { ServiceModel } from '../runtime/model.js';
import { cliName, type CliArgument } from './arguments.js';
import { paramError } from './errors.js';
import { getParamFile, readLearnerFile, ResourceLoadingError } from './paramfile.js';
import { JsonDecodeError, pyJsonLoads } from './python/json.js';
import { PyFloat, PythonError, pyFloat, pyInt, pyStr, pyShortTypeName } from './python/builtins.js';
import { isScalar, isStreaming, listMemberOf, membersOf, type ArgShape } from './shapes.js';
import { backCompatVisit, ShorthandParseError, ShorthandParser } from './shorthand.js';
import type { CliFileSystem } from './types.js';

/**
 * Turns what argparse collected for one argument into the value botocore receives
 * (awscli/argprocess.py and paramfile.py): file:// contents first, then shorthand or
 * JSON for structures, maps and lists of them, then scalar conversion. Streaming blobs
 * (`--body`) are a path to one of the learner's files.
 */
export interface UnpackContext {
  readonly model: ServiceModel;
  /** botocore's service name (`s3`), as in the `process-cli-arg.<service>.<op>` event. */
  readonly serviceName: string;
  /** The operation's CLI name (`put-object`). */
  readonly operation: string;
  readonly files: CliFileSystem;
}

/** A streaming body read from the learner's files: botocore gets an open file. */
export class FileBody {
  constructor(readonly path: string, readonly data: Uint8Array) {}
}

export function unpackArgument(ctx: UnpackContext, argument: CliArgument, raw: unknown): unknown {
  const name = cliName(argument);
  let value = raw;
  // load-cli-arg: URIArgumentHandler, where a one-word list counts as that word.
  try {
    const file = getParamFile(Array.isArray(raw) && raw.length === 1 ? raw[0] : raw, ctx.files);
    if (file !== undefined) value = file;
  } catch (error) {
    if (error instanceof ResourceLoadingError) throw paramError(name, error.message);
    throw error;
  }
  if (value === null || value === undefined || !argument.shape) return value;
  const shorthand = parseShorthand(ctx, argument, argument.shape, value);
  if (shorthand !== undefined) return shorthand;
  return unpackCliArg(ctx, argument.shape, value, name);
}

function startsLikeJson(value: unknown): boolean {
  const first = Array.isArray(value) && value.length > 0 ? value[0] : value;
  return typeof first === 'string' && /^\s*[[{]/.test(first);
}

/** argprocess._supports_shorthand_syntax: structures, maps and lists of those. */
export function supportsShorthand(model: ServiceModel, shape: ArgShape): boolean {
  if (shape.type === 'structure' || shape.type === 'map') return true;
  return shape.type === 'list' && ['structure', 'list', 'map'].includes(listMemberOf(model, shape).type);
}

// Lists of single-member structures these operations accept as plain words (argprocess.py).
const OLD_LIST_CASES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  firehose: { 'put-record-batch': ['records'] },
  workspaces: {
    'reboot-workspaces': ['reboot-workspace-requests'],
    'rebuild-workspaces': ['rebuild-workspace-requests'],
    'terminate-workspaces': ['terminate-workspace-requests'],
  },
  elb: {
    'remove-tags': ['tags'],
    'describe-instance-health': ['instances'],
    'deregister-instances-from-load-balancer': ['instances'],
    'register-instances-with-load-balancer': ['instances'],
  },
};

/** ParamShorthandParser.__call__: undefined when the value is not shorthand (JSON or a scalar). */
function parseShorthand(ctx: UnpackContext, argument: CliArgument, shape: ArgShape, value: unknown): unknown {
  if (startsLikeJson(value) || !supportsShorthand(ctx.model, shape)) return undefined;
  const name = cliName(argument);
  const special = shorthandSpecialCase(ctx, argument, shape, value);
  if (special !== undefined) return special;
  const parser = new ShorthandParser();
  try {
    const parsed = Array.isArray(value) ? value.map((v) => parseOne(parser, v)) : parseOne(parser, value);
    backCompatVisit(ctx.model, shape, parsed);
    return parsed;
  } catch (error) {
    if (error instanceof ShorthandParseError) throw paramError(name, error.message);
    throw error;
  }
}

function parseOne(parser: ShorthandParser, value: unknown): unknown {
  if (typeof value === 'string') return parser.parse(value);
  // fileb:// bytes reach the parser in Python too, and fail there.
  if (value instanceof Uint8Array && value.length === 0) throw new ShorthandParseError("Expected: '=', received: 'EOF' for input:\nb''\n^");
  throw new PythonError("'in <string>' requires string as left operand, not int");
}

function shorthandSpecialCase(ctx: UnpackContext, argument: CliArgument, shape: ArgShape, value: unknown): unknown {
  if (shape.type === 'list' && Array.isArray(value)) {
    const member = listMemberOf(ctx.model, shape);
    const members = member.type === 'structure' ? membersOf(ctx.model, member) : [];
    const cases = OLD_LIST_CASES[ctx.serviceName]?.[ctx.operation] ?? [];
    const onlyMember = members[0];
    if (members.length === 1 && onlyMember && cases.includes(argument.name)) return value.map((v) => ({ [onlyMember[0]]: v }));
  }
  if (shape.type === 'structure' && typeof value === 'string' && !value.includes('=')) {
    const members = membersOf(ctx.model, shape);
    const only = members[0];
    if (members.length === 1 && only && only[0] === 'Value' && only[1].type === 'string') return { Value: value };
  }
  return undefined;
}

/** argprocess.unpack_cli_arg. */
function unpackCliArg(ctx: UnpackContext, shape: ArgShape, value: unknown, name: string): unknown {
  if (isScalar(shape)) return unpackScalar(ctx, shape, value, name);
  return unpackComplex(ctx, shape, value, name);
}

function unpackJson(value: unknown, name: string): unknown {
  const text = value instanceof Uint8Array ? new TextDecoder().decode(value) : String(value);
  try {
    return pyJsonLoads(text);
  } catch (error) {
    if (error instanceof JsonDecodeError) throw paramError(name, `Invalid JSON: ${error.message}\nJSON received: ${text}`);
    throw error;
  }
}

function unpackComplex(ctx: UnpackContext, shape: ArgShape, value: unknown, name: string): unknown {
  if (shape.type === 'structure' || shape.type === 'map') {
    if (typeof value !== 'string') throw new PythonError(`'${pyShortTypeName(value)}' object has no attribute 'lstrip'`);
    const trimmed = value.replace(/^\s+/, '');
    if (trimmed === '') throw new PythonError('string index out of range');
    if (trimmed.startsWith('{')) return unpackJson(value, name);
    throw paramError(name, `Invalid JSON:\n${value}`);
  }
  if (typeof value === 'string' && value.replace(/^\s+/, '').startsWith('[')) return unpackJson(value, name);
  if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string' && value[0].trim().startsWith('[')) return unpackJson(value[0], name);
  const member = listMemberOf(ctx.model, shape);
  // A file:// string that is not a JSON list is iterated character by character, as in Python.
  const items = typeof value === 'string' ? [...value] : Array.isArray(value) ? value : [value];
  try {
    return items.map((item) => unpackCliArg(ctx, member, item, name));
  } catch (error) {
    if (error instanceof PythonError) throw paramError(name, pyStr(items[0]));
    throw error;
  }
}

/** argprocess.unpack_scalar_cli_arg. */
function unpackScalar(ctx: UnpackContext, shape: ArgShape, value: unknown, name: string): unknown {
  if (shape.type === 'integer' || shape.type === 'long') {
    if (typeof value === 'number') return value;
    if (value instanceof PyFloat) return Math.trunc(value.value);
    if (value instanceof Uint8Array) return pyInt(new TextDecoder().decode(value));
    if (typeof value !== 'string') throw new PythonError(`int() argument must be a string, a bytes-like object or a real number, not '${pyShortTypeName(value)}'`);
    return pyInt(value);
  }
  if (shape.type === 'float' || shape.type === 'double') {
    if (value instanceof PyFloat) return value;
    if (typeof value === 'number') return new PyFloat(value);
    if (typeof value !== 'string') throw new PythonError(`float() argument must be a string or a real number, not '${pyShortTypeName(value)}'`);
    return pyFloat(value);
  }
  if (shape.type === 'blob' && isStreaming(shape)) {
    const path = typeof value === 'string' ? value : undefined;
    const data = path === undefined ? undefined : readLearnerFile(ctx.files, path);
    if (path === undefined || data === undefined) throw paramError(name, 'Blob values must be a path to a file.');
    return new FileBody(path, data);
  }
  if (shape.type === 'boolean') {
    if (typeof value === 'string' && value.toLowerCase() === 'false') return false;
    return typeof value === 'boolean' ? value : Boolean(value);
  }
  return value;
}
