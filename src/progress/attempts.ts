import type { Attempt, ProgressData } from './schema.js';

/** Attempts kept per lab: enough history for a learner, bounded so the file stays small. */
export const MAX_ATTEMPTS_PER_LAB = 50;

/** Adds or replaces (by id) an attempt, and keeps the lab's best score and completion date. */
export function recordAttempt(data: ProgressData, attempt: Attempt): void {
  const lab = (data.labs[attempt.labId] ??= { attempts: [], bestScore: 0, maxScore: attempt.maxScore });
  const index = lab.attempts.findIndex((a) => a.id === attempt.id);
  if (index === -1) lab.attempts.push(attempt);
  else lab.attempts[index] = attempt;
  if (lab.attempts.length > MAX_ATTEMPTS_PER_LAB) lab.attempts.splice(0, lab.attempts.length - MAX_ATTEMPTS_PER_LAB);
  lab.maxScore = attempt.maxScore;
  // An attempt is saved after every line, so its score is where it stands now: an undo that
  // takes a task back lowers it. Best is the best state an attempt still holds, not a peak
  // that was taken back.
  lab.bestScore = Math.max(0, ...lab.attempts.map((a) => a.score));
  if (!lab.attempts.some((a) => a.passed)) delete lab.completedAt;
  else if (attempt.passed && !lab.completedAt) lab.completedAt = attempt.updatedAt;
}

export function latestAttempt(data: ProgressData, labId: string): Attempt | undefined {
  const attempts = data.labs[labId]?.attempts ?? [];
  return [...attempts].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)).pop();
}

export type LabStatus = 'new' | 'in progress' | 'done';

export function labStatus(data: ProgressData, labId: string): LabStatus {
  const lab = data.labs[labId];
  if (!lab || lab.attempts.length === 0) return 'new';
  return lab.completedAt ? 'done' : 'in progress';
}

/**
 * Merges progress from another machine: attempts are united by id (the newer copy wins),
 * best scores recomputed; quiz data from the other file fills what this one lacks.
 */
export function mergeProgress(into: ProgressData, from: ProgressData): { attempts: number } {
  let added = 0;
  for (const [, lab] of Object.entries(from.labs)) {
    for (const attempt of lab.attempts) {
      const existing = into.labs[attempt.labId]?.attempts.find((a) => a.id === attempt.id);
      if (existing && existing.updatedAt >= attempt.updatedAt) continue;
      if (!existing) added++;
      recordAttempt(into, attempt);
    }
  }
  for (const [key, value] of Object.entries(from.quiz)) if (!(key in into.quiz)) into.quiz[key] = value;
  return { attempts: added };
}
