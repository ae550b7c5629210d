import type { OperationModel, Paginator, ServiceModel } from '../runtime/model.js';
import type { ArgAction } from './python/argparse.js';
import { argumentRename, memberCliName, operationCliName } from './names.js';
import { customisationFor } from './services/index.js';
import { membersOf, shapeOf, type ArgShape } from './shapes.js';

/**
 * An operation's argument table, derived from the model as the CLI derives it
 * (clidriver.py ServiceOperation._create_argument_table) and then customised by the
 * same `building-argument-table` handlers the CLI registers for our operations:
 * streaming output (`outfile`), `--cli-input-json|yaml`, unified paging
 * (`--starting-token`, `--page-size`, `--max-items`) and `--generate-cli-skeleton`.
 */
export type ArgumentKind =
  /** CLIArgument: one value (scalar, structure or map). */
  | 'member'
  /** ListArgument: `--keys a b c` (nargs='*'). */
  | 'list'
  /** BooleanArgument: `--flag` and its `--no-flag` twin. */
  | 'boolean'
  /** StreamingOutputArgument: the positional file a streaming body is written to. */
  | 'outfile'
  /** PageArgument: --starting-token, --page-size, --max-items. */
  | 'paging'
  | 'cli-input-json'
  | 'cli-input-yaml'
  | 'skeleton'
  /** An argument a service customisation adds; its toParams sets the call's parameters. */
  | 'custom';

export interface CliArgument {
  /** The key in the table, without dashes: `bucket`, `no-fetch-owner`, `outfile`. */
  readonly name: string;
  readonly kind: ArgumentKind;
  /** The input member this argument fills (`Bucket`); PaginationConfig key for paging arguments. */
  readonly memberName?: string;
  readonly shape?: ArgShape;
  required: boolean;
  /** False for the raw paging parameters the CLI keeps working but leaves out of help. */
  readonly documented: boolean;
  /** Where argparse stores the value (the `--no-x` twin shares the `x` destination). */
  readonly dest: string;
  /** For `--no-x`: the value is false. */
  readonly negative?: boolean;
  /** A model argument a paging argument of the same name hides while pagination is on. */
  readonly shadows?: CliArgument;
  /** For `custom` arguments: the help text, and how the value (a string) fills the parameters. */
  readonly documentation?: string;
  readonly toParams?: (params: Record<string, unknown>, value: unknown) => void;
  /** For `custom` arguments: how argparse takes them when not as one value (a flag; an optional value). */
  readonly parse?: Partial<Pick<ArgAction, 'kind' | 'nargs' | 'const' | 'type'>>;
  /** For `custom` arguments: the other half of a `--x | --no-x` pair, which help shows as one group. */
  readonly pairedWith?: string;
  /** For `custom` arguments: the type help prints, `(boolean)` or `(structure)`. */
  readonly helpType?: string;
}

export interface OperationArguments {
  readonly arguments: CliArgument[];
  /** Set for operations with a streaming body in the output (GetObject): the member name. */
  readonly streamingOutput?: string;
  readonly paginator?: Paginator;
}

/** The CLI name as typed: `--bucket`, or `outfile` for the positional. */
export function cliName(argument: CliArgument): string {
  return argument.kind === 'outfile' ? argument.name : `--${argument.name}`;
}

function pyName(name: string): string {
  return name.replace(/-/g, '_');
}

/** `serviceName` (botocore's) picks the service's customiseArguments hook, which runs last. */
export function buildArguments(model: ServiceModel, command: string, operation: OperationModel, serviceName?: string): OperationArguments {
  const table: CliArgument[] = [];
  const input = operation.input ? shapeOf(model, operation.input.shape) : undefined;
  const required = new Set(input?.shape.required ?? []);
  const operationName = operationCliName(operation.name);
  for (const [memberName, shape] of input ? membersOf(model, input) : []) {
    const name = memberCliName(memberName);
    const isRequired = required.has(memberName);
    if (shape.type === 'boolean') {
      table.push({ name, kind: 'boolean', memberName, shape, required: isRequired, documented: true, dest: pyName(name) });
      table.push({ name: `no-${name}`, kind: 'boolean', memberName, shape, required: false, documented: true, dest: pyName(name), negative: true });
    } else {
      table.push({ name, kind: shape.type === 'list' ? 'list' : 'member', memberName, shape, required: isRequired, documented: true, dest: pyName(name) });
    }
  }
  applyRenames(table, command, operationName);
  const streamingOutput = streamingOutputMember(model, operation);
  if (streamingOutput) {
    table.push({ name: 'outfile', kind: 'outfile', required: true, documented: true, dest: 'outfile' });
  } else {
    table.push({ name: 'cli-input-json', kind: 'cli-input-json', required: false, documented: true, dest: 'cli_input_json' });
    table.push({ name: 'cli-input-yaml', kind: 'cli-input-yaml', required: false, documented: true, dest: 'cli_input_yaml' });
  }
  if (operation.paginator && input) addPagingArguments(table, model, input, operation.paginator);
  if (!streamingOutput) {
    table.push({ name: 'generate-cli-skeleton', kind: 'skeleton', required: false, documented: true, dest: 'generate_cli_skeleton' });
  }
  if (serviceName !== undefined) customisationFor(serviceName)?.customiseArguments?.(operation.name, table);
  return { arguments: table, ...(streamingOutput ? { streamingOutput } : {}), ...(operation.paginator ? { paginator: operation.paginator } : {}) };
}

