import type { ServiceModel } from '../runtime/model.js';
import { ArgParseError, ArgumentParser, VersionRequested } from './argparse.js';
import { CliFailure, generalFailure, paramFailure, queryFailure, usageFailure } from './errors.js';
import { globalActions, type GlobalOptions } from './globals.js';
import { HELP_TOPICS, providerHelp, serviceHelp } from './help.js';
import { cliServiceName, operationCliName, serviceForCommand } from './names.js';
import { runOperation } from './operation.js';
import { FormatError, QueryError, validateQuery, type ErrorFormat, type OutputFormat } from './output/index.js';
import { PythonError, pyInt } from './python.js';
import { runHighLevelS3 } from './s3/index.js';
import { EXIT, type CliContext, type CliResult } from './types.js';

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

/** The `aws` commands, in the CLI's order: botocore services sorted, s3api and s3 renamed to the end, help. */
export function commandNames(ctx: Pick<CliContext, 'world'>): string[] {
  const services = ctx.world.serviceNames();
  const names = services.filter((name) => name !== 's3').map(cliServiceName).sort();
  if (services.includes('s3')) names.push('s3api', 's3');
  names.push('help');
  return names;
}

function runMain(argv: readonly string[], ctx: CliContext): CliResult {
  const commands = commandNames(ctx);
  const parsed = new ArgumentParser(globalActions(commands)).parseKnownArgs(argv);
  const globals = resolveGlobals(parsed.values, ctx);
  const command = String(parsed.values.command);
  if (command === 'help') return runProviderHelp(parsed.extras, ctx);
  if (command === 's3') return runHighLevelS3(parsed.extras, ctx, globals);
  const serviceName = serviceForCommand(command, ctx.world.serviceNames());
  const definition = serviceName ? ctx.world.service(serviceName) : undefined;
  if (!serviceName || !definition) throw generalFailure(`awslab internal error: no service behind aws ${command}`);
  return runService(command, serviceName, definition.model, parsed.extras, ctx, globals);
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
  const listed = commandNames(ctx)
    .filter((name) => name !== 'help')
    .map((name) => {
      const serviceName = serviceForCommand(name, services);
      const model = serviceName ? ctx.world.service(serviceName)?.model : undefined;
      return { command: name, title: name === 's3' ? 'high-level S3 commands' : (model?.metadata.serviceFullName ?? '') };
    });
  if (args.length > 0 && !(args.length === 1 && args[0] === 'help')) {
    const topics = Object.keys(HELP_TOPICS);
    const parsed = new ArgumentParser([{ optionStrings: [], dest: 'subcommand', kind: 'store', nargs: '?', required: false, default: null, choices: topics }]).parseKnownArgs(args);
    const topic = parsed.values.subcommand;
    if (typeof topic === 'string') return { exitCode: EXIT.ok, stdout: HELP_TOPICS[topic] ?? '', stderr: '' };
  }
  return { exitCode: EXIT.ok, stdout: providerHelp(listed), stderr: '' };
}

function runService(command: string, serviceName: string, model: ServiceModel, args: readonly string[], ctx: CliContext, globals: GlobalOptions): CliResult {
  const operations = Object.keys(model.operations);
  const names = operations.map(operationCliName);
  const parser = new ArgumentParser([{ optionStrings: [], dest: 'operation', kind: 'store', required: true, default: null, choices: [...names, 'help'] }]);
  const parsed = parser.parseKnownArgs(args);
  const name = String(parsed.values.operation);
  if (name === 'help') return { exitCode: EXIT.ok, stdout: serviceHelp(command, model, names), stderr: '' };
  const operation = operations[names.indexOf(name)] ?? '';
  return runOperation({ ctx, globals, command, serviceName, model, operation, cliOperation: name }, parsed.extras);
}
