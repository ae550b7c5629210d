import { generalFailure, paramFailure } from '../errors.js';
import type { CliContext, CliResult } from '../types.js';
import type { CommandArgs } from './arguments.js';
import { S3Client } from './client.js';
import { generateFiles, type FileInfo, type GeneratorOptions, type Operation } from './file-generator.js';
import { Filter } from './filters.js';
import { absolutePath, LearnerFolder } from './learner-folder.js';
import { destinationOf, findBucketKey, formatPaths, type FormattedPaths } from './paths.js';
import { headObjectParams, listObjectsParams } from './request-params.js';
import { TransferResults, type PrintMode } from './results.js';
import { compareFiles } from './sync-strategy.js';
import { TransferRunner } from './transfer.js';

/**
 * `aws s3 cp`, `mv`, `rm` and `sync` (subcommands.py S3TransferCommand, CommandParameters
 * and CommandArchitecture): check the paths, list the files, filter them, compare them
 * for sync, and transfer them one by one, in order.
 * https://docs.aws.amazon.com/cli/latest/reference/s3/cp.html
 */
export type TransferCommand = 'cp' | 'mv' | 'rm' | 'sync';

const USAGES: Readonly<Record<TransferCommand, string>> = {
  cp: '<LocalPath> <S3Uri> or <S3Uri> <LocalPath> or <S3Uri> <S3Uri>',
  mv: '<LocalPath> <S3Uri> or <S3Uri> <LocalPath> or <S3Uri> <S3Uri>',
  rm: '<S3Uri>',
  sync: '<LocalPath> <S3Uri> or <S3Uri> <LocalPath> or <S3Uri> <S3Uri>',
};

const ALLOWED_PATH_TYPES: Readonly<Record<string, readonly TransferCommand[]>> = {
  s3s3: ['cp', 'sync', 'mv'],
  s3local: ['cp', 'sync', 'mv'],
  locals3: ['cp', 'sync', 'mv'],
  s3: ['rm'],
};

const OPERATIONS: Readonly<Record<string, Operation>> = { locals3: 'upload', s3s3: 'copy', s3local: 'download', s3: 'delete' };

interface Setup {
  readonly src: string;
  readonly dest: string;
  readonly pathsType: string;
  readonly dirOp: boolean;
  readonly isStream: boolean;
  /** The local folder a recursive download makes before it starts. */
  readonly createdDirectory?: string;
}

export function runTransferCommand(command: TransferCommand, args: CommandArgs, ctx: CliContext, client: S3Client): CliResult {
  const folder = new LearnerFolder(ctx.files, () => ctx.world.nowMs);
  const setup = checkParameters(command, args, folder);
  const sourceRegion = args.text('source_region');
  const sourceClient = sourceRegion ? new S3Client(ctx, sourceRegion) : client;
  const mode: PrintMode = args.flag('quiet') ? 'none' : args.flag('only_show_errors') || setup.isStream ? 'errors' : 'all';
  const results = new TransferResults(mode);
  const runner = new TransferRunner({ client, sourceClient, folder, args, results, isMove: command === 'mv', isStream: setup.isStream });
  const files = formatPaths(setup.src, setup.dest, setup.dirOp, folder);
  const operation = OPERATIONS[setup.pathsType] ?? '';
  try {
    if (setup.isStream) {
      runner.submit(streamFile(files, operation));
    } else {
      const source: GeneratorOptions = {
        client: sourceClient, folder, results, operation, pageSize: args.pageSize,
        headParams: headObjectParams(args, setup.pathsType === 's3s3'), listParams: listObjectsParams(args),
      };
      const filter = new Filter(args.filters, setup.src, setup.dest, setup.dirOp);
      let pipeline = filter.apply(generateFiles(files, source));
      if (command === 'sync') pipeline = compareFiles(pipeline, destinationFiles(setup, args, { ...source, client }, folder), syncOptions(args));
      for (const file of pipeline) runner.submit(file);
    }
  } catch (error) {
    results.fatal(error);
  }
  return { exitCode: results.exitCode, stdout: results.stdout, stderr: results.stderr };
}

