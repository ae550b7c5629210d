import { DataFileErrors } from '../data/yaml-file.js';
import type { LabEntry } from '../lab/catalog.js';
import type { ProgressStore } from '../progress/store.js';
import { openProgress } from '../app/learner.js';
import { resolveLab as resolveLabEntry, UnknownLabError } from '../app/lab-lookup.js';
import { UsageError, type CommandIO } from './io.js';

export { learnerSeed } from '../app/learner.js';

/** Opens the learner's progress store and passes on any message about the file to stderr. */
export function openStore(io: CommandIO): ProgressStore {
  const { store, warnings } = openProgress(io.env);
  for (const warning of warnings) io.stderr(`awslab: ${warning}\n`);
  return store;
}

export function resolveLab(arg: string): LabEntry {
  try {
    return resolveLabEntry(arg);
  } catch (error) {
    if (error instanceof UnknownLabError) throw new UsageError(error.message);
    throw error;
  }
}

/** Resolves a LAB argument, printing a broken lab file's errors; undefined when it was broken. */
export function loadLabOrReport(arg: string, io: CommandIO): LabEntry | undefined {
  try {
    return resolveLab(arg);
  } catch (error) {
    if (reportDataErrors(error, io)) return undefined;
    throw error;
  }
}

/** Prints located data-file errors the way compilers do, one per line. */
export function reportDataErrors(error: unknown, io: CommandIO): boolean {
  if (!(error instanceof DataFileErrors)) return false;
  for (const e of error.errors) io.stderr(`${e.message}\n`);
  return true;
}
