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