/** The destination side of a sync: listed like a source, with the same filters. */
function destinationFiles(setup: Setup, args: CommandArgs, options: GeneratorOptions, folder: LearnerFolder): Generator<FileInfo> {
  const reverse = formatPaths(setup.dest, setup.src, setup.dirOp, folder);
  const listing: GeneratorOptions = {
    ...options,
    operation: '',
    headParams: headObjectParams(args, false),
    ...(setup.createdDirectory !== undefined ? { createdDirectory: setup.createdDirectory } : {}),
  };
  return new Filter(args.filters, setup.src, setup.dest, setup.dirOp).apply(generateFiles(reverse, listing));
}

function syncOptions(args: CommandArgs) {
  return { sizeOnly: args.flag('size_only'), exactTimestamps: args.flag('exact_timestamps'), delete: args.flag('delete') };
}

/** A `-` transfer has no listing: one file, straight to the transfer. */
function streamFile(files: FormattedPaths, operation: Operation): FileInfo {
  const { dest, compareKey } = destinationOf(files, files.src.path);
  return {
    src: files.src.path, dest, compareKey, srcType: files.src.type, destType: files.dest.type,
    operation, size: undefined, lastModifiedMs: undefined,
  };
}

/** CommandParameters: the checks made before anything is listed, in the CLI's order. */
function checkParameters(command: TransferCommand, args: CommandArgs, folder: LearnerFolder): Setup {
  const paths = args.list('paths').map((path) => (path.startsWith('s3://') && !findBucketKey(path.slice(5))[1] && !path.endsWith('/') ? `${path}/` : path));
  const pathsType = paths.map((path) => (path.startsWith('s3://') ? 's3' : 'local')).join('');
  if (!ALLOWED_PATH_TYPES[pathsType]?.includes(command)) throw paramFailure(`usage: aws s3 ${command} ${USAGES[command]}\nError: Invalid argument type`);
  const src = paths[0] ?? '';
  const dest = paths[1] ?? src;
  let dirOp = command === 'sync' || args.flag('dir_op');
  const isStream = src === '-' || dest === '-';
  if (isStream) {
    if (command !== 'cp' || dirOp) throw paramFailure('Streaming currently is only compatible with non-recursive cp commands');
    dirOp = false;
  }
  if (command === 'mv' && isSamePath(pathsType, src, dest)) throw paramFailure(`Cannot mv a file onto itself: '${src}' - '${dest}'`);
  let createdDirectory: string | undefined;
  if (pathsType === 'locals3' && !isStream && !folder.exists(absolutePath(src) + (src.endsWith('/') ? '/' : ''))) {
    throw generalFailure(`The user-provided path ${src} does not exist.`);
  }
  if (pathsType === 's3local' && dirOp && !folder.exists(absolutePath(dest))) createdDirectory = absolutePath(dest);
  checkSseCustomerArgs(args, pathsType);
  return { src, dest, pathsType, dirOp, isStream, ...(createdDirectory !== undefined ? { createdDirectory } : {}) };
}

/** _same_path: only S3-to-S3 moves are checked, and `s3://b/k` onto `s3://b/` is the same place. */
function isSamePath(pathsType: string, src: string, dest: string): boolean {
  if (pathsType !== 's3s3') return false;
  if (src === dest) return true;
  if (!dest.endsWith('/')) return false;
  return src === dest + (src.split('/').pop() ?? '');
}

/** _validate_sse_c_args. */
function checkSseCustomerArgs(args: CommandArgs, pathsType: string): void {
  for (const kind of ['sse_c', 'sse_c_copy_source']) {
    const option = `--${kind.replace(/_/g, '-')}`;
    if (args.text(kind) && !args.text(`${kind}_key`)) throw paramFailure(`If ${option} is specified, ${option}-key must be specified as well.`);
    if (args.text(`${kind}_key`) && !args.text(kind)) throw paramFailure(`If ${option}-key is specified, ${option} must be specified as well.`);
  }
  if (args.text('sse_c_copy_source') && pathsType !== 's3s3') throw paramFailure('--sse-c-copy-source is only supported for copy operations.');
}
