import type { Question } from './bank-file.js';
import { isCorrectSelection, OPTION_LABELS, present, seededRandom, selectionProblem, shownOptions, shuffled, toBankIndices, type Presented } from './presented.js';

/**
 * Topic practice as a pure state machine: ask, take an answer, show feedback (every option
 * with its why), move on. No I/O and no clock: a front end renders the state and calls the
 * transitions; the same seed asks the same questions in the same order.
 */

export type PracticePhase = 'asking' | 'feedback' | 'done';

export interface PracticeAnswer {
  questionId: string;
  /** Chosen options as bank indices. */
  selected: number[];
  correct: boolean;
}

export interface PracticeState {
  readonly seed: number;
  readonly items: readonly Presented[];
  /** The item being asked or explained; equals items.length when done. */
  readonly index: number;
  readonly phase: PracticePhase;
  readonly answers: readonly PracticeAnswer[];
}

export interface PracticeOptions {
  seed: number;
  /** Ask at most this many questions. */
  limit?: number;
  /** Keep the bank's question order (options are still shuffled unless shuffleOptions is false). */
  keepOrder?: boolean;
  shuffleOptions?: boolean;
}

export function startPractice(questions: readonly Question[], options: PracticeOptions): PracticeState {
  const random = seededRandom(options.seed);
  const ordered = options.keepOrder ? [...questions] : shuffled(questions, random);
  const chosen = ordered.slice(0, options.limit ?? ordered.length);
  const items = chosen.map((q) => present(q, options.shuffleOptions === false ? undefined : random));
  return { seed: options.seed, items, index: 0, phase: items.length ? 'asking' : 'done', answers: [] };
}

/** The question being asked or explained, or undefined when the practice is over. */
export function currentItem(state: PracticeState): Presented | undefined {
  return state.phase === 'done' ? undefined : state.items[state.index];
}

/**
 * Takes the learner's choice (shown positions, 0-based) for the current question. A choice
 * that `selectionProblem` refuses is a front-end bug and throws.
 */
export function answerPractice(state: PracticeState, shown: readonly number[]): PracticeState {
  const item = currentItem(state);
  if (!item || state.phase !== 'asking') throw new Error(`answerPractice: no question is waiting for an answer (phase ${state.phase})`);
  const problem = selectionProblem(item.question, shown);
  if (problem) throw new Error(`answerPractice: ${problem}`);
  const selected = toBankIndices(item, shown);
  const answer = { questionId: item.question.id, selected, correct: isCorrectSelection(item.question, selected) };
  return { ...state, phase: 'feedback', answers: [...state.answers, answer] };
}

/** From feedback to the next question, or to done after the last one. */
export function nextQuestion(state: PracticeState): PracticeState {
  if (state.phase !== 'feedback') throw new Error(`nextQuestion: only after feedback (phase ${state.phase})`);
  const index = state.index + 1;
  return { ...state, index, phase: index < state.items.length ? 'asking' : 'done' };
}

/** Moves past the current question without answering it. */
export function skipQuestion(state: PracticeState): PracticeState {
  if (state.phase !== 'asking') throw new Error(`skipQuestion: no question is waiting for an answer (phase ${state.phase})`);
  const index = state.index + 1;
  return { ...state, index, phase: index < state.items.length ? 'asking' : 'done' };
}

export interface OptionFeedback {
  label: string;
  text: string;
  correct: boolean;
  chosen: boolean;
  why: string;
}

export interface Feedback {
  questionId: string;
  correct: boolean;
  options: OptionFeedback[];
  /** The correct options' labels as shown, e.g. ["B", "D"]. */
  answer: string[];
  /** `topic#anchor` of the note section to read. */
  note: string;
}

/** Feedback on the answer just given: which options were right, which were chosen, and why. */
export function practiceFeedback(state: PracticeState): Feedback {
  const item = currentItem(state);
  const answer = state.answers[state.answers.length - 1];
  if (!item || state.phase !== 'feedback' || !answer) throw new Error(`practiceFeedback: only after an answer (phase ${state.phase})`);
  return feedbackFor(item, answer.selected);
}

export function feedbackFor(item: Presented, selected: readonly number[]): Feedback {
  const chosen = new Set(selected);
  const options = shownOptions(item).map((o, shown) => ({ label: OPTION_LABELS[shown]!, text: o.text, correct: o.correct, chosen: chosen.has(item.order[shown]!), why: o.why }));
  return {
    questionId: item.question.id,
    correct: isCorrectSelection(item.question, selected),
    options,
    answer: options.filter((o) => o.correct).map((o) => o.label),
    note: item.question.note,
  };
}

export interface PracticeSummary {
  asked: number;
  answered: number;
  /** Questions passed over with skipQuestion. */
  skipped: number;
  correct: number;
  /** The questions answered wrongly, in the order asked. */
  missed: Question[];
}

export function practiceSummary(state: PracticeState): PracticeSummary {
  const missedIds = new Set(state.answers.filter((a) => !a.correct).map((a) => a.questionId));
  return {
    asked: state.items.length,
    answered: state.answers.length,
    skipped: state.index - state.answers.length,
    correct: state.answers.filter((a) => a.correct).length,
    missed: state.items.map((i) => i.question).filter((q) => missedIds.has(q.id)),
  };
}
