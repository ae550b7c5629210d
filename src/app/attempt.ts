import { randomUUID } from 'node:crypto';
import type { LabEntry } from '../lab/catalog.js';
import { gradeSession } from '../lab/grade.js';
import type { LabSession } from '../lab/session.js';
import { recordAttempt } from '../progress/attempts.js';
import type { Attempt } from '../progress/schema.js';
import type { ProgressStore } from '../progress/store.js';
import { VERSION } from './version.js';
import { scheduleLabCards, tasksToReview } from './lab-cards.js';
import type { QuizProgress } from '../quiz/record.js';

/**
 * Keeps one attempt in the progress store as the learner goes: the same attempt id is
 * rewritten after each save, so an interrupted attempt is never lost and never duplicated.
 */
export class AttemptRecorder {
  readonly id: string;
  private readonly startedAt: string;
  /** Whether this is the learner's first attempt at the lab: only then do missed tasks become review cards. */
  private readonly firstAttempt: boolean;
  private cardsScheduled = false;

  /** `resume` continues a saved attempt (same id and start) instead of beginning a new one. */
  constructor(
    private readonly store: ProgressStore,
    private readonly entry: LabEntry,
    private readonly session: LabSession,
    resume?: { id: string; startedAt: string },
  ) {
    this.id = resume?.id ?? randomUUID();
    this.startedAt = resume?.startedAt ?? new Date().toISOString();
    const earlier = (store.read().labs[entry.lab.id]?.attempts ?? []).filter((a) => a.id !== this.id);
    this.firstAttempt = earlier.length === 0;
  }

  save(finished = false): Attempt {
    const grade = gradeSession(this.session);
    const now = new Date().toISOString();
    const attempt: Attempt = {
      id: this.id,
      labId: this.entry.lab.id,
      labSha256: this.entry.sha256,
      labParts: this.entry.parts,
      seed: this.session.seed,
      awslabVersion: VERSION,
      startedAt: this.startedAt,
      updatedAt: now,
      ...(finished ? { finishedAt: now } : {}),
      transcript: this.session.transcript.map((e) => ({ line: e.line, timeMs: e.timeMs, exitCode: e.exitCode })),
      score: grade.score,
      maxScore: grade.maxScore,
      passed: grade.passed,
      tasks: grade.tasks.map((t) => ({ id: t.id, passed: t.passed, points: t.points, maxPoints: t.maxPoints, hintsUsed: t.hintsUsed })),
      virtualMs: grade.virtualMs,
    };
    const review = finished && this.firstAttempt && !this.cardsScheduled ? tasksToReview(grade) : [];
    this.store.update((data) => {
      recordAttempt(data, attempt);
      if (review.length) scheduleLabCards(data.quiz as QuizProgress, this.entry.lab.id, review, new Date(now));
    });
    if (finished) this.cardsScheduled = true;
    return attempt;
  }
}
