import type { ProgressData } from '../../progress/schema.js';
import { labStatus, type LabStatus } from '../../progress/attempts.js';
import type { CatalogIndex } from '../../app/catalog-index.js';
import { askableDue } from '../../app/review-due.js';

export interface HomeStatus {
  labsDone: number;
  labsTotal: number;
  /** Days in a row with some study, ending today (or yesterday, when today has none yet). */
  streakDays: number;
  /** The lab of the latest attempt; `unfinished` when that attempt can be continued. */
  lastLab?: { id: string; title: string; status: LabStatus; unfinished: boolean };
  /** Review cards due today (quiz questions and lab tasks), within the daily cap. */
  reviewsDue: number;
}

const DAY_MS = 86_400_000;

/** The learner's local calendar day of an ISO time. */
function localDay(iso: string): string | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Every moment of study the progress file remembers: lab attempts (start and last save),
 * quiz answers (the latest per question), reviews and exams.
 */
export function activityTimes(data: ProgressData): string[] {
  const times: string[] = [];
  for (const lab of Object.values(data.labs)) for (const a of lab.attempts) times.push(a.startedAt, a.updatedAt);
  for (const r of Object.values(data.quiz.results ?? {})) times.push(r.lastAnsweredAt);
  for (const c of Object.values(data.quiz.cards ?? {})) if (c.lastReview) times.push(c.lastReview);
  for (const e of data.quiz.exams ?? []) times.push(e.submittedAt);
  return times;
}

export function streakDays(data: ProgressData, now: Date): number {
  const days = new Set(activityTimes(data).map(localDay).filter((d): d is string => d !== undefined));
  const dayOf = (ms: number) => localDay(new Date(ms).toISOString())!;
  let cursor = now.getTime();
  if (!days.has(dayOf(cursor))) cursor -= DAY_MS;
  let streak = 0;
  while (days.has(dayOf(cursor))) {
    streak++;
    cursor -= DAY_MS;
  }
  return streak;
}

export function homeStatus(data: ProgressData, { labs, askable }: CatalogIndex, now: Date): HomeStatus {
  const canAsk = new Set(askable);
  const latest = Object.values(data.labs)
    .flatMap((l) => l.attempts)
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))
    .pop();
  const title = latest ? (labs.find((l) => l.id === latest.labId)?.title ?? latest.labId) : undefined;
  return {
    labsDone: labs.filter((l) => labStatus(data, l.id) === 'done').length,
    labsTotal: labs.length,
    streakDays: streakDays(data, now),
    reviewsDue: askableDue(data.quiz, now, (id) => canAsk.has(id)).dueToday,
    ...(latest && title ? { lastLab: { id: latest.labId, title, status: labStatus(data, latest.labId), unfinished: !latest.finishedAt && latest.transcript.length > 0 } } : {}),
  };
}

/** The one-line status: "1 of 3 labs done · 2-day streak · last lab: … (in progress)". */
export function formatStatus(status: HomeStatus): string {
  const parts = [`${status.labsDone} of ${status.labsTotal} labs done`];
  parts.push(status.streakDays ? `${status.streakDays}-day streak` : 'no streak yet');
  parts.push(status.lastLab ? `last lab: ${status.lastLab.title} (${status.lastLab.status})` : 'no lab started yet');
  if (status.reviewsDue) parts.unshift(`${status.reviewsDue} review${status.reviewsDue === 1 ? '' : 's'} due (2, then Review)`);
  return parts.join(' · ');
}
