import { describe, expect, it } from 'vitest';
import { DOMAINS, TOPICS } from '../../src/data/topics.js';
import { loadBuiltInBanks } from '../../src/quiz/banks.js';
import { answerExam, drawExam, EXAM, ExamClosedError, examClock, questionsPerDomain, reviewList, scaledScore, startExam, submitExam, toggleFlag } from '../../src/quiz/exam.js';
import { toShownPositions } from '../../src/quiz/presented.js';
import { pool, question } from './helpers.js';

const everyTopic = pool(TOPICS.map((t) => t.id), 8);
const T0 = Date.parse('2026-03-01T09:00:00Z');
const MINUTE = 60_000;

describe('questions per domain (largest remainder rounding of 24/30/34/12)', () => {
  it('gives a 65-question exam 16 concepts, 19 security, 22 technology and 8 billing questions', () => {
    expect(questionsPerDomain(65)).toEqual({ concepts: 16, security: 19, technology: 22, billing: 8 });
  });

  it('gives a 100-question exam exactly the weights', () => {
    expect(questionsPerDomain(100)).toEqual({ concepts: 24, security: 30, technology: 34, billing: 12 });
  });

  it('always adds up to the total, and each domain is within one of its exact share', () => {
    for (let total = 0; total <= 200; total++) {
      const counts = questionsPerDomain(total);
      expect(DOMAINS.reduce((s, d) => s + counts[d], 0)).toBe(total);
      for (const d of DOMAINS) expect(Math.abs(counts[d] - (total * { concepts: 24, security: 30, technology: 34, billing: 12 }[d]) / 100)).toBeLessThan(1);
    }
  });

  it('breaks a tie between equal remainders in favour of the heavier domain', () => {
    // 10 x 24/30/34/12 = 2.4, 3.0, 3.4, 1.2: one seat left, remainders .4 (concepts) and .4 (technology).
    expect(questionsPerDomain(10)).toEqual({ concepts: 2, security: 3, technology: 4, billing: 1 });
  });
});

describe('drawing an exam', () => {
  it('draws 65 different questions with the planned count per domain', () => {
    const draw = drawExam(everyTopic, 7);
    expect(draw.questions).toHaveLength(65);
    expect(new Set(draw.questions.map((q) => q.id)).size).toBe(65);
    expect(draw.drawn).toEqual({ concepts: 16, security: 19, technology: 22, billing: 8 });
  });

  it('draws the real banks by the same weights', () => {
    const { banks } = loadBuiltInBanks();
    expect(drawExam(banks.flatMap((b) => b.questions), 1).drawn).toEqual({ concepts: 16, security: 19, technology: 22, billing: 8 });
  });

  it('spreads each domain over its topics: no concepts topic gets more than its fair share plus one', () => {
    const draw = drawExam(everyTopic, 3);
    const concepts = TOPICS.filter((t) => t.domain === 'concepts').map((t) => draw.questions.filter((q) => q.topic === t.id).length);
    expect(Math.max(...concepts) - Math.min(...concepts)).toBeLessThanOrEqual(1);
  });

  it('draws the same exam for the same seed and another for another seed', () => {
    const ids = (seed: number) => drawExam(everyTopic, seed).questions.map((q) => q.id);
    expect(ids(42)).toEqual(ids(42));
    expect(ids(43)).not.toEqual(ids(42));
  });

  it('fills a domain that is short of questions from the others, keeping 65 questions', () => {
    const fewBilling = everyTopic.filter((q) => q.domain !== 'billing').concat(pool(['ec2-pricing'], 3));
    const draw = drawExam(fewBilling, 5);
    expect(draw.drawn.billing).toBe(3);
    expect(draw.questions).toHaveLength(65);
  });

  it('gives a shorter exam when the pool is smaller than 65', () => {
    expect(drawExam(pool(['s3-versioning'], 10), 1).questions).toHaveLength(10);
  });

  it('never draws a question marked exam: false or retired, even when the pool runs short', () => {
    const beyond = pool(['s3-versioning'], 6).map((q, i) => (i < 3 ? { ...q, beyondExam: true } : i === 3 ? { ...q, retired: true } : q));
    const draw = drawExam(beyond, 1);
    expect(draw.questions.map((q) => q.id).sort()).toEqual(['s3-versioning-05', 's3-versioning-06']);
    const full = everyTopic.map((q) => (q.domain === 'billing' && q.id.endsWith('1') ? { ...q, beyondExam: true } : q));
    for (const seed of [1, 2, 3]) expect(drawExam(full, seed).questions.filter((q) => q.beyondExam)).toEqual([]);
  });
});

