import { DOMAIN_WEIGHTS, DOMAINS, TOPICS, topicById, type Domain } from '../data/topics.js';
import { inExam, type Question } from './bank-file.js';
import { isCorrectSelection, present, seededRandom, selectionProblem, shuffled, toBankIndices, type Presented } from './presented.js';
import type { RandomState } from '../lib/random.js';

/**
 * The practice exam, shaped like AWS Certified Cloud Practitioner (CLF-C02): 65 questions
 * drawn by the exam guide's domain weights, 90 minutes, a scaled score from 100 to 1000 with
 * 700 to pass. Pure: the clock is whatever timestamps the caller passes in.
 *
 * The real exam has 50 scored and 15 unscored questions; here all 65 count.
 */
export const EXAM = {
  questions: 65,
  minutes: 90,
  minScore: 100,
  maxScore: 1000,
  passScore: 700,
  /** The share of correct answers that maps to 700 (see scaledScore). */
  passFraction: 0.7,
} as const;

/**
 * How many of `total` questions each domain gets: the largest remainder method. Each domain
 * first gets the whole part of total x weight / 100; the seats left go, one each, to the
 * domains with the largest fractional parts (ties: the heavier domain, then syllabus order).
 * For 65 questions: 15.6, 19.5, 22.1 and 7.8 give 15, 19, 22, 7 (63), and the two seats left
 * go to billing (.8) and concepts (.6): concepts 16, security 19, technology 22, billing 8.
 */
export function questionsPerDomain(total: number, weights: Readonly<Record<Domain, number>> = DOMAIN_WEIGHTS): Record<Domain, number> {
  const sum = DOMAINS.reduce((s, d) => s + weights[d], 0);
  const counts = Object.fromEntries(DOMAINS.map((d) => [d, Math.floor((total * weights[d]) / sum)])) as Record<Domain, number>;
  const remainder = (d: Domain) => (total * weights[d]) % sum;
  const byRemainder = [...DOMAINS].sort((a, b) => remainder(b) - remainder(a) || weights[b] - weights[a] || DOMAINS.indexOf(a) - DOMAINS.indexOf(b));
  let left = total - DOMAINS.reduce((s, d) => s + counts[d], 0);
  for (const d of byRemainder) {
    if (left-- <= 0) break;
    counts[d]++;
  }
  return counts;
}

/** When the learner last answered each question (ISO time), by id: QuizProgress.results holds it. */
export type SeenQuestions = Readonly<Record<string, { lastAnsweredAt: string } | undefined>>;

/**
 * Questions in the order an exam should take them: the ones never answered first, then the
 * least recently answered. Within a tier the order comes from the seed, so the same seed and
 * the same history draw the same exam.
 */
function freshestFirst(questions: readonly Question[], seen: SeenQuestions, random: RandomState): Question[] {
  const at = (q: Question) => seen[q.id]?.lastAnsweredAt;
  const shuffledPool = shuffled(questions, random);
  const unseen = shuffledPool.filter((q) => at(q) === undefined);
  // A stable sort of the shuffled list keeps the seeded order among equal times.
  const seenOnes = shuffledPool.filter((q) => at(q) !== undefined).sort((a, b) => (at(a)! < at(b)! ? -1 : at(a)! > at(b)! ? 1 : 0));
  return [...unseen, ...seenOnes];
}

/**
 * `count` questions of one domain. The unseen ones come first, spread over the domain's
 * topics (one from each topic in turn, in a seeded order); when they run out, the least
 * recently seen follow.
 */
function drawFromDomain(pool: readonly Question[], count: number, seen: SeenQuestions, random: RandomState): Question[] {
  const ordered = freshestFirst(pool, seen, random);
  const unseen = ordered.filter((q) => !seen[q.id]);
  const topics = shuffled([...new Set(unseen.map((q) => q.topic))].sort(), random);
  const queues = topics.map((topic) => unseen.filter((q) => q.topic === topic));
  const drawn: Question[] = [];
  while (drawn.length < count && queues.some((q) => q.length)) {
    for (const queue of queues) if (drawn.length < count && queue.length) drawn.push(queue.shift()!);
  }
  return [...drawn, ...ordered.filter((q) => seen[q.id]).slice(0, count - drawn.length)];
}

export interface ExamDraw {
  questions: Question[];
  /** How many questions each domain should have had, and how many it got. */
  planned: Record<Domain, number>;
  drawn: Record<Domain, number>;
}

/**
 * Draws an exam from the pool's exam questions (retired ones and those marked `exam: false`
 * are left out). A domain with too few questions gives all it has and the missing seats are
 * filled from the other domains' leftovers; a pool smaller than `count` gives a shorter exam.
 * Questions the learner has not answered yet come first, then the least recently answered
 * (`seen`). The order is shuffled so that domains are mixed.
 */
