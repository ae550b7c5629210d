import { AwsError } from '../runtime/errors.js';
import type { ServiceModel, Waiter, WaiterAcceptor } from '../runtime/model.js';
import { ArgumentParser } from './python/argparse.js';
import { generalFailure, paramFailure } from './errors.js';
import { invoke, type InvokeContext } from './invoke.js';
import { jmespath } from './lazy-modules.js';
import { xformName } from './names.js';
import { serviceErrorSummary } from './output/index.js';
import { EXIT, type CliResult } from './types.js';

/**
 * `aws <service> wait <waiter> [args]` (awscli/customizations/waiters.py over
 * botocore/waiter.py), for every service whose model has waiters: call the waiter's
 * operation, match the response against its acceptors in order, and between attempts move
 * the simulated world's clock by the waiter's delay instead of sleeping. Success prints
 * nothing; giving up is a WaiterError, which the CLI prints as any other error (exit 255).
 */
export function waiterNames(model: ServiceModel): string[] {
  return Object.keys(model.waiters ?? {});
}

/** The subcommand a waiter is reached by: `BucketExists` → `bucket-exists`. */
export function waiterCliName(waiter: string): string {
  return xformName(waiter, '-');
}

/** The `wait` command's parser: its first word that is not an option names the waiter. */
export function parseWaitCommand(command: string, model: ServiceModel, args: readonly string[]): { waiter: string; args: string[] } {
  const names = waiterNames(model);
  const choices = names.map(waiterCliName);
  const parser = new ArgumentParser([{ optionStrings: [], dest: 'subcommand', kind: 'store', nargs: '?', required: false, default: null, choices }]);
  const subcommand = parser.parseKnownArgs(args).values.subcommand;
  // WaitCommand._run_main → _raise_usage_error
  if (typeof subcommand !== 'string') throw paramFailure(`usage: aws [options] ${command} wait <subcommand> [parameters]\naws: error: too few arguments`);
  const rest = [...args];
  rest.splice(rest.indexOf(subcommand), 1);
  return { waiter: names[choices.indexOf(subcommand)] ?? '', args: rest };
}

/** WaiterStateDocBuilder: the waiter's description, made up from its success acceptor when the model has none. */
export function waiterDescription(waiter: Waiter): string {
  let description = waiter.description ?? '';
  if (!description) {
    description = 'Wait until ';
    const success = waiter.acceptors.find((acceptor) => acceptor.state === 'success');
    if (success) description += successDescription(success);
    description += `when polling with \`\`${xformName(waiter.operation).replace(/_/g, '-')}\`\`.`;
  }
  return `${description} It will poll every ${waiter.delay} seconds until a successful state has been reached. This will exit with a return code of 255 after ${waiter.maxAttempts} failed checks.`;
}

const SUCCESS_DESCRIPTIONS: Readonly<Record<WaiterAcceptor['matcher'], string>> = {
  error: '%s is thrown ',
  path: '%s ',
  pathAll: '%s for all elements ',
  pathAny: '%s for any element ',
  status: '%s response is received ',
};

function successDescription(acceptor: WaiterAcceptor): string {
  let template = SUCCESS_DESCRIPTIONS[acceptor.matcher];
  if (acceptor.matcher === 'path' || acceptor.matcher === 'pathAll' || acceptor.matcher === 'pathAny') {
    template = `JMESPath query ${acceptor.argument ?? ''} returns ${template}`;
  }
  return template.replace('%s', pyText(acceptor.expected));
}

/** Python's %s of a JSON value from the waiter model. */
function pyText(value: unknown): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null) return 'None';
  return String(value);
}

/** AcceptorConfig.explanation. */
function explanation(acceptor: WaiterAcceptor): string {
  const expected = pyText(acceptor.expected);
  switch (acceptor.matcher) {
    case 'path': return `For expression "${acceptor.argument ?? ''}" we matched expected path: "${expected}"`;
    case 'pathAll': return `For expression "${acceptor.argument ?? ''}" all members matched excepted path: "${expected}"`;
    case 'pathAny': return `For expression "${acceptor.argument ?? ''}" we matched expected path: "${expected}" at least once`;
    case 'status': return `Matched expected HTTP status code: ${expected}`;
    case 'error': return `Matched expected service error code: ${expected}`;
  }
}

