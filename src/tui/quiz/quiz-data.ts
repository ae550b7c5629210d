import type { Domain } from '../../data/topics.js';
import { bankFiles, builtInQuizzesDir, loadBanks, type Question } from '../../quiz/index.js';
import type { LabRow } from '../lab/lab-catalog.js';
import { labScoresByDomain } from '../../app/lab-readiness.js';

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


/** Hands-on results per exam domain, 0 to 1, for readiness. */
export function labsByDomain(rows: readonly LabRow[]): Partial<Record<Domain, number>> {
  return labScoresByDomain(rows);
}
