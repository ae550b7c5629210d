import { AwsError } from '../runtime/errors.js';
import type { ServiceModel } from '../runtime/model.js';
import { ArgumentParser } from './python/argparse.js';
import { buildArguments, operationActions, type OperationArguments } from './arguments.js';
import { buildCallParameters } from './call-parameters.js';
import { generalFailure, queryFailure, unknownOptionsFailure } from './errors.js';
import type { GlobalOptions } from './globals.js';
import { operationHelp } from './help.js';
import { checkRegion, invoke, prepareCall, type InvokeContext } from './invoke.js';
import { QueryError, formatServiceError, renderResponse, serviceErrorSummary } from './output/index.js';
import { isPlainObject, shapeOf } from './shapes.js';
import { PyFloat } from './python/builtins.js';
import { normalisePath } from '../lib/path.js';
import { jsonSkeleton, skeletonValue, yamlSkeleton } from './skeleton.js';
import { customisationFor } from './services/index.js';
import { EXIT, type CliContext, type CliResult } from './types.js';
import { runWaiter, waiterDescription } from './wait.js';
import type { Waiter } from '../runtime/model.js';

/**
 * One operation command, `aws s3api put-bucket-versioning …` (clidriver.py
 * ServiceOperation and CLIOperationCaller): parse its parameters, build the call,
 * call the simulated service (page by page when it paginates), save a streaming body
 * to the outfile, and print the response or the service's error.
 */
export interface OperationRun {
  readonly ctx: CliContext;
  readonly globals: GlobalOptions;
  /** `s3api` */
  readonly command: string;
  /** botocore's name, `s3` */
  readonly serviceName: string;
  readonly model: ServiceModel;
  /** `PutBucketVersioning` */
  readonly operation: string;
  /** `put-bucket-versioning`, or the waiter's name (`bucket-exists`) under `wait` */
  readonly cliOperation: string;
  /** Set for `aws <service> wait <waiter>`: the waiter, polling `operation`. */
  readonly waiter?: { readonly name: string; readonly config: Waiter };
}

/** OverrideRequiredArgsArgument: with these, nothing is required on the command line. */
function overridesRequired(table: OperationArguments, args: readonly string[]): boolean {
  const names = new Set(table.arguments.map((a) => a.name));
  if (names.has('cli-input-json') && (args.includes('--cli-input-json') || args.includes('--cli-input-yaml'))) return true;
  const skeleton = args.indexOf('--generate-cli-skeleton');
  return names.has('generate-cli-skeleton') && skeleton >= 0 && args[skeleton + 1] !== 'output';
}

export function runOperation(run: OperationRun, args: readonly string[]): CliResult {
  const model = run.model.operations[run.operation];
  if (!model) throw generalFailure(`awslab internal error: ${run.serviceName} has no operation ${run.operation}`);
  const table = buildArguments(run.model, run.command, model, run.serviceName);
  // WaiterStateCommand.create_help_command: the waiter's description, and no output.
  const shown = run.waiter ? { ...model, documentation: waiterDescription(run.waiter.config), output: undefined } : model;
  const help = (): CliResult => ({ exitCode: EXIT.ok, stdout: operationHelp(run.cliOperation, run.model, shown, table.arguments, run.serviceName), stderr: '' });
  if (args.length === 1 && args[0] === 'help') return help();
  const parsed = new ArgumentParser(operationActions(table.arguments, overridesRequired(table, args))).parseKnownArgs(args);
  const extras = [...parsed.extras];
  if (parsed.values.help === 'help') return help();
  if (typeof parsed.values.help === 'string') extras.push(parsed.values.help);
  if (extras.length > 0) throw unknownOptionsFailure(extras);
  customisationFor(run.serviceName)?.argumentsParsed?.(run.operation, parsed.values);
  const call = buildCallParameters(
    { model: run.model, serviceName: run.serviceName, operation: run.cliOperation, files: run.ctx.files },
    table,
    parsed.values,
    run.globals.paginate,
  );
  const invokeContext: InvokeContext = {
    world: run.ctx.world,
    serviceName: run.serviceName,
    command: run.command,
    model: run.model,
    operation: run.operation,
    region: run.globals.region,
    ...(run.ctx.caller ? { caller: run.ctx.caller } : {}),
    ...(run.ctx.identity ? { identity: run.ctx.identity } : {}),
    decodeBase64Blobs: run.globals.cliBinaryFormat === 'base64',
  };
  if (call.skeleton !== undefined) return skeleton(run, invokeContext, call.skeleton, call.params);
  if (run.waiter) return runWaiter(run.waiter.name, run.waiter.config, invokeContext, call.params);
  let response: Record<string, unknown>;
  try {
    response = invoke(invokeContext, call.params, call.paginate, table.paginator);
  } catch (error) {
    if (error instanceof AwsError) return serviceError(run, error);
    throw error;
  }
  const streamed = table.streamingOutput && call.outfile !== undefined ? saveStreamingBody(run, table.streamingOutput, call.outfile, response) : '';
  const printed = format(run, response, call.paginate && table.paginator !== undefined);
  return { exitCode: EXIT.ok, stdout: streamed + printed.stdout, stderr: '', response: printed.value === undefined ? {} : { value: printed.value } };
}

