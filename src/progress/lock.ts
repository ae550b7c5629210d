import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';

/** A lock held too long is taken to be from a process that died mid-update. */
const STALE_MS = 10_000;
const GIVE_UP_MS = 15_000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(lockPath: string): boolean {
  try {
    const pid = Number(readFileSync(lockPath, 'utf8').split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) return true;
    return Date.now() - statSync(lockPath).mtimeMs > STALE_MS;
  } catch {
    return false;
  }
}

export class LockTimeoutError extends Error {}

/**
 * Runs `fn` holding an exclusive lock file beside the progress file, so that two awslab
 * processes updating progress at once take turns instead of overwriting each other.
 */
export function withLock<T>(lockPath: string, fn: () => T): T {
  const start = Date.now();
  let fd: number | undefined;
  for (let wait = 1; fd === undefined; wait = Math.min(wait * 2, 25)) {
    try {
      fd = openSync(lockPath, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (isStale(lockPath)) {
        rmSync(lockPath, { force: true });
        continue;
      }
      if (Date.now() - start > GIVE_UP_MS) throw new LockTimeoutError(`the progress file is locked by another awslab process (${lockPath}); if none is running, delete that file`);
      sleep(wait + Math.floor(Math.random() * wait));
    }
  }
  try {
    writeSync(fd, `${process.pid}\n`);
    return fn();
  } finally {
    closeSync(fd);
    rmSync(lockPath, { force: true });
  }
}
