import { z } from 'zod';
import { DOMAINS } from '../data/topics.js';

/** The progress file's schema version; older files are migrated forward on read. */
export const PROGRESS_VERSION = 1;

const transcriptLine = z.object({ line: z.string(), timeMs: z.number(), exitCode: z.number().int() });

const taskResult = z.object({
  id: z.string(),
  passed: z.boolean(),
  points: z.number(),
  maxPoints: z.number(),
  hintsUsed: z.number().int(),
  /** True when the task was not passed the first time it was checked after a learner line. */
  failedFirstTry: z.boolean().optional(),
});

const attempt = z.object({
  id: z.string(),
  labId: z.string(),
  labSha256: z.string(),
  /** The lab's graded parts' hashes (lab/fingerprint.ts), so a submission can say what changed. */
  labParts: z.record(z.string(), z.string()).optional(),
  seed: z.number().int(),
  awslabVersion: z.string(),
  startedAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().optional(),
  transcript: z.array(transcriptLine),
  score: z.number(),
  maxScore: z.number(),
  passed: z.boolean(),
  tasks: z.array(taskResult),
  virtualMs: z.number(),
});

const labProgress = z.object({
  attempts: z.array(attempt),
  bestScore: z.number(),
  maxScore: z.number(),
  completedAt: z.string().optional(),
});

// The quiz engine's part (src/quiz/record.ts describes the same shape as TypeScript types;
// test/quiz/record.test.ts keeps the two in step). Every member is optional, so a file from
// before quizzes (`quiz: {}`) still reads at version 1, and unknown members are kept.
const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO date and time');

const questionResult = z.object({
  attempts: z.number().int().nonnegative(),
  correct: z.number().int().nonnegative(),
  lastCorrect: z.boolean(),
  lastAnsweredAt: isoTime,
});

const reviewCard = z.object({
  due: isoTime,
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number(),
  scheduledDays: z.number(),
  learningSteps: z.number().int(),
  reps: z.number().int().nonnegative(),
  lapses: z.number().int().nonnegative(),
  state: z.enum(['new', 'learning', 'review', 'relearning']),
  lastReview: isoTime.optional(),
  lastCorrect: z.boolean(),
});

const examRecord = z.object({
  seed: z.number().int(),
  startedAt: isoTime,
  submittedAt: isoTime,
  timedOut: z.boolean(),
  correct: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  scaledScore: z.number().int(),
  passed: z.boolean(),
  byDomain: z.record(z.enum(DOMAINS), z.object({ correct: z.number().int().nonnegative(), total: z.number().int().nonnegative() })),
  items: z.array(
    z.object({
      id: z.string(),
      order: z.array(z.number().int()),
      selected: z.array(z.number().int()),
      flagged: z.boolean(),
      correct: z.boolean(),
    }),
  ),
});

const quizProgress = z.looseObject({
  results: z.record(z.string(), questionResult).optional(),
  cards: z.record(z.string(), reviewCard).optional(),
  exams: z.array(examRecord).optional(),
  settings: z
    .looseObject({
      examDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD').optional(),
      dailyCap: z.number().int().positive().optional(),
    })
    .optional(),
});

export const progressSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  profile: z.object({ name: z.string(), createdAt: z.string(), seed: z.number().int().optional(), learnerId: z.string().optional(), nameConfirmed: z.boolean().optional() }),
  labs: z.record(z.string(), labProgress),
  /** Quiz results, exam history, review cards and quiz settings (see src/quiz/record.ts). */
  quiz: quizProgress,
});

export type ProgressData = z.infer<typeof progressSchema>;
export type Attempt = z.infer<typeof attempt>;

export function emptyProgress(name: string, nowIso: string): ProgressData {
  return { version: PROGRESS_VERSION, profile: { name, createdAt: nowIso }, labs: {}, quiz: {} };
}

/**
 * Migrations from each older version to the next. Version 1 is the first, so there are
 * none yet; a file from a newer awslab is refused rather than rewritten and truncated.
 */
export const MIGRATIONS: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {};
