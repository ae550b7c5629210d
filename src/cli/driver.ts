import type { ServiceModel } from '../runtime/model.js';
import { ArgParseError, ArgumentParser, VersionRequested } from './python/argparse.js';
import { CliFailure, generalFailure, paramFailure, queryFailure, usageFailure } from './errors.js';
import { globalActions, type GlobalOptions } from './globals.js';
import { HELP_TOPICS, providerHelp, serviceHelp, waitHelp } from './help.js';
import { cliServiceName, operationCliName, serviceForCommand } from './names.js';
import { runOperation } from './operation.js';
import { FormatError, QueryError, validateQuery, type ErrorFormat, type OutputFormat } from './output/index.js';
import { PythonError, pyInt } from './python/builtins.js';
import { customisationFor, topLevelCommands } from './services/index.js';
import { EXIT, type CliContext, type CliResult } from './types.js';
import { Caller } from './caller.js';
import { CONFIGURE_COMMAND } from './configure.js';

/** Commands of the CLI itself rather than of a service (awscli/customizations/configure). */
const CORE_COMMANDS = [CONFIGURE_COMMAND];
import { parseWaitCommand, waiterCliName, waiterNames } from './wait.js';

/**
 * `aws …`: the AWS CLI v2's driver (awscli/clidriver.py). The main parser takes the
 * global options and the command, the service parser the operation, the operation
 * parser its parameters; each hands the words it does not know to the next. Every
 * input gives a CliResult: parse errors exit 252, service errors 254, anything else
 * 255, and a bug inside awslab is reported like any other error, never thrown.
 */
export function runAws(argv: readonly string[], ctx: CliContext): CliResult {
  try {
    return runMain(argv, ctx);
  } catch (error) {
    return failureResult(error);
  }
}

export function failureResult(error: unknown): CliResult {
  if (error instanceof CliFailure) return { exitCode: error.exitCode, stdout: '', stderr: error.stderr };
  if (error instanceof ArgParseError) return failureResult(usageFailure(error.message));
  if (error instanceof VersionRequested) return { exitCode: EXIT.ok, stdout: `${error.message}\n`, stderr: '' };
  if (error instanceof PythonError) return failureResult(generalFailure(error.message));
  if (error instanceof QueryError) return failureResult(paramFailure(error.message));
  if (error instanceof FormatError) return failureResult(generalFailure(error.message));
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return failureResult(generalFailure('maximum recursion depth exceeded'));
  }
  const message = error instanceof Error ? error.message : String(error);
  const text = message.startsWith('awslab internal error') ? message : `awslab internal error: ${message}`;
  return failureResult(generalFailure(text));
}

/**
 * The `aws` commands, in the CLI's order: botocore services sorted, then each service whose
 * customisation adds commands of its own (s3's plugin renames `s3` to `s3api`, which moves it
 * to the end, and adds `s3` after it), then help.
 */
export function commandNames(ctx: Pick<CliContext, 'world'>): string[] {
  const services = ctx.world.serviceNames();
  const adds = (name: string): boolean => (customisationFor(name)?.commands?.length ?? 0) > 0;
  const names = [...services.filter((name) => !adds(name)).map(cliServiceName), ...CORE_COMMANDS.map((c) => c.name)].sort();
  for (const name of services.filter(adds)) names.push(cliServiceName(name), ...(customisationFor(name)?.commands ?? []).map((c) => c.name));
  names.push('help');
  return names;
}

function runMain(argv: readonly string[], ctx: CliContext): CliResult {
  const commands = commandNames(ctx);
  const parsed = new ArgumentParser(globalActions(commands)).parseKnownArgs(argv);
  const globals = resolveGlobals(parsed.values, ctx);
  const command = String(parsed.values.command);
  if (command === 'help') return runProviderHelp(parsed.extras, ctx);
  // The command's credentials come from its profile, resolved when its first request is sent.
  return runCommand(command, parsed.extras, { ...ctx, identity: new Caller(ctx.world, globals, ctx.files, ctx.caller) }, globals);
}

function runCommand(command: string, extras: readonly string[], ctx: CliContext, globals: GlobalOptions): CliResult {
  const topLevel = [...CORE_COMMANDS, ...topLevelCommands(ctx.world.serviceNames())].find((c) => c.name === command);
  if (topLevel) return topLevel.run(extras, ctx, globals);
  const serviceName = serviceForCommand(command, ctx.world.serviceNames());
  const definition = serviceName ? ctx.world.service(serviceName) : undefined;
  if (!serviceName || !definition) throw generalFailure(`awslab internal error: no service behind aws ${command}`);
  return runService(command, serviceName, definition.model, extras, ctx, globals);
}