export function drawExam(pool: readonly Question[], seed: number, count: number = EXAM.questions, seen: SeenQuestions = {}): ExamDraw {
  const random = seededRandom(seed);
  const eligible = pool.filter(inExam);
  const size = Math.min(count, eligible.length);
  const planned = questionsPerDomain(size);
  const picked: Question[] = [];
  for (const domain of DOMAINS) picked.push(...drawFromDomain(eligible.filter((q) => q.domain === domain), planned[domain], seen, random));
  const taken = new Set(picked.map((q) => q.id));
  const leftovers = freshestFirst(eligible.filter((q) => !taken.has(q.id)), seen, random);
  picked.push(...leftovers.slice(0, size - picked.length));
  const questions = shuffled(picked, random);
  const drawn = Object.fromEntries(DOMAINS.map((d) => [d, questions.filter((q) => q.domain === d).length])) as Record<Domain, number>;
  return { questions, planned, drawn };
}

export interface ExamItem extends Presented {
  /** Bank indices of the chosen options; empty while unanswered. */
  selected: number[];
  flagged: boolean;
}

export interface ExamState {
  /** The seed that drew the questions and shuffled their options: recorded with the result. */
  readonly seed: number;
  readonly startedAtMs: number;
  readonly deadlineMs: number;
  readonly items: readonly ExamItem[];
  readonly submittedAtMs?: number;
}

/** Answering after time is up or after submitting: the front end should submit instead. */
export class ExamClosedError extends Error {}

export interface ExamOptions {
  seed: number;
  nowMs: number;
  count?: number;
  minutes?: number;
  /** The learner's answers so far (QuizProgress.results): unseen questions are drawn first. */
  seen?: SeenQuestions;
}

export function startExam(pool: readonly Question[], options: ExamOptions): ExamState {
  const { questions } = drawExam(pool, options.seed, options.count ?? EXAM.questions, options.seen);
  // Options are shuffled by a second stream from the same seed, so that changing the draw
  // does not change how options are shuffled and the other way round.
  const random = seededRandom(options.seed ^ 0x5bd1e995);
  const items = questions.map((q) => ({ ...present(q, random), selected: [], flagged: false }));
  return { seed: options.seed, startedAtMs: options.nowMs, deadlineMs: options.nowMs + (options.minutes ?? EXAM.minutes) * 60_000, items };
}

export interface ExamClock {
  elapsedMs: number;
  remainingMs: number;
  expired: boolean;
}

export function examClock(state: ExamState, nowMs: number): ExamClock {
  const end = state.submittedAtMs ?? nowMs;
  return { elapsedMs: Math.max(0, end - state.startedAtMs), remainingMs: Math.max(0, state.deadlineMs - end), expired: end >= state.deadlineMs };
}

function open(state: ExamState, nowMs: number): void {
  if (state.submittedAtMs !== undefined) throw new ExamClosedError('the exam has been submitted');
  if (nowMs >= state.deadlineMs) throw new ExamClosedError('time is up: the exam must be submitted');
}

function withItem(state: ExamState, index: number, change: (item: ExamItem) => ExamItem): ExamState {
  if (!state.items[index]) throw new RangeError(`no question ${index + 1} in a ${state.items.length}-question exam`);
  return { ...state, items: state.items.map((item, i) => (i === index ? change(item) : item)) };
}

/** Records an answer (shown positions); an empty choice clears it. */
export function answerExam(state: ExamState, index: number, shown: readonly number[], nowMs: number): ExamState {
  open(state, nowMs);
  return withItem(state, index, (item) => {
    if (!shown.length) return { ...item, selected: [] };
    const problem = selectionProblem(item.question, shown);
    if (problem) throw new Error(`answerExam: ${problem}`);
    return { ...item, selected: toBankIndices(item, shown) };
  });
}

/** Flags a question for review, or unflags it. */
export function toggleFlag(state: ExamState, index: number, nowMs: number): ExamState {
  open(state, nowMs);
  return withItem(state, index, (item) => ({ ...item, flagged: !item.flagged }));
}

export interface ReviewList {
  answered: number;
  /** 0-based question numbers, in exam order. */
  unanswered: number[];
  flagged: number[];
}

/** What to look at again before submitting, as the real exam's review screen shows. */
export function reviewList(state: ExamState): ReviewList {
  const indices = state.items.map((_, i) => i);
  return {
    answered: state.items.filter((i) => i.selected.length).length,
    unanswered: indices.filter((i) => !state.items[i]!.selected.length),
    flagged: indices.filter((i) => state.items[i]!.flagged),
  };
}

