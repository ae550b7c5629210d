import { DOMAINS, TOPICS, type Domain } from '../data/topics.js';
import { DIFFICULTIES, type Difficulty, type Question } from './bank-file.js';

export interface BankStats {
  total: number;
  /** Every syllabus topic in syllabus order (0 for a topic without questions yet), then any other. */
  byTopic: Record<string, number>;
  byDomain: Record<Domain, number>;
  byDifficulty: Record<Difficulty, number>;
}

/** Question counts, as `awslab quiz --stats --json` prints them. */
export function bankStats(questions: readonly Question[]): BankStats {
  const count = <K extends string>(keys: readonly K[], key: (q: Question) => string): Record<K, number> => {
    const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>;
    for (const q of questions) out[key(q)] = (out[key(q)] ?? 0) + 1;
    return out as Record<K, number>;
  };
  return {
    total: questions.length,
    byTopic: count(TOPICS.map((t) => t.id), (q) => q.topic),
    byDomain: count(DOMAINS, (q) => q.domain),
    byDifficulty: count(DIFFICULTIES, (q) => q.difficulty),
  };
}
