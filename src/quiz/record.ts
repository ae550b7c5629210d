import type { Domain } from '../data/topics.js';
import type { ExamResult } from './exam.js';
import { latestDue, recallFor, reviewQueue, scheduleCard, type ReviewCard, type ReviewQueue, type ScheduleOptions } from './review.js';

/**
 * What the quiz engine keeps in the progress file, under `quiz`. The progress store's zod
 * schema (src/progress/schema.ts) describes the same shape; a test keeps the two in step.
 * Every member is optional so that a file written before quizzes existed (`quiz: {}`) still
 * reads, and unknown members are kept for a newer awslab's sake.
 */
export interface QuizProgress {
  /** Per question id: every answer ever given, in practice, review or the exam. */
  results?: Record<string, QuestionResult>;
  /** Per question id: its FSRS review card. */
  cards?: Record<string, ReviewCard>;
  /** Submitted practice exams, oldest first. */
  exams?: ExamRecord[];
  settings?: QuizSettings;
  [member: string]: unknown;
}

export interface QuestionResult {
  attempts: number;
  correct: number;
  lastCorrect: boolean;
  lastAnsweredAt: string;
}

export interface QuizSettings {
  /** The day of the learner's real exam, YYYY-MM-DD: reviews are scheduled to come before it. */
  examDate?: string;
  /** Reviews a day at most. */
  dailyCap?: number;
  [member: string]: unknown;
}

export interface ExamRecordItem {
  id: string;
  /** The option order shown (bank indices), so the attempt can be shown again as it was. */
  order: number[];
  /** Chosen options, bank indices; empty when unanswered. */
  selected: number[];
  flagged: boolean;
  correct: boolean;
}

export interface ExamRecord {
  seed: number;
  startedAt: string;
  submittedAt: string;
  timedOut: boolean;
  correct: number;
  total: number;
  scaledScore: number;
  passed: boolean;
  byDomain: Record<Domain, { correct: number; total: number }>;
  items: ExamRecordItem[];
}

/** The start of the exam day (local midnight), or undefined when no valid date is set. */
export function examDayOf(settings: QuizSettings | undefined): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(settings?.examDate ?? '');
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const day = new Date(year, month, date);
  // new Date(2026, 1, 31) is 3 March: a day that does not exist comes back changed.
  return day.getFullYear() === year && day.getMonth() === month && day.getDate() === date ? day : undefined;
}

export interface AnswerOptions {
  /** The learner said they were unsure: a right answer then schedules as "Hard". */
  unsure?: boolean;
}

/** Records one answer: its result, and its review card scheduled again (meant for store.update). */
export function recordAnswer(quiz: QuizProgress, questionId: string, correct: boolean, now: Date, options: AnswerOptions = {}): void {
  const results = (quiz.results ??= {});
  const before = results[questionId];
  results[questionId] = {
    attempts: (before?.attempts ?? 0) + 1,
    correct: (before?.correct ?? 0) + (correct ? 1 : 0),
    lastCorrect: correct,
    lastAnsweredAt: now.toISOString(),
  };
  const cards = (quiz.cards ??= {});
  const schedule: ScheduleOptions = { examDay: examDayOf(quiz.settings) };
  cards[questionId] = scheduleCard(cards[questionId], recallFor(correct, options), now, schedule);
}

/** Records a submitted exam, and each answered question as an answer at submission time. */
export function recordExam(quiz: QuizProgress, result: ExamResult): ExamRecord {
  const record: ExamRecord = {
    seed: result.seed,
    startedAt: new Date(result.startedAtMs).toISOString(),
    submittedAt: new Date(result.submittedAtMs).toISOString(),
    timedOut: result.timedOut,
    correct: result.correct,
    total: result.total,
    scaledScore: result.scaledScore,
    passed: result.passed,
    byDomain: Object.fromEntries(Object.entries(result.byDomain).map(([d, r]) => [d, { correct: r.correct, total: r.total }])) as ExamRecord['byDomain'],
    items: result.items.map((i) => ({ id: i.questionId, order: i.order, selected: i.selected, flagged: i.flagged, correct: i.correct })),
  };
  (quiz.exams ??= []).push(record);
  const at = new Date(result.submittedAtMs);
  for (const item of result.items) if (item.selected.length) recordAnswer(quiz, item.questionId, item.correct, at);
  return record;
}

/**
 * Sets (or with undefined, clears) the exam date, and brings forward every card due after
 * the exam's eve so that it comes back before the exam.
 */
export function setExamDate(quiz: QuizProgress, examDate: string | undefined, now: Date): void {
  const settings = (quiz.settings ??= {});
  if (examDate === undefined) {
    delete settings.examDate;
    return;
  }
  settings.examDate = examDate;
  const latest = latestDue(now, { examDay: examDayOf(settings) });
  for (const card of Object.values(quiz.cards ?? {})) {
    if (Date.parse(card.due) > latest.getTime()) {
      card.due = latest.toISOString();
      card.scheduledDays = Math.max(0, Math.floor((latest.getTime() - Date.parse(card.lastReview ?? card.due)) / 86_400_000));
    }
  }
}

/** The start of the learner's day (local midnight): the daily review cap counts from here. */
export function localMidnight(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

/** The cards due now, missed ones first, within the learner's daily cap. */
export function dueReviews(quiz: QuizProgress, now: Date): ReviewQueue {
  return reviewQueue(quiz.cards ?? {}, { now, dailyCap: quiz.settings?.dailyCap, dayStart: localMidnight(now) });
}
