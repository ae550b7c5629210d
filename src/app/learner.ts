import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { builtInLabsDir, labFolders, loadLab, LAB_FILE, type LabEntry } from '../lab/catalog.js';
import { ProgressStore, progressPath } from '../progress/store.js';

/** Opens the learner's progress store; messages about the file (moved aside, …) are in `warnings`. */
export function openProgress(env: Readonly<Record<string, string | undefined>>): { store: ProgressStore; warnings: string[] } {
  const store = new ProgressStore(progressPath(env), { learner: env.AWSLAB_LEARNER ?? env.USER ?? 'learner' });
  store.read();
  const warnings = [...store.warnings];
  store.warnings.length = 0;
  return { store, warnings };
}

/** A stable per-learner seed, so that template names differ between learners but not between runs. */
export function learnerSeed(store: ProgressStore): number {
  const data = store.read();
  if (data.profile.seed !== undefined) return data.profile.seed;
  return store.update((d) => {
    d.profile.seed ??= Math.floor(Math.random() * 1_000_000_000);
  }).profile.seed!;
}

export class UnknownLabError extends Error {}

/** A LAB argument: the id of a lab that ships with awslab, or a path to a lab folder or lab.yaml. */
export function resolveLab(arg: string): LabEntry {
  const builtIn = join(builtInLabsDir(), arg);
  const path = /^[a-z0-9-]+$/.test(arg) && existsSync(join(builtIn, LAB_FILE)) ? builtIn : resolve(arg);
  if (!existsSync(path)) {
    const ids = labFolders(builtInLabsDir()).map((dir) => dir.split('/').pop());
    throw new UnknownLabError(`no lab '${arg}': give a lab id (${ids.join(', ')}) or the path of a lab folder`);
  }
  if (!path.endsWith('.yaml') && !path.endsWith('.yml') && !existsSync(join(path, LAB_FILE))) {
    throw new UnknownLabError(`${arg} has no ${LAB_FILE}: a lab is a folder holding ${LAB_FILE} and its solution`);
  }
  return loadLab(path);
}
