import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { LabEntry } from './catalog.js';
import { gradeSession, type Grade } from './grade.js';
import { LabSession } from './session.js';
import { describeChanges } from './fingerprint.js';
import { parseSubmission, SubmissionError, type Submission } from './submission.js';

/** One submission's result: a grade from the replay, or the reason it could not be graded. */
export type ReplayResult =
  | { ok: true; source: string; learner: string; learnerId?: string; seed: number; grade: Grade; realMs: number; transcriptSha256: string; labChanged?: string }
  | { ok: false; source: string; learner?: string; learnerId?: string; error: string; status: string };

export const DEFAULT_REPLAY_LIMIT_MS = 20_000;

/**
 * Grades a submission by replaying its lines in a fresh world with its seed: the grade comes
 * from what the replay builds, never from anything the file claims.
 */
export interface ReplayOptions {
  limitMs?: number;
  /** Grade a submission made for an earlier version of the lab against this one, marked as such. */
  allowLabChange?: boolean;
}

export function replaySubmission(entry: LabEntry, text: string, source: string, options: ReplayOptions = {}): ReplayResult {
  const limitMs = options.limitMs ?? DEFAULT_REPLAY_LIMIT_MS;
  let submission: Submission;
  try {
    submission = parseSubmission(text, source);
  } catch (error) {
    if (error instanceof SubmissionError) return { ok: false, source, ...claimedLearner(text), error: error.message, status: error.status };
    throw error;
  }
  const learner = submission.learner;
  const who = { learner, ...(submission.learnerId !== undefined ? { learnerId: submission.learnerId } : {}) };
  if (submission.lab.id !== entry.lab.id) return { ok: false, source, ...who, status: 'other lab', error: `${source} is a submission for the lab '${submission.lab.id}', not '${entry.lab.id}'` };
  let labChanged: string | undefined;
  if (submission.lab.sha256 !== entry.sha256) {
    const what = describeChanges(submission.lab.parts, entry.parts);
    if (!options.allowLabChange) {
      return { ok: false, source, ...who, status: 'lab changed', error: `${source} was made for another version of the lab '${entry.lab.id}': since then ${what}; --allow-lab-change grades it against this version anyway` };
    }
    labChanged = what;
  }
  const start = performance.now();
  try {
    const session = new LabSession(entry.lab, { seed: submission.seed });
    for (const [i, { line }] of submission.lines.entries()) {
      session.run(line);
      if (performance.now() - start > limitMs) {
        return { ok: false, source, ...who, status: 'replay too long', error: `${source}: the replay ran past ${limitMs / 1000} s at line ${i + 1} of ${submission.lines.length} and was stopped` };
      }
    }
    return { ok: true, source, ...who, seed: submission.seed, grade: gradeSession(session), realMs: performance.now() - start, transcriptSha256: transcriptHash(submission), ...(labChanged ? { labChanged } : {}) };
  } catch (error) {
    return { ok: false, source, ...who, status: 'replay failed', error: `${source}: the replay failed: ${(error as Error).message}` };
  }
}

/** The lines alone, hashed: two learners handing in the same lines is worth an instructor's look. */
function transcriptHash(submission: Submission): string {
  return createHash('sha256').update(submission.lines.map((l) => l.line).join('\n')).digest('hex');
}

/** The learner a damaged submission names, if it names one, so the gradebook row is not blank. */
function claimedLearner(text: string): { learner?: string } {
  try {
    const learner = (JSON.parse(text) as { learner?: unknown }).learner;
    return typeof learner === 'string' ? { learner } : {};
  } catch {
    return {};
  }
}
