import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { emptyProgress, progressSchema, type ProgressData } from '../../src/progress/schema.js';
import { ProgressStore, parseProgress } from '../../src/progress/store.js';
import { startExam, submitExam, answerExam } from '../../src/quiz/exam.js';
import { examDayOf, recordAnswer, recordExam, setExamDate, type QuizProgress } from '../../src/quiz/record.js';
import { pool } from './helpers.js';

const now = new Date('2026-03-02T08:00:00Z');
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'awslab-quiz-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function progressWith(quiz: QuizProgress): ProgressData {
  return { ...emptyProgress('ana', now.toISOString()), quiz };
}

describe('quiz progress in the progress file', () => {
  it('has the same shape in the quiz engine and in the store\'s schema', () => {
    type Members = 'results' | 'cards' | 'exams' | 'settings';
    expectTypeOf<ProgressData['quiz']>().toExtend<QuizProgress>();
    expectTypeOf<Pick<QuizProgress, Members>>().toExtend<Pick<ProgressData['quiz'], Members>>();
  });

  it('still reads a file from before quizzes, and keeps members it does not know', () => {
    const old = { version: 1, profile: { name: 'ana', createdAt: now.toISOString() }, labs: {}, quiz: { streak: 3 } };
    expect(parseProgress(JSON.stringify(old), 'p.json').quiz).toEqual({ streak: 3 });
  });

  it('records an answer as a result and a review card', () => {
    const quiz: QuizProgress = {};
    recordAnswer(quiz, 's3-versioning-01', false, now);
    recordAnswer(quiz, 's3-versioning-01', true, new Date('2026-03-03T08:00:00Z'));
    expect(quiz.results).toEqual({ 's3-versioning-01': { attempts: 2, correct: 1, lastCorrect: true, lastAnsweredAt: '2026-03-03T08:00:00.000Z' } });
    expect(quiz.cards?.['s3-versioning-01']).toMatchObject({ reps: 2, lapses: 0, lastCorrect: true, lastReview: '2026-03-03T08:00:00.000Z' });
    expect(progressSchema.safeParse(progressWith(quiz)).success).toBe(true);
  });

  it('records a submitted exam with its seed, option orders and answers, and each answer as a card', () => {
    let exam = startExam(pool(['s3-versioning', 'ec2-pricing'], 3), { seed: 4, nowMs: now.getTime() });
    exam = answerExam(exam, 0, [0], now.getTime());
    const quiz: QuizProgress = {};
    const record = recordExam(quiz, submitExam(exam, now.getTime() + 600_000));
    expect(record).toMatchObject({ seed: 4, total: 6, startedAt: '2026-03-02T08:00:00.000Z', submittedAt: '2026-03-02T08:10:00.000Z', timedOut: false });
    expect(record.items[0]!.order).toEqual(exam.items[0]!.order);
    expect(quiz.exams).toHaveLength(1);
    expect(Object.keys(quiz.cards ?? {})).toEqual([exam.items[0]!.question.id]);
    expect(progressSchema.safeParse(progressWith(quiz)).success).toBe(true);
  });

  it('keeps results, cards and exams on disk through the store', () => {
    const path = join(dir, 'progress.json');
    new ProgressStore(path, { now: () => now }).update((data) => recordAnswer(data.quiz, 'vpc-01', true, now));
    expect(new ProgressStore(path).read().quiz.cards?.['vpc-01']?.state).toBe('review');
  });

  it('moves aside a file whose review card is damaged, saying where', () => {
    const path = join(dir, 'progress.json');
    const data = progressWith({ cards: { 'vpc-01': { due: 'soon' } } } as never);
    writeFileSync(path, JSON.stringify(data));
    const store = new ProgressStore(path);
    store.read();
    expect(store.warnings[0]).toMatch(/does not match the progress format at quiz\.cards\.vpc-01\.due/);
  });

  it('brings every card due after the exam\'s eve forward when an exam date is set', () => {
    const quiz: QuizProgress = {};
    recordAnswer(quiz, 'vpc-01', true, now);
    quiz.cards!['vpc-01']!.due = '2026-06-01T08:00:00.000Z';
    setExamDate(quiz, '2026-03-20', now);
    expect(quiz.settings?.examDate).toBe('2026-03-20');
    expect(quiz.cards!['vpc-01']!.due).toBe(new Date(2026, 2, 19).toISOString());
  });

  it('clears the exam date', () => {
    const quiz: QuizProgress = { settings: { examDate: '2026-03-20' } };
    setExamDate(quiz, undefined, now);
    expect(quiz.settings).toEqual({});
  });

  it('reads the exam date as the local midnight starting that day, and refuses impossible dates', () => {
    expect(examDayOf({ examDate: '2026-03-20' })).toEqual(new Date(2026, 2, 20));
    expect(examDayOf({ examDate: '2026-3-20' })).toBeUndefined();
    expect(examDayOf({ examDate: '2026-02-31' })).toBeUndefined();
    expect(examDayOf({})).toBeUndefined();
  });
});
