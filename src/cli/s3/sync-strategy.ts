import type { FileInfo } from './file-generator.js';
import { compareCodePoints } from './learner-folder.js';

/**
 * How `aws s3 sync` decides what to transfer (awscli/customizations/s3/comparator.py and
 * syncstrategy/): both sides are listed in key order and walked together.
 *
 * - Only at the source: transferred.
 * - At both: transferred when the sizes differ or the times say so. An upload or copy goes
 *   when the source is newer than the destination; a download goes only when the local
 *   file is NEWER than the object (so an object changed in S3 after a download, at the
 *   same size, is not fetched again unless --exact-timestamps, which wants equal times).
 *   --size-only compares sizes alone. https://docs.aws.amazon.com/cli/latest/reference/s3/sync.html
 * - Only at the destination: left alone, or deleted with --delete.
 */
export interface SyncOptions {
  readonly sizeOnly: boolean;
  readonly exactTimestamps: boolean;
  readonly delete: boolean;
}

/** BaseSync.compare_time: true when the destination needs no update by time. */
function timeIsCurrent(src: FileInfo, dest: FileInfo, exact: boolean): boolean {
  const deltaMs = (dest.lastModifiedMs ?? 0) - (src.lastModifiedMs ?? 0);
  if (src.operation === 'download') return exact ? deltaMs === 0 : deltaMs <= 0;
  if (src.operation === 'upload' || src.operation === 'copy') return deltaMs >= 0;
  return true;
}

/** The strategy for a file at both ends. When both flags are given, --exact-timestamps wins, as in the CLI. */
function shouldUpdate(src: FileInfo, dest: FileInfo, options: SyncOptions): boolean {
  const sameSize = src.size === dest.size;
  if (options.sizeOnly && !options.exactTimestamps) return !sameSize;
  return !sameSize || !timeIsCurrent(src, dest, options.exactTimestamps);
}

/** Comparator.call. */
export function* compareFiles(srcFiles: Iterator<FileInfo>, destFiles: Iterator<FileInfo>, options: SyncOptions): Generator<FileInfo> {
  let src = srcFiles.next();
  let dest = destFiles.next();
  while (!src.done || !dest.done) {
    if (!src.done && !dest.done) {
      const order = compareCodePoints(src.value.compareKey, dest.value.compareKey);
      if (order === 0) {
        if (shouldUpdate(src.value, dest.value, options)) yield src.value;
        src = srcFiles.next();
        dest = destFiles.next();
      } else if (order < 0) {
        yield src.value;
        src = srcFiles.next();
      } else {
        if (options.delete) yield asDelete(dest.value);
        dest = destFiles.next();
      }
    } else if (!src.done) {
      yield src.value;
      src = srcFiles.next();
    } else if (!dest.done) {
      if (options.delete) yield asDelete(dest.value);
      dest = destFiles.next();
    }
  }
}

/** DeleteSync: the destination file itself becomes the thing to delete. */
function asDelete(file: FileInfo): FileInfo {
  file.operation = 'delete';
  return file;
}
