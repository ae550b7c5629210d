import { describe, expect, it } from 'vitest';
import { latestDue, retrievability, reviewQueue, scheduleCard, type ReviewCard } from '../../src/quiz/review.js';

// Simulated days: every date is explicit, nothing waits for a real clock.
const DAY = 86_400_000;
const day0 = new Date('2026-03-02T08:00:00Z');
const at = (days: number, hours = 0) => new Date(day0.getTime() + days * DAY + hours * 3_600_000);
const midnight = (days: number) => new Date(Date.UTC(2026, 2, 2 + days));
const daysUntil = (card: ReviewCard, from: Date) => Math.round((Date.parse(card.due) - from.getTime()) / DAY);

/** Answers a card right `times` times, each time on the day it falls due. */
function rightEachTimeDue(times: number): number[] {
  const intervals: number[] = [];
  let card: ReviewCard | undefined;
  let now = day0;
  for (let i = 0; i < times; i++) {
    card = scheduleCard(card, 'good', now);
    intervals.push(daysUntil(card, now));
    now = new Date(card.due);
  }
  return intervals;
}

describe('scheduling one card (FSRS, desired retention 0.9, no learning steps, no fuzz)', () => {
  it('brings a first wrong answer back the next day and a first right one after three days', () => {
    expect(daysUntil(scheduleCard(undefined, 'again', day0), day0)).toBe(1);
    expect(daysUntil(scheduleCard(undefined, 'hard', day0), day0)).toBe(2);
    expect(daysUntil(scheduleCard(undefined, 'good', day0), day0)).toBe(3);
  });

  it('spaces a card further each time it is answered right when due', () => {
    const intervals = rightEachTimeDue(4);
    expect(intervals.slice(0, 2)).toEqual([3, 14]);
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]).toBeGreaterThan(intervals[i - 1]!);
  });

  it('never schedules a card more than 365 days out', () => {
    expect(Math.max(...rightEachTimeDue(8))).toBeLessThanOrEqual(365);
  });

  it('counts a lapse and brings the card back sooner after a wrong answer', () => {
    let card = scheduleCard(undefined, 'good', day0);
    card = scheduleCard(card, 'good', new Date(card.due));
    const before = card.scheduledDays;
    const due = new Date(card.due);
    card = scheduleCard(card, 'again', due);
    expect(card.lapses).toBe(1);
    expect(card.lastCorrect).toBe(false);
    expect(daysUntil(card, due)).toBeLessThan(before);
  });

  it('gives the same schedule for the same answers on the same days', () => {
    expect(rightEachTimeDue(5)).toEqual(rightEachTimeDue(5));
  });

  it('estimates recall falling over time: about 90% when the card falls due', () => {
    const card = scheduleCard(undefined, 'good', day0);
    expect(retrievability(card, at(1))).toBeGreaterThan(retrievability(card, at(3)));
    expect(retrievability(card, new Date(card.due))).toBeCloseTo(0.9, 1);
  });
});

describe('with an exam date', () => {
  const examDay = midnight(10);

  it('caps a card at the exam\'s eve when FSRS would bring it back after the exam', () => {
    let card = scheduleCard(undefined, 'good', day0, { examDay });
    card = scheduleCard(card, 'good', new Date(card.due), { examDay });
    expect(card.due).toBe(midnight(9).toISOString());
  });

  it('leaves a card alone when FSRS brings it back before the eve', () => {
    expect(daysUntil(scheduleCard(undefined, 'good', day0, { examDay }), day0)).toBe(3);
  });

  it('stops capping once the eve has come (and after the exam)', () => {
    expect(latestDue(at(9, 1), { examDay }).getTime()).toBe(at(9, 1).getTime() + 365 * DAY);
    expect(daysUntil(scheduleCard(undefined, 'good', at(25), { examDay }), at(25))).toBe(3);
  });
});

/** Cards answered on day 0: the ids listed in `wrong` wrongly, the others right. */
function deck(ids: string[], wrong: string[] = []): Record<string, ReviewCard> {
  return Object.fromEntries(ids.map((id) => [id, scheduleCard(undefined, wrong.includes(id) ? 'again' : 'good', day0)]));
}

describe('the review queue', () => {
  it('serves nothing on the day the cards were first answered', () => {
    expect(reviewQueue(deck(['a', 'b'], ['a']), { now: at(0, 4), dayStart: midnight(0) }).ids).toEqual([]);
  });

  it('serves each card on the day it falls due: missed ones the next day, right ones three days later', () => {
    const cards = deck(['a', 'b', 'c'], ['b']);
    expect(reviewQueue(cards, { now: at(1), dayStart: midnight(1) }).ids).toEqual(['b']);
    expect(reviewQueue(cards, { now: at(2), dayStart: midnight(2) }).ids).toEqual(['b']);
    expect(reviewQueue(cards, { now: at(3), dayStart: midnight(3) }).ids).toEqual(['b', 'a', 'c']);
  });

  it('counts a card due later today as due now', () => {
    const cards = deck(['a']);
    expect(reviewQueue(cards, { now: at(3, -7), dayStart: midnight(3) }).ids).toEqual(['a']);
  });

  it('serves missed cards first, then the ones most likely forgotten', () => {
    const cards = { ...deck(['old'], []), ...Object.fromEntries([['new', scheduleCard(undefined, 'good', at(1))]]), ...deck(['missed'], ['missed']) };
    expect(reviewQueue(cards, { now: at(10), dayStart: midnight(10) }).ids).toEqual(['missed', 'old', 'new']);
  });

  it('stops at the daily cap', () => {
    const cards = deck(Array.from({ length: 60 }, (_, i) => `q${String(i).padStart(2, '0')}`));
    const queue = reviewQueue(cards, { now: at(3), dayStart: midnight(3), dailyCap: 50 });
    expect(queue.ids).toHaveLength(50);
    expect(queue.dueToday).toBe(60);
  });

  it('counts today\'s reviews against the cap, but not questions answered for the first time today', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `q${i}`);
    const cards = deck(ids);
    for (const id of ids.slice(0, 20)) cards[id] = scheduleCard(cards[id], 'again', at(3));
    Object.assign(cards, Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`first${i}`, scheduleCard(undefined, 'good', at(3))])));
    const queue = reviewQueue(cards, { now: at(3, 1), dayStart: midnight(3), dailyCap: 25 });
    expect(queue.reviewedToday).toBe(20);
    expect(queue.remainingToday).toBe(5);
    expect(queue.ids).toEqual(ids.slice(20, 25));
  });
});