/**
 * The scaled score. AWS does not publish how it scales CLF-C02 scores (it equates scores
 * across exam forms of different difficulty), so awslab uses a transparent stand-in: a
 * straight line from 0% correct = 100 to 70% = 700, and another from 70% to 100% = 1000.
 * Passing (700) therefore means at least 70% correct: 46 of 65. Rounded to a whole number,
 * and never rounded across the pass mark.
 */
export function scaledScore(correct: number, total: number): number {
  if (total <= 0) return EXAM.minScore;
  const fraction = correct / total;
  const cut = EXAM.passFraction;
  const raw = fraction >= cut ? EXAM.passScore + ((EXAM.maxScore - EXAM.passScore) * (fraction - cut)) / (1 - cut) : EXAM.minScore + ((EXAM.passScore - EXAM.minScore) * fraction) / cut;
  const rounded = Math.round(raw);
  return passes(correct, total) ? Math.max(EXAM.passScore, rounded) : Math.min(EXAM.passScore - 1, rounded);
}

/** At least 70% correct, computed in whole numbers so that 70% exactly passes. */
function passes(correct: number, total: number): boolean {
  return correct * 10 >= total * 7;
}

export interface DomainResult {
  correct: number;
  total: number;
  percent: number;
  /** "Meets competencies" at 70% or more, as in AWS's score report; otherwise "needs improvement". */
  meets: boolean;
}

export interface StudyTopic {
  topic: string;
  title: string;
  domain: Domain;
  missed: number;
  asked: number;
  /** Note sections (topic#anchor) behind the missed questions. */
  notes: string[];
}

export interface ExamItemResult {
  questionId: string;
  order: number[];
  selected: number[];
  flagged: boolean;
  correct: boolean;
}

export interface ExamResult {
  seed: number;
  startedAtMs: number;
  submittedAtMs: number;
  timedOut: boolean;
  correct: number;
  total: number;
  scaledScore: number;
  passed: boolean;
  byDomain: Record<Domain, DomainResult>;
  /** Topics with a missed or unanswered question: weak domains first, then the most missed. */
  study: StudyTopic[];
  items: ExamItemResult[];
}

/** Ends the exam and scores it. After the deadline, the answers given in time are scored. */
export function submitExam(state: ExamState, nowMs: number): ExamResult {
  if (state.submittedAtMs !== undefined) throw new ExamClosedError('the exam has already been submitted');
  const submittedAtMs = Math.min(nowMs, state.deadlineMs);
  const items = state.items.map((item) => ({
    questionId: item.question.id,
    order: item.order,
    selected: item.selected,
    flagged: item.flagged,
    correct: item.selected.length > 0 && isCorrectSelection(item.question, item.selected),
  }));
  const correct = items.filter((i) => i.correct).length;
  const byDomain = domainResults(state.items, items);
  return {
    seed: state.seed,
    startedAtMs: state.startedAtMs,
    submittedAtMs,
    timedOut: nowMs >= state.deadlineMs,
    correct,
    total: items.length,
    scaledScore: scaledScore(correct, items.length),
    passed: passes(correct, items.length),
    byDomain,
    study: studyTopics(state.items, items, byDomain),
    items,
  };
}

function domainResults(items: readonly ExamItem[], results: readonly ExamItemResult[]): Record<Domain, DomainResult> {
  return Object.fromEntries(
    DOMAINS.map((domain) => {
      const mine = results.filter((_, i) => items[i]!.question.domain === domain);
      const correct = mine.filter((r) => r.correct).length;
      const percent = mine.length ? Math.round((100 * correct) / mine.length) : 0;
      return [domain, { correct, total: mine.length, percent, meets: mine.length > 0 && passes(correct, mine.length) }];
    }),
  ) as Record<Domain, DomainResult>;
}

function studyTopics(items: readonly ExamItem[], results: readonly ExamItemResult[], byDomain: Record<Domain, DomainResult>): StudyTopic[] {
  const topics = new Map<string, StudyTopic>();
  items.forEach(({ question }, i) => {
    const topic = topicById(question.topic);
    const entry = topics.get(question.topic) ?? { topic: question.topic, title: topic?.title ?? question.topic, domain: question.domain, missed: 0, asked: 0, notes: [] };
    entry.asked++;
    if (!results[i]!.correct) {
      entry.missed++;
      if (!entry.notes.includes(question.note)) entry.notes.push(question.note);
    }
    topics.set(question.topic, entry);
  });
  const syllabus = (id: string) => TOPICS.findIndex((t) => t.id === id);
  return [...topics.values()]
    .filter((t) => t.missed > 0)
    .sort((a, b) => Number(byDomain[a.domain].meets) - Number(byDomain[b.domain].meets) || b.missed - a.missed || syllabus(a.topic) - syllabus(b.topic));
}
