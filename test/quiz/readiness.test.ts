import { describe, expect, it } from 'vitest';
import { readiness } from '../../src/quiz/readiness.js';
import { recordAnswer, type QuizProgress } from '../../src/quiz/record.js';
import { pool, question } from './helpers.js';

const day0 = new Date('2026-03-02T08:00:00Z');
const questions = pool(['cloud-computing', 'security-groups', 's3-versioning', 'ec2-pricing'], 4);
const concepts = questions.filter((q) => q.domain === 'concepts');

function answered(pairs: Array<[string, boolean]>, at = day0): QuizProgress {
  const quiz: QuizProgress = {};
  for (const [id, correct] of pairs) recordAnswer(quiz, id, correct, at);
  return quiz;
}

describe('readiness', () => {
  it('is 0 everywhere before any answer', () => {
    const result = readiness({ questions, quiz: {}, now: day0 });
    expect(result.overall).toBe(0);
    expect(result.domains.map((d) => [d.domain, d.score, d.questions])).toEqual([
      ['concepts', 0, 4],
      ['security', 0, 4],
      ['technology', 0, 4],
      ['billing', 0, 4],
    ]);
  });

  it('joins accuracy, retention and coverage for a domain without labs (weights 0.4/0.25/0.2 scaled to 1)', () => {
    const quiz = answered(concepts.map((q, i) => [q.id, i < 2]));
    const d = readiness({ questions, quiz, now: day0 }).domains[0]!;
    expect(d).toMatchObject({ accuracy: 0.5, coverage: 1, answered: 4 });
    expect(d.retention).toBeCloseTo(1, 5);
    expect(d.score).toBe(Math.round((100 * (0.4 * 0.5 + 0.25 * d.retention + 0.2 * 1)) / 0.85));
  });

  it('uses the latest answer to each question for accuracy', () => {
    const quiz = answered([[concepts[0]!.id, false]]);
    recordAnswer(quiz, concepts[0]!.id, true, day0);
    expect(readiness({ questions, quiz, now: day0 }).domains[0]!.accuracy).toBe(1);
  });

  it('falls as time passes and recall fades', () => {
    const quiz = answered(concepts.map((q) => [q.id, true]));
    const soon = readiness({ questions, quiz, now: day0 }).domains[0]!.score;
    const later = readiness({ questions, quiz, now: new Date('2026-05-01T08:00:00Z') }).domains[0]!.score;
    expect(later).toBeLessThan(soon);
  });

  it('counts lab results for a domain that has labs', () => {
    const quiz = answered(concepts.map((q) => [q.id, true]));
    const without = readiness({ questions, quiz, now: day0 }).domains[0]!;
    const withLabs = readiness({ questions, quiz, now: day0, labs: { concepts: 0 } }).domains[0]!;
    expect(withLabs.labs).toBe(0);
    expect(withLabs.score).toBe(Math.round(without.score * 0.85));
  });

  it('weights the overall figure by the exam\'s domain weights', () => {
    const quiz = answered(questions.filter((q) => q.domain === 'security').map((q) => [q.id, true]));
    const result = readiness({ questions, quiz, now: day0 });
    expect(result.overall).toBe(Math.round((result.domains[1]!.score * 30) / 100));
  });
});

describe('readiness and the syllabus', () => {
  it('counts a question in the domain its bank gives it, whatever its topic, so new topics count without a list to update', () => {
    // iam, organizations-governance and support-plans are newer topics; the question's domain decides.
    const fresh = [question('iam-01', { domain: 'security' }), question('organizations-governance-01', { domain: 'security' }), question('support-plans-01', { domain: 'billing' })];
    const quiz = answered([['iam-01', true], ['support-plans-01', true]]);
    const result = readiness({ questions: [...questions, ...fresh], quiz, now: day0 });
    expect(result.domains.map((d) => [d.domain, d.answered, d.questions])).toEqual([
      ['concepts', 0, 4],
      ['security', 1, 6],
      ['technology', 0, 4],
      ['billing', 1, 5],
    ]);
  });

  it('measures readiness for the exam: questions beyond it (exam: false) count for nothing', () => {
    const beyond = { ...question('s3-versioning-09'), beyondExam: true };
    const quiz = answered([[beyond.id, true]]);
    const technology = readiness({ questions: [...questions, beyond], quiz, now: day0 }).domains[2]!;
    expect([technology.answered, technology.questions, technology.score]).toEqual([0, 4, 0]);
  });
});
