import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../src/data/topics.js';
import { readNote } from '../../src/notes/library.js';
import { normaliseText, type Question } from '../../src/quiz/bank-file.js';
import { loadBuiltInBanks } from '../../src/quiz/banks.js';
import { bankStats } from '../../src/quiz/stats.js';

// Checks over every bank in quizzes/, read afresh from the folder: the content is written
// alongside the code, so these tests say what is still missing rather than assume it exists.
const { banks, errors } = loadBuiltInBanks();
const questions = banks.flatMap((b) => b.questions);

/**
 * Full practice exams each domain must fill before a question repeats, counting exam
 * questions only: five everywhere (80 concepts, 95 security, 110 technology and 40 billing
 * questions at 16, 19, 22 and 8 an exam).
 */
const EXAMS_GOAL = 5;

/** Share of a bank's correct options at each position (1-based). */
function positionShares(qs: readonly Question[]): Map<number, number> {
  const positions = qs.flatMap((q) => q.options.flatMap((o, i) => (o.correct ? [i + 1] : [])));
  const shares = new Map<number, number>();
  for (const p of positions) shares.set(p, (shares.get(p) ?? 0) + 1 / positions.length);
  return shares;
}

describe('the quiz banks that ship with awslab', () => {
  it('all load without a problem', () => {
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('cover every topic of the syllabus with at least 5 questions', () => {
    const short = TOPICS.map((t) => [t.id, questions.filter((q) => q.topic === t.id).length] as const).filter(([, n]) => n < 5);
    expect(short).toEqual([]);
  });

  it('hold at least 300 questions in all', () => {
    expect(questions.length).toBeGreaterThanOrEqual(300);
  });

  it('never ask the same question twice (case and punctuation aside)', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const q of questions) {
      const key = normaliseText(q.question);
      if (seen.has(key)) twice.push(`${q.id} repeats ${seen.get(key)}`);
      else seen.set(key, q.id);
    }
    expect(twice).toEqual([]);
  });

  it('spread correct answers over the positions: no position above 40% in any bank', () => {
    const lopsided = banks.flatMap((b) => [...positionShares(b.questions)].filter(([, share]) => share > 0.4).map(([p, share]) => `${b.topic}: ${Math.round(share * 100)}% at position ${p}`));
    expect(lopsided).toEqual([]);
  });

  it('put the correct answer first in at most about 30% of any bank', () => {
    const first = banks.filter((b) => (positionShares(b.questions).get(1) ?? 0) > 0.34).map((b) => b.topic);
    expect(first).toEqual([]);
  });

  it('spread single-answer questions evenly overall: each of A-D holds 15% to 35% of the answers', () => {
    const singles = questions.filter((q) => q.type === 'single');
    const shares = [...positionShares(singles)].sort(([a], [b]) => a - b);
    expect(shares.map(([p]) => p)).toEqual([1, 2, 3, 4]);
    for (const [, share] of shares) {
      expect(share).toBeGreaterThanOrEqual(0.15);
      expect(share).toBeLessThanOrEqual(0.35);
    }
  });

  it('link every question to a section that exists in its note', () => {
    const broken = questions.filter((q) => {
      const [topic, anchor] = q.note.split('#') as [string, string];
      return !readNote(topic)?.headings.some((h) => h.level > 1 && h.anchor === anchor);
    });
    expect(broken.map((q) => `${q.id} -> ${q.note}`)).toEqual([]);
  });

  it('mix the question types: about one in six is "(Choose two.)"', () => {
    const multiple = questions.filter((q) => q.type === 'multiple').length / questions.length;
    expect(multiple).toBeGreaterThan(0.1);
    expect(multiple).toBeLessThan(0.3);
  });

  it('do not give the answer away by length: the correct option is strictly the longest in at most 25% of single-answer questions, and 3 per bank', () => {
    const longest = (q: Question) => {
      const correct = q.options.find((o) => o.correct)!.text.length;
      return q.options.every((o) => o.correct || o.text.length < correct);
    };
    const singles = questions.filter((q) => q.type === 'single');
    expect(singles.filter(longest).length / singles.length).toBeLessThanOrEqual(0.25);
    const worst = banks.filter((b) => b.questions.filter((q) => q.type === 'single' && longest(q)).length > 3).map((b) => b.topic);
    expect(worst).toEqual([]);
  });

  it('give the security and billing domains enough questions for an exam not to repeat at once', () => {
    const byDomain = (domain: string) => questions.filter((q) => q.domain === domain).length;
    expect(byDomain('security')).toBeGreaterThanOrEqual(2 * 19);
    expect(byDomain('billing')).toBeGreaterThanOrEqual(3 * 8);
  });

  it('fill enough full practice exams per domain before a question repeats, counting exam questions only', () => {
    const short = bankStats(questions)
      .domains.filter((d) => d.examsBeforeRepeat < EXAMS_GOAL)
      .map((d) => `${d.domain}: ${d.exam} exam questions fill ${d.examsBeforeRepeat} exams of ${d.perExam}, wanted ${EXAMS_GOAL}`);
    expect(short).toEqual([]);
  });
});
