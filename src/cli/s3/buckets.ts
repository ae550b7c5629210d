import { paramFailure } from '../errors.js';
import { EXIT, type CliResult } from '../types.js';
import type { CommandArgs } from './arguments.js';
import { exceptionText, type S3Client } from './client.js';
import { splitS3BucketKey } from './paths.js';

/**
 * `aws s3 mb` and `aws s3 rb` (subcommands.py MbCommand, RbCommand). Any failure of the
 * one call is printed after "make_bucket failed: <path>" and exits 1.
 * https://docs.aws.amazon.com/cli/latest/reference/s3/mb.html
 * https://docs.aws.amazon.com/cli/latest/reference/s3/rb.html
 */
function bucketOf(path: string): string {
  if (!path.startsWith('s3://')) throw paramFailure('<S3Uri>\nError: Invalid argument type');
  return splitS3BucketKey(path)[0];
}

/** Outside us-east-1 the bucket is created in the client's region, which CreateBucket must name. */
export function runMakeBucket(args: CommandArgs, client: S3Client): CliResult {
  const path = args.text('path') ?? '';
  const bucket = bucketOf(path);
  const params: Record<string, unknown> = { Bucket: bucket };
  if (client.region !== 'us-east-1') params.CreateBucketConfiguration = { LocationConstraint: client.region };
  try {
    client.call('CreateBucket', params);
    return { exitCode: EXIT.ok, stdout: `make_bucket: ${bucket}\n`, stderr: '' };
  } catch (error) {
    return { exitCode: 1, stdout: '', stderr: `make_bucket failed: ${path} ${exceptionText(error)}\n` };
  }
}

/**
 * --force first runs `aws s3 rm <path> --recursive` (whose lines are printed as it goes);
 * if any delete failed, the bucket is left alone. Delete markers and older versions are
 * not removed, so a versioned bucket stays non-empty.
 */
export function runRemoveBucket(args: CommandArgs, client: S3Client, removeAll: (path: string) => CliResult): CliResult {
  const path = args.text('path') ?? '';
  const [bucket, key] = [bucketOf(path), splitS3BucketKey(path)[1]];
  if (key) throw paramFailure(`Please specify a valid bucket name only. E.g. s3://${bucket}`);
  let stdout = '';
  let stderr = '';
  if (args.flag('force')) {
    const removed = removeAll(path);
    stdout += removed.stdout;
    stderr += removed.stderr;
    if (removed.exitCode !== 0) {
      const message = 'remove_bucket failed: Unable to delete all objects in the bucket, bucket will not be deleted.';
      return { exitCode: EXIT.general, stdout, stderr: `${stderr}\n${message}\n` };
    }
  }
  try {
    client.call('DeleteBucket', { Bucket: bucket });
    return { exitCode: EXIT.ok, stdout: `${stdout}remove_bucket: ${bucket}\n`, stderr };
  } catch (error) {
    return { exitCode: 1, stdout, stderr: `${stderr}remove_bucket failed: ${path} ${exceptionText(error)}\n` };
  }
}