describe('unseen questions first', () => {
  const at = (day: number) => ({ lastAnsweredAt: new Date(T0 + day * 86_400_000).toISOString() });
  const billing = pool(['ec2-pricing', 'pricing-models'], 8);

  it('draws the questions never answered before any answered one', () => {
    // 16 billing questions; 10 seen. An 8-question billing exam takes the 6 unseen, then 2 seen.
    const seen = Object.fromEntries(billing.slice(0, 10).map((q, i) => [q.id, at(i)]));
    const draw = drawExam(billing, 9, 8, seen);
    const unseen = billing.slice(10).map((q) => q.id);
    expect(draw.questions.filter((q) => unseen.includes(q.id))).toHaveLength(6);
  });

  it('then takes the least recently answered', () => {
    // Every question seen; the two answered longest ago are days 0 and 1.
    const seen = Object.fromEntries(billing.map((q, i) => [q.id, at(100 - i)]));
    const draw = drawExam(billing, 4, 3, seen);
    expect(draw.questions.map((q) => q.id).sort()).toEqual([billing[13]!.id, billing[14]!.id, billing[15]!.id].sort());
  });

  it('is the same for the same seed and history, and the seed still varies the unseen ones', () => {
    const seen = Object.fromEntries(billing.slice(0, 4).map((q, i) => [q.id, at(i)]));
    const ids = (seed: number) => drawExam(billing, seed, 6, seen).questions.map((q) => q.id);
    expect(ids(21)).toEqual(ids(21));
    expect(new Set([21, 22, 23, 24].map((s) => ids(s).sort().join()))).not.toHaveProperty('size', 1);
    for (const seed of [21, 22, 23]) expect(ids(seed).filter((id) => seen[id])).toEqual([]);
  });

  it('startExam passes the learner\'s history on to the draw', () => {
    const seen = Object.fromEntries(billing.slice(0, 12).map((q, i) => [q.id, at(i)]));
    const exam = startExam(billing, { seed: 2, nowMs: T0, count: 4, seen });
    expect(exam.items.map((i) => i.question.id).sort()).toEqual(billing.slice(12).map((q) => q.id).sort());
  });
});

describe('taking the exam', () => {
  const start = () => startExam(everyTopic, { seed: 11, nowMs: T0 });

  it('shuffles each question\'s options, the same way for the same seed', () => {
    const a = start();
    expect(a.items.some((i) => i.order.join() !== '0,1,2,3' && i.order.join() !== '0,1,2,3,4')).toBe(true);
    expect(start().items.map((i) => i.order)).toEqual(a.items.map((i) => i.order));
    for (const item of a.items) expect([...item.order].sort()).toEqual(item.question.options.map((_, i) => i));
  });

  it('records an answer in bank indices, whatever position it was shown at', () => {
    const exam = start();
    const shown = toShownPositions(exam.items[0]!, [2]);
    expect(answerExam(exam, 0, shown, T0 + MINUTE).items[0]!.selected).toEqual([2]);
  });

  it('clears an answer given an empty choice', () => {
    const answered = answerExam(start(), 0, [1], T0);
    expect(answerExam(answered, 0, [], T0).items[0]!.selected).toEqual([]);
  });

  it('refuses a choice of the wrong size for the question type', () => {
    const exam = start();
    expect(() => answerExam(exam, 0, [0, 1], T0)).toThrow(exam.items[0]!.question.type === 'single' ? 'choose one option' : 'choose exactly 2 options');
  });

  it('lists unanswered and flagged questions for review before submitting', () => {
    let exam = start();
    exam = answerExam(exam, 0, [0], T0);
    exam = toggleFlag(exam, 0, T0);
    exam = toggleFlag(exam, 3, T0);
    exam = toggleFlag(exam, 3, T0);
    exam = toggleFlag(exam, 4, T0);
    const list = reviewList(exam);
    expect(list.answered).toBe(1);
    expect(list.flagged).toEqual([0, 4]);
    expect(list.unanswered).toEqual(Array.from({ length: 64 }, (_, i) => i + 1));
  });

  it('allows 90 minutes, measured from the timestamps passed in', () => {
    const exam = start();
    expect(examClock(exam, T0 + 30 * MINUTE)).toEqual({ elapsedMs: 30 * MINUTE, remainingMs: 60 * MINUTE, expired: false });
    expect(examClock(exam, T0 + 90 * MINUTE).expired).toBe(true);
  });

  it('takes no answer once time is up', () => {
    expect(() => answerExam(start(), 0, [0], T0 + EXAM.minutes * MINUTE)).toThrow(ExamClosedError);
  });

  it('scores a late submission as of the deadline, with the answers given in time', () => {
    const exam = answerExam(start(), 0, [0], T0 + MINUTE);
    const result = submitExam(exam, T0 + 120 * MINUTE);
    expect(result.timedOut).toBe(true);
    expect(result.submittedAtMs).toBe(T0 + 90 * MINUTE);
    expect(result.items.filter((i) => i.selected.length)).toHaveLength(1);
  });

  it('cannot be submitted twice', () => {
    const exam = { ...start(), submittedAtMs: T0 };
    expect(() => submitExam(exam, T0)).toThrow('already been submitted');
  });
});

