import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';

/**
 * Spaced review with FSRS (the Free Spaced Repetition Scheduler, via ts-fsrs): every answered
 * question becomes a card, and each answer schedules it again. A wrong answer is "Again", a
 * right one "Good", a right one the learner was unsure of "Hard".
 *
 * Parameters (and why):
 * - the default FSRS-6 weights: there is no review history to fit our own yet;
 * - desired retention 0.9, FSRS's default: a card comes back when recall has fallen to 90%;
 * - no learning steps (enable_short_term: false): a quiz question asked again ten minutes
 *   after its explanation tests short-term memory, so the smallest interval is one day;
 * - no fuzz: the same answers on the same days give the same schedule (tests, replays);
 * - maximum interval 365 days, and with an exam date, no card is due after the exam's eve.
 */
export const SCHEDULER = {
  desiredRetention: 0.9,
  maximumIntervalDays: 365,
  defaultDailyCap: 50,
} as const;

const DAY_MS = 86_400_000;

const scheduler = fsrs({
  request_retention: SCHEDULER.desiredRetention,
  maximum_interval: SCHEDULER.maximumIntervalDays,
  enable_fuzz: false,
  enable_short_term: false,
});

export const CARD_STATES = ['new', 'learning', 'review', 'relearning'] as const;
export type CardState = (typeof CARD_STATES)[number];

/** An FSRS card as the progress file keeps it (JSON: ISO dates, named states). */
export interface ReviewCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardState;
  lastReview?: string;
  /** Whether the latest answer was right: missed cards are served first. */
  lastCorrect: boolean;
}

export type Recall = 'again' | 'hard' | 'good' | 'easy';
const GRADES: Record<Recall, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };
const STATES: Record<CardState, State> = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };

/** The FSRS grade for an answer. */
export function recallFor(correct: boolean, { unsure = false } = {}): Recall {
  return !correct ? 'again' : unsure ? 'hard' : 'good';
}

function toFsrs(card: ReviewCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATES[card.state],
    ...(card.lastReview ? { last_review: new Date(card.lastReview) } : {}),
  };
}

function fromFsrs(card: Card, lastCorrect: boolean): ReviewCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: CARD_STATES[card.state]!,
    ...(card.last_review ? { lastReview: card.last_review.toISOString() } : {}),
    lastCorrect,
  };
}

export interface ScheduleOptions {
  /** The start of the exam day: no card is scheduled past the day before it. */
  examDay?: Date;
}

/**
 * The latest a card may come back: a year from now, and before an exam, the start of the
 * exam's eve, so that everything gets one more look first. On the eve and after the exam
 * there is no exam cap.
 */
export function latestDue(now: Date, { examDay }: ScheduleOptions = {}): Date {
  const year = new Date(now.getTime() + SCHEDULER.maximumIntervalDays * DAY_MS);
  if (!examDay) return year;
  const eve = examDay.getTime() - DAY_MS;
  return now.getTime() < eve && eve < year.getTime() ? new Date(eve) : year;
}

/** Schedules a card after an answer; a question answered for the first time gets a new card. */
export function scheduleCard(card: ReviewCard | undefined, recall: Recall, now: Date, options: ScheduleOptions = {}): ReviewCard {
  const next = scheduler.next(card ? toFsrs(card) : createEmptyCard(now), now, GRADES[recall]).card;
  const latest = latestDue(now, options);
  if (next.due.getTime() > latest.getTime()) {
    next.due = latest;
    next.scheduled_days = Math.max(0, Math.floor((latest.getTime() - now.getTime()) / DAY_MS));
  }
  return fromFsrs(next, recall !== 'again');
}

/** The probability, per FSRS's forgetting curve, that the learner still recalls the card now. */
export function retrievability(card: ReviewCard, now: Date): number {
  if (card.state === 'new') return 0;
  return scheduler.get_retrievability(toFsrs(card), now, false);
}

export interface QueueOptions {
  now: Date;
  /** At most this many reviews a day (default 50). */
  dailyCap?: number;
  /** The start of the learner's day (their local midnight); UTC midnight when left out. */
  dayStart?: Date;
}

export interface ReviewQueue {
  /** Question ids to review now, in order, within what is left of the daily cap. */
  ids: string[];
  /** Cards due today, served or not. */
  dueToday: number;
  reviewedToday: number;
  remainingToday: number;
}

function utcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * The cards to review now: those due before the end of the learner's day, the ones last
 * answered wrongly first, then the ones most likely forgotten (lowest retrievability), then
 * the longest overdue. Cards answered again since the day started count against the daily
 * cap; a question answered for the first time today does not.
 */
export function reviewQueue(cards: Readonly<Record<string, ReviewCard>>, options: QueueOptions): ReviewQueue {
  const dayStart = (options.dayStart ?? utcMidnight(options.now)).getTime();
  const dayEnd = dayStart + DAY_MS;
  const cap = options.dailyCap ?? SCHEDULER.defaultDailyCap;
  const entries = Object.entries(cards);
  // A card's first answer (reps 1) is learning, not review: it does not use up the cap.
  const reviewedToday = entries.filter(([, c]) => c.reps > 1 && c.lastReview && Date.parse(c.lastReview) >= dayStart).length;
  const due = entries
    .filter(([, c]) => Date.parse(c.due) < dayEnd)
    .map(([id, c]) => ({ id, card: c, recall: retrievability(c, options.now) }))
    .sort((a, b) => Number(a.card.lastCorrect) - Number(b.card.lastCorrect) || a.recall - b.recall || Date.parse(a.card.due) - Date.parse(b.card.due) || (a.id < b.id ? -1 : 1));
  const remainingToday = Math.max(0, cap - reviewedToday);
  return { ids: due.slice(0, remainingToday).map((d) => d.id), dueToday: due.length, reviewedToday, remainingToday };
}
