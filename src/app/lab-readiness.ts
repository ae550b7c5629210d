import { DOMAINS, TOPICS, type Domain } from '../data/topics.js';

export interface LabResult {
  topics: readonly string[];
  bestScore: number;
  maxScore: number;
}

/**
 * Hands-on results per exam domain, 0 to 1: the mean best score of the labs whose topics
 * are in it (a lab not tried counts 0). Readiness joins this with quiz accuracy and recall.
 */
export function labScoresByDomain(labs: readonly LabResult[]): Partial<Record<Domain, number>> {
  const scores: Partial<Record<Domain, number[]>> = {};
  for (const lab of labs) {
    const domains = new Set(lab.topics.map((t) => TOPICS.find((topic) => topic.id === t)?.domain).filter((d): d is Domain => d !== undefined));
    const score = lab.maxScore > 0 ? lab.bestScore / lab.maxScore : 0;
    for (const d of domains) (scores[d] ??= []).push(score);
  }
  return Object.fromEntries(DOMAINS.filter((d) => scores[d]).map((d) => [d, scores[d]!.reduce((a, b) => a + b, 0) / scores[d]!.length]));
}
