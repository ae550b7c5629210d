import { describe, expect, it } from 'vitest';
import { answerPractice, currentItem, nextQuestion, practiceFeedback, practiceSummary, skipQuestion, startPractice } from '../../src/quiz/practice.js';
import { parseChoice, selectionProblem, toShownPositions } from '../../src/quiz/presented.js';
import { question } from './helpers.js';

const single = question('s3-versioning-01', { correct: [2] });
const multiple = question('s3-versioning-02', { type: 'multiple', correct: [0, 4] });

describe('topic practice', () => {
  it('starts by asking the first question', () => {
    const state = startPractice([single, multiple], { seed: 1 });
    expect(state.phase).toBe('asking');
    expect(currentItem(state)?.question.id).toBeDefined();
  });

  it('asks the questions in a seeded order, the same for the same seed', () => {
    const ids = (seed: number) => startPractice([single, multiple, question('s3-versioning-03'), question('s3-versioning-04')], { seed }).items.map((i) => i.question.id);
    expect(ids(5)).toEqual(ids(5));
    expect(new Set(ids(5))).toEqual(new Set(['s3-versioning-01', 's3-versioning-02', 's3-versioning-03', 's3-versioning-04']));
  });

  it('keeps the given order when asked to (review serves the most urgent first)', () => {
    const state = startPractice([multiple, single], { seed: 1, keepOrder: true });
    expect(state.items.map((i) => i.question.id)).toEqual(['s3-versioning-02', 's3-versioning-01']);
  });

  it('gives immediate feedback on a right answer: every option, which is correct, which was chosen, and why', () => {
    let state = startPractice([single], { seed: 1 });
    const item = currentItem(state)!;
    state = answerPractice(state, toShownPositions(item, [2]));
    const feedback = practiceFeedback(state);
    expect(state.phase).toBe('feedback');
    expect(feedback.correct).toBe(true);
    expect(feedback.options).toHaveLength(4);
    const right = feedback.options.find((o) => o.correct)!;
    expect(right).toMatchObject({ text: 's3-versioning-01 option 2', chosen: true, why: 'why 2' });
    expect(feedback.answer).toEqual([right.label]);
    expect(feedback.note).toBe('s3-versioning#section');
  });

  it('shows options in the order they were asked, labelled A to D', () => {
    let state = startPractice([single], { seed: 3 });
    const item = currentItem(state)!;
    state = answerPractice(state, [0]);
    expect(practiceFeedback(state).options.map((o) => [o.label, o.text])).toEqual(item.order.map((bank, shown) => ['ABCD'[shown], `s3-versioning-01 option ${bank}`]));
  });

  it('marks a wrong answer and names the right one', () => {
    let state = startPractice([single], { seed: 1 });
    state = answerPractice(state, toShownPositions(currentItem(state)!, [0]));
    const feedback = practiceFeedback(state);
    expect(feedback.correct).toBe(false);
    expect(feedback.options.filter((o) => o.chosen).map((o) => o.text)).toEqual(['s3-versioning-01 option 0']);
  });

  it('counts a "(Choose two.)" answer right only with both correct options', () => {
    let state = startPractice([multiple], { seed: 1 });
    state = answerPractice(state, toShownPositions(currentItem(state)!, [0, 1]));
    expect(practiceFeedback(state).correct).toBe(false);
    expect(practiceFeedback(state).answer).toHaveLength(2);
  });

  it('moves on after feedback and ends after the last question', () => {
    let state = startPractice([single], { seed: 1 });
    state = nextQuestion(answerPractice(state, [0]));
    expect(state.phase).toBe('done');
    expect(currentItem(state)).toBeUndefined();
  });

  it('refuses an answer while showing feedback, and a choice of the wrong size', () => {
    const state = startPractice([single, multiple], { seed: 1, keepOrder: true });
    expect(() => answerPractice(answerPractice(state, [0]), [0])).toThrow('no question is waiting');
    expect(() => answerPractice(state, [0, 1])).toThrow('choose one option');
  });

  it('sums up: answered, right, skipped and the questions missed', () => {
    let state = startPractice([single, multiple, question('s3-versioning-03')], { seed: 1, keepOrder: true, shuffleOptions: false });
    state = nextQuestion(answerPractice(state, [2]));
    state = nextQuestion(answerPractice(state, [0, 1]));
    state = skipQuestion(state);
    const summary = practiceSummary(state);
    expect(summary).toMatchObject({ asked: 3, answered: 2, correct: 1, skipped: 1 });
    expect(summary.missed.map((q) => q.id)).toEqual(['s3-versioning-02']);
  });

  it('limits a session to the number of questions asked for', () => {
    expect(startPractice([single, multiple], { seed: 1, limit: 1 }).items).toHaveLength(1);
  });
});

describe('reading a choice', () => {
  it.each([
    ['b', [1]],
    [' C ', [2]],
    ['a,c', [0, 2]],
    ['A C', [0, 2]],
    ['ae', [0, 4]],
  ])('%j -> %j', (input, positions) => {
    expect(parseChoice(input, 5)).toEqual(positions);
  });

  it('refuses letters past the options and anything not a letter', () => {
    expect(parseChoice('e', 4)).toBeUndefined();
    expect(parseChoice('1', 4)).toBeUndefined();
    expect(parseChoice('', 4)).toBeUndefined();
  });

  it('says why a selection cannot be taken', () => {
    expect(selectionProblem(multiple, [0])).toBe('choose exactly 2 options');
    expect(selectionProblem(multiple, [0, 0])).toBe('each option can be chosen once');
    expect(selectionProblem(single, [4])).toBe('choose among A, B, C, D');
    expect(selectionProblem(single, [3])).toBeUndefined();
  });
});