/** What botocore hands the acceptors: the parsed response, or for a service error its Error and status. */
type WaiterResponse = Record<string, unknown> & { ResponseMetadata: { HTTPStatusCode: number }; Error?: { Code: string; Message: string } };

function matches(acceptor: WaiterAcceptor, response: WaiterResponse): boolean {
  switch (acceptor.matcher) {
    case 'status':
      return response.ResponseMetadata.HTTPStatusCode === acceptor.expected;
    case 'error':
      return response.Error?.Code === acceptor.expected;
    case 'path':
      return !response.Error && equal(search(acceptor, response), acceptor.expected);
    case 'pathAll':
    case 'pathAny': {
      if (response.Error) return false;
      const result = search(acceptor, response);
      // Both need a non-empty list: an empty one matches neither.
      if (!Array.isArray(result) || result.length === 0) return false;
      return acceptor.matcher === 'pathAll' ? result.every((item) => equal(item, acceptor.expected)) : result.some((item) => equal(item, acceptor.expected));
    }
  }
}

function search(acceptor: WaiterAcceptor, response: WaiterResponse): unknown {
  return jmespath().search(response, acceptor.argument ?? '@') as unknown;
}

/** Python's == between a JSON value from the model and a response value. */
function equal(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => equal(item, b[i]));
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
  }
  return a === b;
}

/** One call, as NormalizedOperationMethod gives it to the waiter: a service error is a response too. */
function attempt(ctx: InvokeContext, params: Record<string, unknown>): WaiterResponse {
  const status = ctx.model.operations[ctx.operation]?.http.responseCode ?? 200;
  try {
    return { ...invoke(ctx, { ...params }, false, undefined), ResponseMetadata: { HTTPStatusCode: status } };
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    const { code, message } = serviceErrorSummary(error, ctx.operation, ctx.model);
    return { Error: { Code: code, Message: message }, ResponseMetadata: { HTTPStatusCode: error.status } };
  }
}

/**
 * botocore's Waiter.wait, step for step, including which acceptor the "Previously accepted
 * state" names (the loop variable: the one matched this attempt, else the last acceptor).
 */
export function runWaiter(name: string, waiter: Waiter, ctx: InvokeContext, params: Record<string, unknown>): CliResult {
  let lastMatched: WaiterAcceptor | undefined;
  let attempts = 0;
  for (;;) {
    const response = attempt(ctx, params);
    attempts += 1;
    let state = 'waiting';
    let acceptor: WaiterAcceptor | undefined;
    for (acceptor of waiter.acceptors) {
      if (matches(acceptor, response)) {
        lastMatched = acceptor;
        state = acceptor.state;
        break;
      }
    }
    if (state === 'waiting' && response.Error) {
      throw waiterError(name, `An error occurred (${response.Error.Code}): ${response.Error.Message}`);
    }
    if (state === 'success') return { exitCode: EXIT.ok, stdout: '', stderr: '', response: {} };
    if (state === 'failure') throw waiterError(name, `Waiter encountered a terminal failure state: ${acceptor ? explanation(acceptor) : ''}`);
    if (attempts >= waiter.maxAttempts) {
      const reason = lastMatched === undefined ? 'Max attempts exceeded' : `Max attempts exceeded. Previously accepted state: ${acceptor ? explanation(acceptor) : ''}`;
      throw waiterError(name, reason);
    }
    ctx.world.advance(waiter.delay * 1000);
  }
}

/** botocore.exceptions.WaiterError, printed by the CLI's general handler (exit 255). */
function waiterError(name: string, reason: string): Error {
  return generalFailure(`Waiter ${name} failed: ${reason}`);
}
