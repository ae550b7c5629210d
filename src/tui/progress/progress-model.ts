import { DOMAIN_TITLES, DOMAINS, TOPICS, type Domain } from '../../data/topics.js';
import type { ProgressData } from '../../progress/schema.js';
import type { Question, Readiness } from '../../quiz/index.js';
import type { LabRow } from '../lab/lab-catalog.js';

/** How well a topic is known, 0 to 1, from the quizzes and the labs that cover it. */
export interface TopicMastery {
  topic: string;
  title: string;
  domain: Domain;
  questions: number;
  /** Questions whose latest answer was right. */
  right: number;
  /** Share of the topic's questions whose latest answer was right; undefined without questions. */
  quiz?: number;
  /** Mean best score of the topic's labs (an untried lab counts 0); undefined without labs. */
  labs?: number;
  labCount: number;
  /** The mean of the parts the topic has. */
  mastery: number;
}

export function topicMastery(data: ProgressData, questions: readonly Question[], labs: readonly LabRow[]): TopicMastery[] {
  const results = data.quiz.results ?? {};
  return TOPICS.map((topic) => {
    const mine = questions.filter((q) => q.topic === topic.id);
    const right = mine.filter((q) => results[q.id]?.lastCorrect).length;
    const topicLabs = labs.filter((l) => l.entry.lab.topics.includes(topic.id));
    const quiz = mine.length ? right / mine.length : undefined;
    const lab = topicLabs.length ? topicLabs.reduce((sum, l) => sum + (l.maxScore ? l.bestScore / l.maxScore : 0), 0) / topicLabs.length : undefined;
    const parts = [quiz, lab].filter((p): p is number => p !== undefined);
    return {
      topic: topic.id,
      title: topic.title,
      domain: topic.domain,
      questions: mine.length,
      right,
      ...(quiz === undefined ? {} : { quiz }),
      ...(lab === undefined ? {} : { labs: lab }),
      labCount: topicLabs.length,
      mastery: parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : 0,
    };
  });
}

/** A bar of `width` cells for a share from 0 to 1 (the percentage is always written beside it). */
export function bar(share: number, width: number): { filled: string; empty: string } {
  const cells = Math.round(Math.max(0, Math.min(1, share)) * width);
  return { filled: '█'.repeat(cells), empty: '░'.repeat(width - cells) };
}

export interface Activity {
  at: string;
  text: string;
}

/** The latest things the learner did: lab attempts, practice exams, and quiz answers per day. */
export function recentActivity(data: ProgressData, labs: readonly LabRow[], limit = 8): Activity[] {
  const items: Activity[] = [];
  for (const [labId, progress] of Object.entries(data.labs)) {
    const title = labs.find((l) => l.id === labId)?.title ?? labId;
    for (const a of progress.attempts) {
      const state = a.finishedAt ? (a.passed ? 'finished, all tasks passed' : 'finished') : 'in progress';
      items.push({ at: a.updatedAt, text: `Lab "${title}": ${a.score}/${a.maxScore}, ${state}` });
    }
  }
  for (const exam of data.quiz.exams ?? []) {
    items.push({ at: exam.submittedAt, text: `Practice exam: ${exam.scaledScore} of 1000, ${exam.passed ? 'PASS' : 'FAIL'} (${exam.correct}/${exam.total} right)` });
  }
  const days = new Map<string, { at: string; answered: number; right: number }>();
  for (const result of Object.values(data.quiz.results ?? {})) {
    const day = result.lastAnsweredAt.slice(0, 10);
    const entry = days.get(day) ?? { at: result.lastAnsweredAt, answered: 0, right: 0 };
    entry.answered++;
    if (result.lastCorrect) entry.right++;
    if (result.lastAnsweredAt > entry.at) entry.at = result.lastAnsweredAt;
    days.set(day, entry);
  }
  for (const { at, answered, right } of days.values()) items.push({ at, text: `Quiz: ${answered} question${answered === 1 ? '' : 's'} answered, ${right} right (latest answers)` });
  return items.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}

/** Readiness per exam domain, in the exam guide's order, for the screen. */
export function domainRows(readiness: Readiness): { title: string; score: number }[] {
  return DOMAINS.map((d) => ({ title: DOMAIN_TITLES[d], score: readiness.domains.find((r) => r.domain === d)?.score ?? 0 }));
}