/** top-level-args-parsed handlers (customizations/globalargs.py), in their order. */
function resolveGlobals(values: Record<string, unknown>, ctx: CliContext): GlobalOptions {
  const query = typeof values.query === 'string' ? values.query : undefined;
  if (query !== undefined) checkQuery(query);
  const endpointUrl = typeof values.endpoint_url === 'string' ? values.endpoint_url : undefined;
  if (endpointUrl !== undefined && !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(endpointUrl)) {
    throw paramFailure(`Bad value for --endpoint-url "${endpointUrl}": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/`);
  }
  // `--region ''` reaches botocore as an empty region, as in the CLI.
  const region = typeof values.region === 'string' ? values.region : ctx.defaultRegion;
  return {
    region,
    output: (values.output as OutputFormat | null) ?? 'json',
    ...(query !== undefined ? { query } : {}),
    paginate: values.paginate !== false,
    errorFormat: (values.cli_error_format as ErrorFormat | null) ?? 'enhanced',
    ...(endpointUrl !== undefined ? { endpointUrl } : {}),
    ...(typeof values.profile === 'string' ? { profile: values.profile } : {}),
    debug: values.debug === true,
    verifySsl: values.verify_ssl !== false,
    signRequest: values.sign_request !== false,
    color: (values.color as GlobalOptions['color']) ?? 'auto',
    cliBinaryFormat: (values.cli_binary_format as GlobalOptions['cliBinaryFormat'] | null) ?? 'base64',
    readTimeoutSeconds: timeout(values.read_timeout),
    connectTimeoutSeconds: timeout(values.connect_timeout),
    noCliPager: values.no_cli_pager === true,
  };
}

/** _resolve_timeout: int(value), 60 when not given. */
function timeout(value: unknown): number {
  return typeof value === 'string' ? pyInt(value) : 60;
}

/** The CLI compiles --query before anything else runs (globalargs.py _resolve_query). */
function checkQuery(query: string): void {
  try {
    validateQuery(query);
  } catch (error) {
    if (error instanceof QueryError) throw queryFailure(error.message, query);
    throw error;
  }
}

function runProviderHelp(args: readonly string[], ctx: CliContext): CliResult {
  const services = ctx.world.serviceNames();
  const topLevel = [...CORE_COMMANDS, ...topLevelCommands(services)];
  const listed = commandNames(ctx)
    .filter((name) => name !== 'help')
    .map((name) => {
      const serviceName = serviceForCommand(name, services);
      const model = serviceName ? ctx.world.service(serviceName)?.model : undefined;
      return { command: name, title: topLevel.find((c) => c.name === name)?.title ?? model?.metadata.serviceFullName ?? '' };
    });
  if (args.length > 0 && !(args.length === 1 && args[0] === 'help')) {
    const topics = Object.keys(HELP_TOPICS);
    const parsed = new ArgumentParser([{ optionStrings: [], dest: 'subcommand', kind: 'store', nargs: '?', required: false, default: null, choices: topics }]).parseKnownArgs(args);
    const topic = parsed.values.subcommand;
    if (typeof topic === 'string') return { exitCode: EXIT.ok, stdout: HELP_TOPICS[topic] ?? '', stderr: '' };
  }
  return { exitCode: EXIT.ok, stdout: providerHelp(listed), stderr: '' };
}

/**
 * `aws <service> …`: the service's command table is its operations, then the commands its
 * customisation adds, then `wait` when its model has waiters (waiters.py add_waiters).
 */
function runService(command: string, serviceName: string, model: ServiceModel, args: readonly string[], ctx: CliContext, globals: GlobalOptions): CliResult {
  const operations = Object.keys(model.operations);
  const names = operations.map(operationCliName);
  const extra = customisationFor(serviceName)?.serviceCommands ?? [];
  const added = [...extra.map((c) => c.name), ...(waiterNames(model).length > 0 ? ['wait'] : [])];
  const parser = new ArgumentParser([{ optionStrings: [], dest: 'operation', kind: 'store', required: true, default: null, choices: [...names, ...added, 'help'] }]);
  const parsed = parser.parseKnownArgs(args);
  const name = String(parsed.values.operation);
  // The help page lists the command table sorted (clidocs.py).
  if (name === 'help') return { exitCode: EXIT.ok, stdout: serviceHelp(command, model, [...names, ...added].sort()), stderr: '' };
  const custom = extra.find((c) => c.name === name);
  if (custom) return custom.run(parsed.extras, ctx, globals);
  if (name === 'wait') return runWait(command, serviceName, model, parsed.extras, ctx, globals);
  const operation = operations[names.indexOf(name)] ?? '';
  return runOperation({ ctx, globals, command, serviceName, model, operation, cliOperation: name }, parsed.extras);
}

/** `aws <service> wait <waiter> …` (waiters.py WaitCommand): the waiter's arguments are its operation's. */
function runWait(command: string, serviceName: string, model: ServiceModel, args: readonly string[], ctx: CliContext, globals: GlobalOptions): CliResult {
  const waiters = waiterNames(model);
  if (args.length === 1 && args[0] === 'help') return { exitCode: EXIT.ok, stdout: waitHelp(waiters.map(waiterCliName)), stderr: '' };
  const chosen = parseWaitCommand(command, model, args);
  const config = model.waiters?.[chosen.waiter];
  if (!config) throw generalFailure(`awslab internal error: ${serviceName} has no waiter ${chosen.waiter}`);
  const waiter = { name: chosen.waiter, config };
  return runOperation({ ctx, globals, command, serviceName, model, operation: config.operation, cliOperation: waiterCliName(chosen.waiter), waiter }, chosen.args);
}
