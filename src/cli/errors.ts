import { EXIT } from './types.js';

/**
 * The CLI's failures and the exact stderr each prints (awscli/errorhandler.py): every
 * handler writes a blank line, the message and a newline; parse errors add the usage
 * banner. The exit code says which kind of failure it was.
 */
export class CliFailure extends Error {
  constructor(message: string, readonly stderr: string, readonly exitCode: number) {
    super(message);
    this.name = 'CliFailure';
  }
}

const HELP_BLURB = 'To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n';

/** awscli/argparser.py USAGE. */
export const USAGE = `aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n${HELP_BLURB}`;

/** argparse's format_usage(): "usage: " + USAGE with its trailing newlines trimmed to one. */
const FORMATTED_USAGE = `usage: ${USAGE.replace(/\n+$/, '')}\n`;

/** An argparse error (CLIArgParser.error): usage banner, then `aws: error: …` (exit 252). */
export function usageFailure(message: string): CliFailure {
  return new CliFailure(message, `\n${FORMATTED_USAGE}\naws: error: ${message}\n\n`, EXIT.usage);
}

/** Words no parser claimed (ServiceOperation.__call__ → UnknownArgumentErrorHandler, exit 252). */
export function unknownOptionsFailure(words: readonly string[]): CliFailure {
  const message = `Unknown options: ${words.join(', ')}`;
  return new CliFailure(message, `\nusage: ${USAGE}\n${message}\n\n`, EXIT.usage);
}

/** ParamError, ParamSyntaxError and both ParamValidationErrors: the message alone (exit 252). */
export function paramFailure(message: string): CliFailure {
  return new CliFailure(message, `\n${message}\n`, EXIT.usage);
}

/** argprocess.ParamError: `Error parsing parameter '--x': …` (exit 252). */
export function paramError(cliName: string, message: string): CliFailure {
  return paramFailure(`Error parsing parameter '${cliName}': ${message}`);
}

/** botocore's ParamValidationError, raised before any request is sent (exit 252). */
export function validationFailure(report: string): CliFailure {
  return paramFailure(`Parameter validation failed:\n${report}`);
}

/** Any other exception: GeneralExceptionHandler prints its text (exit 255). */
export function generalFailure(message: string): CliFailure {
  return new CliFailure(message, `\n${message}\n`, EXIT.general);
}

/** A bad --query (globalargs.py _resolve_query): `Bad value for --query <q>: <why>` (exit 252). */
export function queryFailure(message: string, query: string): CliFailure {
  return paramFailure(message.startsWith('Bad value for --query') ? message : `Bad value for --query ${query}: ${message}`);
}
