import { z } from 'zod';

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

export const progressSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  profile: z.object({ name: z.string(), createdAt: z.string() }),
  labs: z.record(z.string(), labProgress),
  /** Room for quizzes, exams and review cards: kept as is until their engine reads it. */
  quiz: z.record(z.string(), z.unknown()),
});

export type ProgressData = z.infer<typeof progressSchema>;
export type Attempt = z.infer<typeof attempt>;
export type LabProgress = z.infer<typeof labProgress>;
export type TranscriptLine = z.infer<typeof transcriptLine>;

export function emptyProgress(name: string, nowIso: string): ProgressData {
  return { version: PROGRESS_VERSION, profile: { name, createdAt: nowIso }, labs: {}, quiz: {} };
}

/**
 * Migrations from each older version to the next. Version 1 is the first, so there are
 * none yet; a file from a newer awslab is refused rather than rewritten and truncated.
 */
export const MIGRATIONS: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {};
