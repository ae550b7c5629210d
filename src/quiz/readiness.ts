import { DOMAIN_TITLES, DOMAIN_WEIGHTS, DOMAINS, type Domain } from '../data/topics.js';
import { inExam, type Question } from './bank-file.js';
import type { QuizProgress } from './record.js';
import { retrievability } from './review.js';

/**
 * How ready a learner is, per exam domain, from 0 to 100. It joins four things, each from 0
 * to 1:
 * - accuracy: of the domain's questions answered, the share whose latest answer was right;
 * - retention: the mean FSRS retrievability of the domain's cards now (what is still
 *   remembered, not just what was once known);
 * - coverage: the share of the domain's questions answered at least once;
 * - labs: the caller's measure of hands-on results for the domain (for example the mean best
 *   score of the labs whose topics are in it). A domain without labs leaves it out and the
 *   other weights are scaled up to fill its share.
 * The overall figure weights the domains as the exam does (24/30/34/12). A question counts
 * in the domain its bank gives it, so topics added to the syllabus count with no list here.
 */
export const READINESS_WEIGHTS = { accuracy: 0.4, retention: 0.25, coverage: 0.2, labs: 0.15 } as const;

export interface DomainReadiness {
  domain: Domain;
  title: string;
  /** 0 to 100. */
  score: number;
  accuracy: number;
  retention: number;
  coverage: number;
  labs?: number;
  answered: number;
  questions: number;
}

export interface Readiness {
  /** 0 to 100, the domains weighted as in the exam. */
  overall: number;
  domains: DomainReadiness[];
}

export interface ReadinessInput {
  /** The question banks (what there is to know). */
  questions: readonly Question[];
  quiz: QuizProgress;
  now: Date;
  /** Hands-on results per domain, 0 to 1; leave a domain out when it has no labs. */
  labs?: Partial<Record<Domain, number>>;
}

const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

function domainReadiness(domain: Domain, input: ReadinessInput): DomainReadiness {
  // Readiness is for the exam: questions beyond it (exam: false) neither help nor hold back.
  const ids = input.questions.filter((q) => q.domain === domain && inExam(q)).map((q) => q.id);
  const results = input.quiz.results ?? {};
  const cards = input.quiz.cards ?? {};
  const answered = ids.filter((id) => results[id]);
  const accuracy = mean(answered.map((id) => (results[id]!.lastCorrect ? 1 : 0)));
  const retention = mean(ids.filter((id) => cards[id]).map((id) => retrievability(cards[id]!, input.now)));
  const coverage = ids.length ? answered.length / ids.length : 0;
  const labs = input.labs?.[domain];
  const w = READINESS_WEIGHTS;
  const parts = w.accuracy * accuracy + w.retention * retention + w.coverage * coverage + (labs === undefined ? 0 : w.labs * Math.min(1, Math.max(0, labs)));
  const weight = 1 - (labs === undefined ? w.labs : 0);
  return {
    domain,
    title: DOMAIN_TITLES[domain],
    score: Math.round((100 * parts) / weight),
    accuracy,
    retention,
    coverage,
    ...(labs === undefined ? {} : { labs }),
    answered: answered.length,
    questions: ids.length,
  };
}

export function readiness(input: ReadinessInput): Readiness {
  const domains = DOMAINS.map((d) => domainReadiness(d, input));
  const overall = Math.round(domains.reduce((sum, d) => sum + d.score * DOMAIN_WEIGHTS[d.domain], 0) / 100);
  return { overall, domains };
}