/** customizations/argrename.py: the renamed argument moves to the end of the table. */
function applyRenames(table: CliArgument[], command: string, operation: string): void {
  for (const argument of [...table]) {
    const renamed = argumentRename(command, operation, argument.name);
    if (!renamed) continue;
    table.splice(table.indexOf(argument), 1);
    table.push({ ...argument, name: renamed });
  }
}

/** customizations/streamingoutputarg.py: an output payload member that streams. */
function streamingOutputMember(model: ServiceModel, operation: OperationModel): string | undefined {
  if (!operation.output) return undefined;
  const output = shapeOf(model, operation.output.shape);
  const payload = output.shape.payload;
  if (!payload) return undefined;
  const ref = output.shape.members?.[payload];
  if (!ref) return undefined;
  const member = shapeOf(model, ref.shape, ref);
  return member.type === 'blob' && (ref.streaming || member.shape.streaming) ? payload : undefined;
}

export function inputTokens(paginator: Paginator): string[] {
  return Array.isArray(paginator.input_token) ? [...paginator.input_token] : [paginator.input_token];
}

/** The paging parameters the learner may type by hand (which turns auto-pagination off). */
export function rawPagingMembers(paginator: Paginator): string[] {
  return [...inputTokens(paginator), ...(paginator.limit_key ? [paginator.limit_key] : [])];
}

/** customizations/paginate.py unify_paging_params. */
function addPagingArguments(table: CliArgument[], model: ServiceModel, input: ArgShape, paginator: Paginator): void {
  const hidden = new Set(rawPagingMembers(paginator).map(memberCliName));
  for (let i = 0; i < table.length; i++) {
    const argument = table[i];
    if (argument && hidden.has(argument.name)) table[i] = { ...argument, documented: false };
  }
  let limitType = 'integer';
  if (paginator.limit_key) {
    const limit = membersOf(model, input).find(([name]) => name === paginator.limit_key);
    limitType = limit?.[1].type ?? 'integer';
  }
  const stringShape: ArgShape = { name: 'PageArgument', type: 'string', shape: { type: 'string' } };
  const limitShape: ArgShape = { name: 'PageArgument', type: limitType === 'string' ? 'string' : 'integer', shape: { type: limitType === 'string' ? 'string' : 'integer' } };
  addPaging(table, { name: 'starting-token', kind: 'paging', memberName: 'StartingToken', shape: stringShape, required: false, documented: true, dest: 'starting_token' });
  if (paginator.limit_key) {
    addPaging(table, { name: 'page-size', kind: 'paging', memberName: 'PageSize', shape: limitShape, required: false, documented: true, dest: 'page_size' });
  }
  addPaging(table, { name: 'max-items', kind: 'paging', memberName: 'MaxItems', shape: limitShape, required: false, documented: true, dest: 'max_items' });
}

function addPaging(table: CliArgument[], argument: CliArgument): void {
  const index = table.findIndex((a) => a.name === argument.name);
  if (index < 0) {
    table.push(argument);
    return;
  }
  const shadowed = table[index];
  table[index] = shadowed ? { ...argument, shadows: shadowed } : argument;
}

/** The argparse actions for an operation's parser, in table order, then the `help` positional. */
export function operationActions(table: readonly CliArgument[], noneRequired: boolean): ArgAction[] {
  const actions = table.map((argument) => toAction(argument, noneRequired));
  actions.push({ optionStrings: [], dest: 'help', kind: 'store', nargs: '?', required: false, default: null });
  return actions;
}

function toAction(argument: CliArgument, noneRequired: boolean): ArgAction {
  const optionStrings = [cliName(argument)];
  switch (argument.kind) {
    case 'boolean':
      // BooleanArgument.add_to_parser passes no `required`: a boolean is never required.
      return { optionStrings, dest: argument.dest, kind: argument.negative ? 'store_false' : 'store_true', required: false, default: null };
    case 'list':
      return { optionStrings, dest: argument.dest, kind: 'store', nargs: '*', required: argument.required && !noneRequired, default: null };
    case 'outfile':
      return { optionStrings: [], dest: 'outfile', kind: 'store', required: !noneRequired, default: null, metavar: 'outfile' };
    case 'skeleton':
      return { optionStrings, dest: argument.dest, kind: 'store', nargs: '?', const: 'input', choices: ['input', 'output', 'yaml-input'], required: false, default: null };
    case 'paging':
      return { optionStrings, dest: argument.dest, kind: 'store', required: false, default: null, ...(argument.shape?.type === 'integer' ? { type: 'int' as const } : {}) };
    case 'custom':
      return { optionStrings, dest: argument.dest, kind: 'store', required: argument.required && !noneRequired, default: null, ...argument.parse };
    default:
      return { optionStrings, dest: argument.dest, kind: 'store', required: argument.required && !noneRequired, default: null, ...typeOf(argument.shape) };
  }
}

/** CLIArgument.TYPE_MAP: argparse converts long to int and float/double to float; integer stays a string. */
function typeOf(shape: ArgShape | undefined): { type?: 'int' | 'float' } {
  if (shape?.type === 'long') return { type: 'int' };
  if (shape?.type === 'float' || shape?.type === 'double') return { type: 'float' };
  return {};
}
