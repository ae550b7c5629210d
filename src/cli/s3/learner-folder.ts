import { posix } from 'node:path';
import type { CliFileSystem } from '../types.js';

/**
 * The learner's working folder as `aws s3` sees it: a directory tree at LEARNER_HOME, the
 * shell's current directory. The CLI works with absolute paths (os.path.abspath) and
 * prints a few of them, so we do too; paths outside the folder exist nowhere.
 *
 * CliFileSystem holds files only: a directory exists while a file lies under it, and the
 * folder itself always exists. It has no modification times either, which `sync`
 * compares, so this class keeps them: a file system that offers `modifiedMs` and
 * `setModifiedMs` is asked, and otherwise a file's time is the virtual time at which
 * `aws s3` first saw its current content (a download sets it to the object's
 * LastModified, as the CLI does with os.utime).
 */
export const LEARNER_HOME = '/home/learner';

/** An OSError as Python prints it: `[Errno 21] Is a directory: '/home/learner/data/'`. */
export class OsError extends Error {
  constructor(errno: number, reason: string, path: string) {
    super(`[Errno ${errno}] ${reason}: '${path}'`);
    this.name = 'OsError';
  }
}

/** What a file system may offer beyond CliFileSystem; VirtualFiles has `remove`. */
export interface FileSystemExtras {
  remove?(path: string): boolean;
  modifiedMs?(path: string): number | undefined;
  setModifiedMs?(path: string, ms: number): void;
}

interface SeenContent {
  data: Uint8Array;
  modifiedMs: number;
}

/** Per file system, the content each file had when last seen and the time that content got. */
const SEEN = new WeakMap<CliFileSystem, Map<string, SeenContent>>();

export interface LocalFileStat {
  readonly size: number;
  readonly modifiedMs: number;
}

/** os.path.abspath: joined to the current directory and normalised; no trailing slash. */
export function absolutePath(path: string): string {
  return posix.normalize(path.startsWith('/') ? path : posix.join(LEARNER_HOME, path)).replace(/(.)\/+$/, '$1');
}

/** The file system's relative path for an absolute one, or undefined outside the folder. */
function inFolder(absolute: string): string | undefined {
  if (absolute === LEARNER_HOME) return '';
  return absolute.startsWith(`${LEARNER_HOME}/`) ? absolute.slice(LEARNER_HOME.length + 1) : undefined;
}

/** Python's str ordering (code points), which is also S3's UTF-8 key order. */
export function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const difference = (left[i]?.codePointAt(0) ?? 0) - (right[i]?.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

export class LearnerFolder {
  private readonly seen: Map<string, SeenContent>;

  constructor(private readonly files: CliFileSystem & FileSystemExtras, private readonly nowMs: () => number) {
    let seen = SEEN.get(files);
    if (!seen) {
      seen = new Map();
      SEEN.set(files, seen);
    }
    this.seen = seen;
  }

  /** os.path.isfile. A trailing slash names a directory, never a file. */
  isFile(absolute: string): boolean {
    const relative = inFolder(absolute);
    return relative !== undefined && relative !== '' && !absolute.endsWith('/') && this.files.readFile(relative) !== undefined;
  }

  /** os.path.isdir. */
  isDirectory(absolute: string): boolean {
    const relative = inFolder(absolute.replace(/(.)\/+$/, '$1'));
    if (relative === undefined) return false;
    if (relative === '') return true;
    return this.files.list().some((path) => path.startsWith(`${relative}/`));
  }

  /** os.path.exists: `q1.csv/` does not exist even when q1.csv does. */
  exists(absolute: string): boolean {
    return this.isFile(absolute) || this.isDirectory(absolute);
  }

  read(absolute: string): Uint8Array | undefined {
    const relative = inFolder(absolute);
    return relative ? this.files.readFile(relative) : undefined;
  }

  stat(absolute: string): LocalFileStat | undefined {
    const relative = inFolder(absolute);
    const data = relative ? this.files.readFile(relative) : undefined;
    if (relative === undefined || data === undefined) return undefined;
    return { size: data.length, modifiedMs: this.modifiedMs(relative, data) };
  }

  /** Writes a downloaded file and gives it the object's time, as the CLI does with os.utime. */
  write(absolute: string, data: Uint8Array, modifiedMs: number): void {
    const relative = inFolder(absolute);
    if (!relative) throw new OsError(13, 'Permission denied', absolute);
    // A file cannot also be a directory: the download's folder would have to replace it.
    const parts = relative.split('/');
    for (let i = 1; i < parts.length; i++) {
      if (this.files.readFile(parts.slice(0, i).join('/')) !== undefined) throw new OsError(20, 'Not a directory', absolute);
    }
    if (this.isDirectory(absolute)) throw new OsError(21, 'Is a directory', absolute);
    this.files.writeFile(relative, data);
    this.files.setModifiedMs?.(relative, modifiedMs);
    this.seen.set(relative, { data: this.files.readFile(relative) ?? data, modifiedMs });
  }

  remove(absolute: string): void {
    const relative = inFolder(absolute);
    if (!relative || !this.files.remove) throw new OsError(13, 'Permission denied', absolute);
    if (!this.files.remove(relative)) throw new OsError(2, 'No such file or directory', absolute);
    this.seen.delete(relative);
  }

  /** Every file under a directory, as absolute paths in the CLI's order (byte order of the path). */
  filesUnder(directory: string): string[] {
    const relative = inFolder(directory.replace(/(.)\/+$/, '$1'));
    if (relative === undefined) return [];
    const prefix = relative === '' ? '' : `${relative}/`;
    return this.files
      .list()
      .filter((path) => path.startsWith(prefix))
      .sort(compareCodePoints)
      .map((path) => `${LEARNER_HOME}/${path}`);
  }

  private modifiedMs(relative: string, data: Uint8Array): number {
    const given = this.files.modifiedMs?.(relative);
    if (given !== undefined) return given;
    const seen = this.seen.get(relative);
    if (seen && seen.data === data) return seen.modifiedMs;
    const modifiedMs = this.nowMs();
    this.seen.set(relative, { data, modifiedMs });
    return modifiedMs;
  }
}
