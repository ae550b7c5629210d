import { posix } from 'node:path';
import { absolutePath, LEARNER_HOME, type LearnerFolder } from './learner-folder.js';

/**
 * Paths as the `aws s3` commands handle them (awscli/customizations/s3/fileformat.py and
 * utils.py): an S3 path is `bucket/key` without `s3://`, a local path is absolute. A
 * path that ends with `/` names a directory or prefix whose files keep their own names.
 */
export type PathType = 'local' | 's3';

export interface Location {
  readonly path: string;
  readonly type: PathType;
}

/** FileFormat.format's result: where the files come from and go to. */
export interface FormattedPaths {
  readonly src: Location;
  readonly dest: Location;
  /** The command works on every file under a directory or prefix (--recursive, sync). */
  readonly dirOp: boolean;
  /** The destination takes each source file's name. */
  readonly useSrcName: boolean;
}

/** find_bucket_key: `bucket/a/b.txt` is bucket `bucket`, key `a/b.txt`. */
export function findBucketKey(s3Path: string): [string, string] {
  const slash = s3Path.indexOf('/');
  return slash === -1 ? [s3Path, ''] : [s3Path.slice(0, slash), s3Path.slice(slash + 1)];
}

/** split_s3_bucket_key: the same, with or without `s3://`. */
export function splitS3BucketKey(path: string): [string, string] {
  return findBucketKey(path.startsWith('s3://') ? path.slice(5) : path);
}

export function s3Uri(path: string): string {
  return path.startsWith('s3://') ? path : `s3://${path}`;
}

/** os.path.split: the directory (trailing slashes trimmed) and the last component. */
function splitPath(path: string): [string, string] {
  const slash = path.lastIndexOf('/') + 1;
  const head = path.slice(0, slash);
  return [/^\/+$/.test(head) ? head : head.replace(/\/+$/, ''), path.slice(slash)];
}

/** os.path.join of two components. */
export function joinPath(left: string, right: string): string {
  if (right.startsWith('/') || left === '') return right;
  return left.endsWith('/') ? left + right : `${left}/${right}`;
}

/** os.path.dirname. */
export function dirname(path: string): string {
  return splitPath(path)[0];
}

/** utils.relative_path: how a local file appears in the CLI's messages (`./q1.csv`, `data/a.txt`). */
export function relativePath(absolute: string): string {
  const [directory, name] = splitPath(absolute);
  return joinPath(posix.relative(LEARNER_HOME, directory) || '.', name);
}

/** FileFormat.local_format. */
function localFormat(path: string, dirOp: boolean, folder: LearnerFolder): [string, boolean] {
  const full = absolutePath(path);
  if (folder.isDirectory(full) || dirOp) return [joinPath(full, ''), true];
  return path.endsWith('/') ? [joinPath(full, ''), true] : [full, false];
}

/** FileFormat.s3_format. */
function s3Format(path: string, dirOp: boolean): [string, boolean] {
  if (dirOp) return [path.endsWith('/') ? path : `${path}/`, true];
  return [path, path.endsWith('/')];
}

function identify(path: string): Location {
  return path.startsWith('s3://') ? { type: 's3', path: path.slice(5) } : { type: 'local', path };
}

/** FileFormat.format. */
export function formatPaths(src: string, dest: string, dirOp: boolean, folder: LearnerFolder): FormattedPaths {
  const format = (location: Location): [string, boolean] =>
    location.type === 's3' ? s3Format(location.path, dirOp) : localFormat(location.path, dirOp, folder);
  const source = identify(src);
  const target = identify(dest);
  const [destPath, useSrcName] = format(target);
  return { src: { type: source.type, path: format(source)[0] }, dest: { type: target.type, path: destPath }, dirOp, useSrcName };
}

/** find_dest_path_comp_key: where one source file goes, and the key sync compares it by. */
export function destinationOf(files: FormattedPaths, srcPath: string): { dest: string; compareKey: string } {
  const relative = files.dirOp ? srcPath.slice(files.src.path.length) : (srcPath.split('/').pop() ?? '');
  return { dest: files.useSrcName ? files.dest.path + relative : files.dest.path, compareKey: relative };
}