function serviceError(run: OperationRun, error: AwsError): CliResult {
  const stderr = formatServiceError(error, run.operation, {
    format: run.globals.errorFormat,
    model: run.model,
    ...(run.ctx.columns !== undefined ? { columns: run.ctx.columns } : {}),
  });
  return { exitCode: EXIT.service, stdout: '', stderr, response: { error: serviceErrorSummary(error, run.operation, run.model) } };
}

/** `paginated`: whether the CLI paged the call, which changes how text output is cut. */
function format(run: OperationRun, response: Record<string, unknown>, paginated: boolean): { stdout: string; value?: unknown } {
  try {
    return renderResponse(response, {
      format: run.globals.output,
      paginated,
      ...(run.globals.query !== undefined ? { query: run.globals.query } : {}),
      model: run.model,
      operation: run.operation,
      ...(run.ctx.columns !== undefined ? { columns: run.ctx.columns } : {}),
    });
  } catch (error) {
    if (error instanceof QueryError) throw queryFailure(error.message, run.globals.query ?? '');
    throw error;
  }
}

/**
 * StreamingOutputArgument.save_file: the body goes to the outfile, not to the output.
 * `/dev/stdout` and `/dev/null` behave as they would on Linux. Returns text for stdout.
 */
function saveStreamingBody(run: OperationRun, member: string, outfile: string, response: Record<string, unknown>): string {
  if (!Object.hasOwn(response, member)) return '';
  const body = response[member];
  delete response[member];
  const data = body instanceof Uint8Array ? body : new TextEncoder().encode(typeof body === 'string' ? body : '');
  if (outfile === '/dev/null') return '';
  if (outfile === '/dev/stdout') return new TextDecoder().decode(data);
  const path = normalisePath(outfile);
  if (outfile === '') throw generalFailure("[Errno 2] No such file or directory: ''");
  if (path === '' || outfile.endsWith('/') || run.ctx.files.list().some((file) => file.startsWith(`${path}/`))) {
    throw generalFailure(`[Errno 21] Is a directory: '${outfile}'`);
  }
  run.ctx.files.writeFile(path, data);
  return '';
}

/** --generate-cli-skeleton: sample input, or sample output after the input is validated. */
function skeleton(run: OperationRun, ctx: InvokeContext, kind: string, params: Record<string, unknown>): CliResult {
  const operation = run.model.operations[run.operation];
  const input = operation?.input ? shapeOf(run.model, operation.input.shape) : undefined;
  if (kind === 'input') {
    const value = input ? skeletonValue(run.model, input, false) : {};
    return { exitCode: EXIT.ok, stdout: `${jsonSkeleton(value)}\n`, stderr: '' };
  }
  if (kind === 'yaml-input') {
    return { exitCode: EXIT.ok, stdout: `${input ? yamlSkeleton(run.model, input) : '{}'}\n`, stderr: '' };
  }
  checkRegion(ctx.region, run.model);
  prepareCall(ctx, params);
  const output = operation?.output ? shapeOf(run.model, operation.output.shape) : undefined;
  const fake = output ? (forFormatter(skeletonValue(run.model, output, true)) as Record<string, unknown>) : {};
  // StubbedCLIOperationCaller calls the client method directly: never paginated.
  return { exitCode: EXIT.ok, stdout: format(run, fake, false).stdout, stderr: '' };
}

/**
 * The formatter takes runtime values: plain numbers rather than the parser's PyFloat, and
 * the skeleton's timestamp is a naive datetime, which the CLI prints without a zone.
 */
function forFormatter(value: unknown): unknown {
  if (value instanceof PyFloat) return value.value;
  if (value instanceof Date) return '1970-01-01T00:00:00';
  if (Array.isArray(value)) return value.map(forFormatter);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forFormatter(v)]));
  return value;
}
