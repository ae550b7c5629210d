import { createRandomState, nextInt, type RandomState } from '../lib/random.js';
import { SHAPES, type Option, type Question } from './bank-file.js';

/**
 * A question as one attempt shows it: the options in a shuffled order. `order[shown]` is the
 * index in the bank of the option shown at position `shown`, so answers are kept in bank
 * indices and stay meaningful whatever order an attempt used.
 */
export interface Presented {
  question: Question;
  order: number[];
}

export const OPTION_LABELS = ['A', 'B', 'C', 'D', 'E'] as const;

/** A seeded generator (sfc32, the simulated cloud's own): the same seed gives the same draw. */
export function seededRandom(seed: number): RandomState {
  return createRandomState(seed);
}

/** Fisher-Yates with a seeded generator; returns a new array. */
export function shuffled<T>(items: readonly T[], random: RandomState): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = nextInt(random, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function present(question: Question, random: RandomState | undefined): Presented {
  const indices = question.options.map((_, i) => i);
  return { question, order: random ? shuffled(indices, random) : indices };
}

/** The options in the order this attempt shows them. */
export function shownOptions(item: Presented): Option[] {
  return item.order.map((i) => item.question.options[i]!);
}

/** Shown positions (0-based) to bank indices, sorted. */
export function toBankIndices(item: Presented, shown: readonly number[]): number[] {
  return shown.map((s) => item.order[s]!).sort((a, b) => a - b);
}

/** Bank indices to the positions this attempt shows them at, sorted. */
export function toShownPositions(item: Presented, bankIndices: readonly number[]): number[] {
  return bankIndices.map((b) => item.order.indexOf(b)).sort((a, b) => a - b);
}

/**
 * Why a selection cannot be accepted (as the exam does: a single question takes one option,
 * a "(Choose two.)" question exactly two), or undefined when it can.
 */
export function selectionProblem(question: Question, shown: readonly number[]): string | undefined {
  const need = SHAPES[question.type].correct;
  if (shown.some((s) => !Number.isInteger(s) || s < 0 || s >= question.options.length)) {
    return `choose among ${OPTION_LABELS.slice(0, question.options.length).join(', ')}`;
  }
  if (new Set(shown).size !== shown.length) return 'each option can be chosen once';
  if (shown.length !== need) return need === 1 ? 'choose one option' : `choose exactly ${need} options`;
  return undefined;
}

/** All and only the correct options: the exam gives no partial credit. */
export function isCorrectSelection(question: Question, bankIndices: readonly number[]): boolean {
  const chosen = new Set(bankIndices);
  return question.options.every((o, i) => o.correct === chosen.has(i));
}

/** Parses "b", "B", "a,c", "a c" or "AC" into shown positions; undefined when it is not a list of letters. */
export function parseChoice(input: string, optionCount: number): number[] | undefined {
  const letters = input.trim().toUpperCase().replace(/[\s,]+/g, '');
  if (!letters || !/^[A-Z]+$/.test(letters)) return undefined;
  const positions = [...letters].map((l) => l.charCodeAt(0) - 65);
  return positions.every((p) => p < optionCount) ? positions : undefined;
}