describe('scoring', () => {
  it('maps 0% to 100, 70% to 700 and 100% to 1000', () => {
    expect(scaledScore(0, 65)).toBe(100);
    expect(scaledScore(7, 10)).toBe(700);
    expect(scaledScore(65, 65)).toBe(1000);
  });

  it('passes 46 of 65 (70.8%) and fails 45 of 65 (69.2%)', () => {
    expect(scaledScore(46, 65)).toBe(708);
    expect(scaledScore(45, 65)).toBe(693);
  });

  it('never rounds a fail up to 700', () => {
    expect(scaledScore(699, 1000)).toBe(699);
    expect(scaledScore(6999, 10000)).toBe(699);
  });

  it('rises with every extra correct answer', () => {
    const scores = Array.from({ length: 66 }, (_, c) => scaledScore(c, 65));
    for (let c = 1; c <= 65; c++) expect(scores[c]).toBeGreaterThan(scores[c - 1]!);
  });

  it('gives no partial credit on a "(Choose two.)" question', () => {
    const q = question('s3-versioning-01', { type: 'multiple', correct: [1, 3] });
    const exam = startExam([q], { seed: 1, nowMs: T0 });
    const half = answerExam(exam, 0, toShownPositions(exam.items[0]!, [1, 2]), T0);
    const full = answerExam(exam, 0, toShownPositions(exam.items[0]!, [3, 1]), T0);
    expect(submitExam(half, T0).correct).toBe(0);
    expect(submitExam(full, T0).correct).toBe(1);
  });

  it('breaks the result down by domain and lists topics to study, weakest domain first', () => {
    let exam = startExam(everyTopic, { seed: 9, nowMs: T0 });
    // Right on every concepts and technology question; nothing else answered.
    exam.items.forEach((item, i) => {
      if (item.question.domain === 'concepts' || item.question.domain === 'technology') exam = answerExam(exam, i, toShownPositions(item, [0]), T0);
    });
    const result = submitExam(exam, T0 + 50 * MINUTE);
    expect(result.byDomain).toEqual({
      concepts: { correct: 16, total: 16, percent: 100, meets: true },
      security: { correct: 0, total: 19, percent: 0, meets: false },
      technology: { correct: 22, total: 22, percent: 100, meets: true },
      billing: { correct: 0, total: 8, percent: 0, meets: false },
    });
    expect(result.correct).toBe(38);
    expect(result.passed).toBe(false);
    expect(new Set(result.study.map((t) => t.domain))).toEqual(new Set(['security', 'billing']));
    expect(result.study[0]!.missed).toBeGreaterThanOrEqual(result.study[result.study.length - 1]!.missed);
    expect(result.study.find((t) => t.topic === 'ec2-pricing')?.notes).toEqual(['ec2-pricing#section']);
  });
});
