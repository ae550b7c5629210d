import { yaml } from './lazy-modules.js';
import { rawPagingMembers, type CliArgument, type OperationArguments } from './arguments.js';
import { unpackArgument, type UnpackContext } from './argprocess.js';
import { generalFailure, paramError, paramFailure } from './errors.js';
import { memberCliName } from './names.js';
import { getParamFile, ResourceLoadingError } from './paramfile.js';
import { JsonDecodeError, pyJsonLoads } from './python/json.js';
import { ORDERED_DICTS, PyFloat, pyClass } from './python/builtins.js';
import { isPlainObject, setOwn } from './shapes.js';

/**
 * From argparse's values to the parameters of the API call, in the CLI's order of
 * events (clidriver.py ServiceOperation.__call__): paging arguments decide whether
 * auto-pagination stays on (customizations/paginate.py), every argument is unpacked
 * (argprocess.py), then `--cli-input-json|yaml` fills what the command line did not
 * (customizations/cliinput.py).
 */
export interface CallParameters {
  readonly params: Record<string, unknown>;
  readonly paginate: boolean;
  readonly outfile?: string;
  readonly skeleton?: string;
}

function pyName(name: string): string {
  return name.replace(/-/g, '_');
}

/** check_should_enable_pagination: a raw paging parameter means the learner pages by hand. */
function decidePagination(operation: OperationArguments, values: Record<string, unknown>, paginate: boolean): boolean {
  if (!operation.paginator) return paginate;
  let enabled = paginate;
  for (const member of rawPagingMembers(operation.paginator)) {
    const dest = pyName(memberCliName(member));
    if (values[dest] !== null && values[dest] !== undefined && !['start_token', 'max_items'].includes(dest)) enabled = false;
  }
  if (!enabled) {
    const shadowed = new Set(operation.arguments.filter((a) => a.shadows).map((a) => a.dest));
    const used = ['starting_token', 'page_size', 'max_items'].filter((p) => !shadowed.has(p) && truthy(values[p]));
    if (used.length > 0) {
      throw paramFailure(`Cannot specify --no-paginate along with pagination arguments: ${used.map((p) => `--${p.replace(/_/g, '-')}`).join(', ')}`);
    }
  }
  return enabled;
}

function truthy(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '' && value !== 0 && value !== false;
}

/** With pagination off, an argument the paging argument shadowed takes its place again. */
function effectiveArguments(operation: OperationArguments, paginate: boolean): CliArgument[] {
  return operation.arguments.map((argument) => (!paginate && argument.shadows ? argument.shadows : argument));
}

export function buildCallParameters(ctx: UnpackContext, operation: OperationArguments, values: Record<string, unknown>, globalPaginate: boolean): CallParameters {
  let paginate = decidePagination(operation, values, globalPaginate);
  const params: Record<string, unknown> = {};
  let outfile: string | undefined;
  for (const argument of effectiveArguments(operation, paginate)) {
    if (argument.negative || !Object.hasOwn(values, argument.dest)) continue;
    const raw = values[argument.dest];
    if (argument.kind === 'boolean') {
      if (raw !== null && raw !== undefined) setOwn(params, argument.memberName ?? '', raw);
      continue;
    }
    // A custom flag's true or false is the value itself; only text is unpacked.
    const value = argument.kind === 'custom' && typeof raw === 'boolean' ? raw : unpackArgument(ctx, argument, raw);
    if (value === null || value === undefined) continue;
    if (argument.kind === 'outfile') outfile = String(value);
    else if (argument.kind === 'paging') {
      const config = isPlainObject(params.PaginationConfig) ? params.PaginationConfig : {};
      setOwn(config, argument.memberName ?? '', value);
      params.PaginationConfig = config;
    } else if (argument.kind === 'member' || argument.kind === 'list') setOwn(params, argument.memberName ?? '', value);
    else if (argument.kind === 'custom') argument.toParams?.(params, value);
  }
  // calling-command handlers: --cli-input-json|yaml fill in first, then the paging check looks
  // at the call's parameters, so a MaxKeys from the input file turns pagination off too.
  mergeCliInput(ctx, values, params);
  if (operation.paginator) {
    const tokens = rawPagingMembers(operation.paginator);
    if (Object.keys(params).some((key) => tokens.includes(key))) paginate = false;
  }
  const skeleton = values.generate_cli_skeleton;
  return { params, paginate, ...(outfile !== undefined ? { outfile } : {}), ...(typeof skeleton === 'string' ? { skeleton } : {}) };
}

function mergeCliInput(ctx: UnpackContext, values: Record<string, unknown>, params: Record<string, unknown>): void {
  for (const kind of ['json', 'yaml'] as const) {
    const raw = values[`cli_input_${kind}`];
    if (raw === null || raw === undefined) continue;
    const given = Object.entries(values).filter(([key, value]) => key.startsWith('cli_input') && value !== null && value !== undefined);
    if (given.length !== 1) throw paramFailure('Only one --cli-input- parameter may be specified.');
    let text: string;
    try {
      const file = getParamFile(raw, ctx.files);
      text = file === undefined ? String(raw) : typeof file === 'string' ? file : new TextDecoder().decode(file);
    } catch (error) {
      if (error instanceof ResourceLoadingError) throw generalFailure(error.message);
      throw error;
    }
    const loaded = kind === 'json' ? loadJson(text) : loadYaml(text);
    if (!isPlainObject(loaded)) throw paramError(`--cli-input-${kind}`, `Invalid type: expecting map, received ${pyClass(loaded).replace('collections.OrderedDict', 'dict')}`);
    for (const [key, value] of Object.entries(loaded)) if (!Object.hasOwn(params, key)) setOwn(params, key, value);
  }
}

/** json.loads without an object_pairs_hook: plain dicts. */
function loadJson(text: string): unknown {
  try {
    return unmarkOrdered(pyJsonLoads(text));
  } catch (error) {
    if (error instanceof JsonDecodeError) throw paramError('cli-input-json', 'Invalid JSON received.');
    throw error;
  }
}

function unmarkOrdered(value: unknown): unknown {
  if (Array.isArray(value)) value.forEach(unmarkOrdered);
  else if (isPlainObject(value)) {
    ORDERED_DICTS.delete(value);
    Object.values(value).forEach(unmarkOrdered);
  }
  return value;
}

function loadYaml(text: string): unknown {
  let loaded: unknown;
  try {
    loaded = yaml().parse(text, { uniqueKeys: false, maxAliasCount: 100, logLevel: 'error' });
  } catch {
    throw paramError('cli-input-yaml', 'Invalid YAML received.');
  }
  return fromYaml(loaded);
}

/** YAML numbers with a fraction are Python floats. */
function fromYaml(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isInteger(value)) return new PyFloat(value);
  if (Array.isArray(value)) return value.map(fromYaml);
  if (isPlainObject(value)) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) setOwn(result, key, fromYaml(item));
    return result;
  }
  return value === undefined ? null : value;
}
