import type { Domain } from '../../data/topics.js';
import { bankFiles, builtInQuizzesDir, loadBanks, type Question } from '../../quiz/index.js';
import type { LabRow } from '../lab/lab-catalog.js';
import { labScoresByDomain } from '../../app/lab-readiness.js';
import { isLabCardId, labCardQuestions } from '../../app/lab-cards.js';
import { askableDue } from '../../app/review-due.js';
import type { LabEntry } from '../../lab/catalog.js';
import type { QuizProgress } from '../../quiz/record.js';
import type { ReviewQueue } from '../../quiz/review.js';

export interface QuestionPool {
  questions: Question[];
  byId: Map<string, Question>;
  /** Problems in the banks (a broken bank is left out). */
  errors: string[];
}

const pools = new Map<string, QuestionPool>();

/** Every question bank, read once per process. */
export function questionPool(dir?: string): QuestionPool {
  const key = dir ?? builtInQuizzesDir();
  let pool = pools.get(key);
  if (!pool) {
    const { banks, errors } = loadBanks(bankFiles(key));
    const questions = banks.flatMap((b) => b.questions);
    pool = { questions, byId: new Map(questions.map((q) => [q.id, q])), errors: errors.map((e) => e.message) };
    pools.set(key, pool);
  }
  return pool;
}

/**
 * The review queue over the cards that have a question: the pool's, and lab tasks' (their
 * questions generated from `labs` and added to the pool, where the practice screen finds
 * them by id). A retired question's card is not due.
 */
export function dueInPool(pool: QuestionPool, quiz: QuizProgress, now: Date, labs: () => readonly LabEntry[]): ReviewQueue {
  // The labs are read only when there are lab cards.
  const labCards = Object.keys(quiz.cards ?? {}).filter(isLabCardId);
  if (labCards.length) for (const question of labCardQuestions(labCards, labs())) pool.byId.set(question.id, question);
  return askableDue(quiz, now, (id) => pool.byId.has(id));
}

/** Hands-on results per exam domain, 0 to 1, for readiness. */
export function labsByDomain(rows: readonly LabRow[]): Partial<Record<Domain, number>> {
  return labScoresByDomain(rows);
}
