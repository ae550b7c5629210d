import { ClientError, type S3Client } from './client.js';
import type { LearnerFolder } from './learner-folder.js';
import { destinationOf, findBucketKey, type FormattedPaths, type PathType } from './paths.js';
import { skipWarning, type TransferResults } from './results.js';

/**
 * The files a command works on (awscli/customizations/s3/filegenerator.py): local files
 * in byte order of their paths, or S3 objects as ListObjectsV2 returns them (a single
 * object is looked up with HeadObject). Generators, as in the CLI: a listing that fails
 * part-way stops the command after what came before it was done.
 */
export type Operation = 'upload' | 'download' | 'copy' | 'delete' | '';

export interface FileInfo {
  /** `bucket/key`, or an absolute local path. */
  readonly src: string;
  readonly dest: string;
  /** The path relative to the source root, which sync matches source and destination by. */
  readonly compareKey: string;
  readonly srcType: PathType;
  readonly destType: PathType;
  /** Sync's --delete turns a destination-only file into a delete. */
  operation: Operation;
  readonly size: number | undefined;
  readonly lastModifiedMs: number | undefined;
  /** An S3 object's StorageClass and Restore, for the Glacier check. */
  readonly storageClass?: string;
  readonly restore?: string;
  /** A local directory given without --recursive: its upload fails as Python's open() does. */
  readonly isDirectory?: boolean;
}

interface Listed {
  path: string;
  size: number | undefined;
  lastModifiedMs: number | undefined;
  storageClass?: string;
  restore?: string;
  isDirectory?: boolean;
}

export interface GeneratorOptions {
  readonly client: S3Client;
  readonly folder: LearnerFolder;
  readonly results: TransferResults;
  readonly operation: Operation;
  readonly pageSize: number | undefined;
  /** Extra HeadObject and ListObjectsV2 parameters (requester pays, SSE-C keys). */
  readonly headParams: Record<string, unknown>;
  readonly listParams: Record<string, unknown>;
  /** The local folder a recursive download created first (os.makedirs): empty, not missing. */
  readonly createdDirectory?: string;
}

function timeMs(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  return typeof value === 'number' ? value : undefined;
}

export function* generateFiles(files: FormattedPaths, options: GeneratorOptions): Generator<FileInfo> {
  const listing = files.src.type === 's3' ? listObjects(files.src.path, files.dirOp, options) : listLocal(files.src.path, files.dirOp, options);
  for (const item of listing) {
    const { dest, compareKey } = destinationOf(files, item.path);
    yield {
      src: item.path,
      dest,
      compareKey,
      srcType: files.src.type,
      destType: files.dest.type,
      operation: options.operation,
      size: item.size,
      lastModifiedMs: item.lastModifiedMs,
      ...(item.storageClass !== undefined ? { storageClass: item.storageClass } : {}),
      ...(item.restore !== undefined ? { restore: item.restore } : {}),
      ...(item.isDirectory ? { isDirectory: true } : {}),
    };
  }
}

/** list_files: a missing path is skipped with a warning (exit code 2). */
function* listLocal(path: string, dirOp: boolean, options: GeneratorOptions): Generator<Listed> {
  const { folder, results } = options;
  if (!folder.exists(path)) {
    if (options.createdDirectory !== undefined && path.replace(/\/+$/, '') === options.createdDirectory) return;
    results.warning(skipWarning(path, 'File does not exist.'));
    return;
  }
  if (!dirOp) {
    const stat = folder.stat(path);
    // os.stat of a directory works; opening it for the upload is what fails.
    yield stat ? { path, ...statOf(stat) } : { path, size: 4096, lastModifiedMs: undefined, isDirectory: true };
    return;
  }
  for (const file of folder.filesUnder(path)) {
    const stat = folder.stat(file);
    if (stat) yield { path: file, ...statOf(stat) };
  }
}

function statOf(stat: { size: number; modifiedMs: number }): { size: number; lastModifiedMs: number } {
  return { size: stat.size, lastModifiedMs: stat.modifiedMs };
}

function* listObjects(s3Path: string, dirOp: boolean, options: GeneratorOptions): Generator<Listed> {
  const [bucket, prefix] = findBucketKey(s3Path);
  if (!dirOp && prefix) {
    yield singleObject(s3Path, bucket, prefix, options);
    return;
  }
  const params: Record<string, unknown> = { Bucket: bucket, Prefix: prefix, ...options.listParams };
  if (options.pageSize !== undefined) params.MaxKeys = options.pageSize;
  for (const page of options.client.listObjectsV2(params)) {
    for (const content of (page.Contents ?? []) as Array<Record<string, unknown>>) {
      const key = String(content.Key);
      const size = Number(content.Size ?? 0);
      const path = `${bucket}/${key}`;
      // Zero-byte keys ending in "/" are console folders: only rm touches them.
      if (size === 0 && key.endsWith('/')) {
        if (options.operation !== 'delete') continue;
      } else if (!dirOp && s3Path !== path) {
        continue;
      }
      yield {
        path,
        size,
        lastModifiedMs: timeMs(content.LastModified),
        ...(typeof content.StorageClass === 'string' ? { storageClass: content.StorageClass } : {}),
      };
    }
  }
}

/** _list_single_object: HeadObject, whose 404 the CLI rewords; a delete needs no lookup. */
function singleObject(s3Path: string, bucket: string, key: string, options: GeneratorOptions): Listed {
  if (options.operation === 'delete') return { path: s3Path, size: undefined, lastModifiedMs: undefined };
  const params: Record<string, unknown> = { Bucket: bucket, Key: key, ...options.headParams };
  let response: Record<string, unknown>;
  try {
    response = options.client.call('HeadObject', params);
  } catch (error) {
    if (error instanceof ClientError && error.code === '404') throw error.reworded(`Key "${key}" does not exist`);
    throw error;
  }
  return {
    path: s3Path,
    size: Number(response.ContentLength ?? 0),
    lastModifiedMs: timeMs(response.LastModified),
    ...(typeof response.StorageClass === 'string' ? { storageClass: response.StorageClass } : {}),
    ...(typeof response.Restore === 'string' ? { restore: response.Restore } : {}),
  };
}
