import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import envPaths from 'env-paths';
import { LowSync } from 'lowdb';
import { DataFileSync } from 'lowdb/node';
import { MIGRATIONS, PROGRESS_VERSION, emptyProgress, progressSchema, type ProgressData } from './schema.js';
import { withLock } from './lock.js';

/** A progress file that cannot be used as it is: unreadable, damaged, or from a newer awslab. */
export class ProgressFileError extends Error {}

/** Where progress lives: $AWSLAB_HOME, or the platform's data folder for awslab. */
export function dataDir(env: Readonly<Record<string, string | undefined>>): string {
  return env.AWSLAB_HOME || envPaths('awslab', { suffix: '' }).data;
}

export function progressPath(env: Readonly<Record<string, string | undefined>>): string {
  return join(dataDir(env), 'progress.json');
}

/** Parses, migrates and validates progress JSON; throws ProgressFileError saying what is wrong. */
export function parseProgress(text: string, source: string): ProgressData {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ProgressFileError(`${source} is not valid JSON (${(error as Error).message})`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ProgressFileError(`${source} does not hold an awslab progress object`);
  let data = raw as Record<string, unknown>;
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new ProgressFileError(`${source} has no valid "version"`);
  if (version > PROGRESS_VERSION) {
    throw new ProgressFileError(`${source} was written by a newer awslab (progress format ${version}; this awslab reads up to ${PROGRESS_VERSION}). Upgrade awslab to use it`);
  }
  for (let v = version; v < PROGRESS_VERSION; v++) data = MIGRATIONS[v]!(data);
  const result = progressSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ProgressFileError(`${source} does not match the progress format at ${issue.path.join('.') || 'the top'}: ${issue.message}`);
  }
  return result.data;
}

export interface StoreOptions {
  /** The learner's name for a new file. */
  learner?: string;
  now?: () => Date;
}

/**
 * The learner's progress in one lowdb JSON file. Writes are atomic (lowdb writes a temporary
 * file and renames it), every update is a locked read-modify-write so that concurrent awslab
 * processes lose nothing, and a damaged file is moved aside, never deleted.
 */
export class ProgressStore {
  readonly path: string;
  /** Messages for the learner about what happened to the file (moved aside, …). */
  readonly warnings: string[] = [];
  private readonly now: () => Date;
  private readonly learner: string;

  constructor(path: string, options: StoreOptions = {}) {
    this.path = path;
    this.now = options.now ?? (() => new Date());
    this.learner = options.learner ?? 'learner';
  }

  /** The current progress (a fresh copy each time). */
  read(): ProgressData {
    return this.withDb((db) => db.data);
  }

  /** Applies `change` to the latest progress on disk and writes it back, under the lock. */
  update(change: (data: ProgressData) => void): ProgressData {
    mkdirSync(dirname(this.path), { recursive: true });
    return withLock(`${this.path}.lock`, () =>
      this.withDb((db) => {
        change(db.data);
        db.write();
        return db.data;
      }),
    );
  }

  private withDb<T>(fn: (db: LowSync<ProgressData>) => T): T {
    const adapter = new DataFileSync<ProgressData>(this.path, {
      parse: (text) => parseProgress(text, this.path),
      stringify: (data) => `${JSON.stringify(data, null, 2)}\n`,
    });
    const db = new LowSync<ProgressData>(adapter, emptyProgress(this.learner, this.now().toISOString()));
    try {
      db.read();
    } catch (error) {
      if (!(error instanceof ProgressFileError) || /newer awslab/.test(error.message)) throw error;
      this.moveAside(error.message);
      db.data = emptyProgress(this.learner, this.now().toISOString());
    }
    return fn(db);
  }

  private moveAside(reason: string): void {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    let target = `${this.path}.damaged-${stamp}`;
    for (let i = 2; existsSync(target); i++) target = `${this.path}.damaged-${stamp}-${i}`;
    renameSync(this.path, target);
    this.warnings.push(`Your progress file could not be read: ${reason}. It was moved to ${target} (nothing was deleted) and a fresh one was started.`);
  }
}
