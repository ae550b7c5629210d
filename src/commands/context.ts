import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataFileErrors } from '../data/yaml-file.js';
import { builtInLabsDir, labFolders, loadLab, LAB_FILE, type LabEntry } from '../lab/catalog.js';
import { ProgressStore, progressPath } from '../progress/store.js';
import { UsageError, type CommandIO } from './io.js';

/** Opens the learner's progress store and passes on any message about the file to stderr. */
export function openStore(io: CommandIO): ProgressStore {
  const store = new ProgressStore(progressPath(io.env), { learner: io.env.AWSLAB_LEARNER ?? io.env.USER ?? 'learner' });
  store.read();
  for (const warning of store.warnings) io.stderr(`awslab: ${warning}\n`);
  store.warnings.length = 0;
  return store;
}

/** A LAB argument: the id of a lab that ships with awslab, or a path to a lab folder or lab.yaml. */
export function resolveLab(arg: string): LabEntry {
  const builtIn = join(builtInLabsDir(), arg);
  const path = /^[a-z0-9-]+$/.test(arg) && existsSync(join(builtIn, LAB_FILE)) ? builtIn : resolve(arg);
  if (!existsSync(path)) {
    const ids = labFolders(builtInLabsDir()).map((dir) => dir.split('/').pop());
    throw new UsageError(`no lab '${arg}': give a lab id (${ids.join(', ')}) or the path of a lab folder`);
  }
  if (!path.endsWith('.yaml') && !path.endsWith('.yml') && !existsSync(join(path, LAB_FILE))) {
    throw new UsageError(`${arg} has no ${LAB_FILE}: a lab is a folder holding ${LAB_FILE} and its solution`);
  }
  return loadLab(path);
}

/** Prints located data-file errors the way compilers do, one per line. */
export function reportDataErrors(error: unknown, io: CommandIO): boolean {
  if (!(error instanceof DataFileErrors)) return false;
  for (const e of error.errors) io.stderr(`${e.message}\n`);
  return true;
}

/** A stable per-learner seed, so that template names differ between learners but not between runs. */
export function learnerSeed(store: ProgressStore): number {
  const data = store.read();
  if (data.profile.seed !== undefined) return data.profile.seed;
  return store.update((d) => {
    d.profile.seed ??= Math.floor(Math.random() * 1_000_000_000);
  }).profile.seed!;
}
