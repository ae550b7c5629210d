import { DataFileErrors } from '../data/yaml-file.js';
import { builtInLabsDir, labFolders, loadLab, type LabEntry } from '../lab/catalog.js';
import { maxScore } from '../lab/grade.js';
import { labStatus, latestAttempt, type LabStatus } from '../progress/attempts.js';
import type { Attempt, ProgressData } from '../progress/schema.js';

/**
 * The lab catalog every front end reads: the TUI's lists, `labs`, readiness in `quiz` and
 * the review of lab cards. One place loads it, so a broken lab is skipped with the same
 * message everywhere instead of taking a screen or a command down with it.
 */
export interface Catalog {
  entries: LabEntry[];
  /** Labs that could not be read, one message each (file:line:col of the first problem). */
  errors: string[];
}

const cache = new Map<string, Catalog>();

/** Reads every lab under `dir` (the labs that ship with awslab by default) once per process. */
export function loadCatalog(dir: string = builtInLabsDir()): Catalog {
  const cached = cache.get(dir);
  if (cached) return cached;
  const catalog: Catalog = { entries: [], errors: [] };
  for (const folder of labFolders(dir)) {
    try {
      catalog.entries.push(loadLab(folder));
    } catch (error) {
      if (!(error instanceof DataFileErrors)) throw error;
      catalog.errors.push(`skipped a broken lab: ${error.errors[0]!.message}`);
    }
  }
  cache.set(dir, catalog);
  return catalog;
}

/** A lab as lists show it: the lab, the learner's status and best score, and an attempt to continue. */
export interface LabRow {
  entry: LabEntry;
  id: string;
  title: string;
  level: string;
  minutes: number;
  /** The lab's first topic: lists group by it. */
  topic: string;
  topics: readonly string[];
  status: LabStatus;
  bestScore: number;
  maxScore: number;
  attempts: number;
  /** The latest attempt when it is unfinished and made on this version of the lab. */
  resumable?: Attempt;
}

export function labRows(entries: readonly LabEntry[], data: ProgressData): LabRow[] {
  return entries.map((entry) => {
    const { lab } = entry;
    const progress = data.labs[lab.id];
    const latest = latestAttempt(data, lab.id);
    const resumable = latest && !latest.finishedAt && latest.labSha256 === entry.sha256 && latest.transcript.length > 0 ? latest : undefined;
    return {
      entry,
      id: lab.id,
      title: lab.title,
      level: lab.level,
      minutes: lab.minutes,
      topic: lab.topics[0]!,
      topics: lab.topics,
      status: labStatus(data, lab.id),
      bestScore: progress?.bestScore ?? 0,
      maxScore: maxScore(lab),
      attempts: progress?.attempts.length ?? 0,
      ...(resumable ? { resumable } : {}),
    };
  });
}
