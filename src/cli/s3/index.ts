import { ArgParseError, ArgumentParser } from '../python/argparse.js';
import { CliFailure, generalFailure, paramFailure, usageFailure } from '../errors.js';
import type { GlobalOptions } from '../globals.js';
import { formatServiceError } from '../output/index.js';
import { PythonError } from '../python/builtins.js';
import { EXIT, type CliContext, type CliResult } from '../types.js';
import { parseCommandArgs } from './arguments.js';
import { runMakeBucket, runRemoveBucket } from './buckets.js';
import { ClientError, S3Client } from './client.js';
import { s3CommandHelp, s3Help } from './help.js';
import { runList } from './listing.js';
import { runTransferCommand, type TransferCommand } from './transfer-command.js';

/**
 * `aws s3 …`, the high-level S3 commands (awscli/customizations/s3/): ls, cp, mv, rm, sync,
 * mb and rb, against the simulated S3 and the learner's folder, printing what the AWS CLI
 * v2 prints. The driver hands over the words after `aws s3` with the global options taken
 * out. https://docs.aws.amazon.com/cli/latest/reference/s3/
 */
export const S3_SUBCOMMANDS: readonly string[] = ['ls', 'website', 'cp', 'mv', 'rm', 'sync', 'mb', 'rb', 'presign'];

export function runHighLevelS3(argv: readonly string[], ctx: CliContext, globals: GlobalOptions): CliResult {
  try {
    return runS3(argv, ctx, globals);
  } catch (error) {
    return failure(error, globals, ctx);
  }
}

function runS3(argv: readonly string[], ctx: CliContext, globals: GlobalOptions): CliResult {
  if (argv.length === 1 && argv[0] === 'help') return { exitCode: EXIT.ok, stdout: s3Help(), stderr: '' };
  // SubCommandArgParser: the first word that is not an option names the subcommand.
  const parser = new ArgumentParser([{ optionStrings: [], dest: 'subcommand', kind: 'store', nargs: '?', required: false, default: null, choices: [...S3_SUBCOMMANDS] }]);
  const subcommand = parser.parseKnownArgs(argv).values.subcommand;
  if (typeof subcommand !== 'string') throw paramFailure('usage: aws [options] s3 <subcommand> [parameters]\naws: error: too few arguments');
  const args = [...argv];
  args.splice(args.indexOf(subcommand), 1);
  return runSubcommand(subcommand, args, ctx, globals);
}

function runSubcommand(command: string, words: readonly string[], ctx: CliContext, globals: GlobalOptions): CliResult {
  if (words.length === 1 && words[0] === 'help') return { exitCode: EXIT.ok, stdout: s3CommandHelp(command), stderr: '' };
  if (command === 'website' || command === 'presign') {
    throw generalFailure(`awslab does not simulate aws s3 ${command}: ${command === 'website' ? 'static website hosting' : 'presigned URLs'} are not part of the simulated S3 yet.`);
  }
  const args = parseCommandArgs(command, words, ctx);
  const client = new S3Client(ctx, globals.region);
  switch (command) {
    case 'ls':
      return runList(args, client);
    case 'mb':
      return runMakeBucket(args, client);
    case 'rb':
      return runRemoveBucket(args, client, (path) => runSubcommand('rm', [path, '--recursive'], ctx, globals));
    default:
      return runTransferCommand(command as TransferCommand, args, ctx, client);
  }
}

/** What the CLI's error handlers print for an exception that leaves a command. */
function failure(error: unknown, globals: GlobalOptions, ctx: CliContext): CliResult {
  if (error instanceof ClientError) {
    const model = ctx.world.service('s3')?.model;
    if (model) {
      const stderr = formatServiceError(error.error, error.operation, {
        format: globals.errorFormat,
        model,
        ...(ctx.columns !== undefined ? { columns: ctx.columns } : {}),
      });
      return { exitCode: EXIT.service, stdout: '', stderr };
    }
  }
  if (error instanceof ArgParseError) return failure(usageFailure(error.message), globals, ctx);
  if (error instanceof PythonError) return failure(generalFailure(error.message), globals, ctx);
  if (error instanceof CliFailure) return { exitCode: error.exitCode, stdout: '', stderr: error.stderr };
  throw error;
}
