import type { Keymap } from '../keys/keymap.js';

export type QuizMenuAction = { type: 'move'; by: number } | { type: 'open' } | { type: 'back' } | { type: 'help' };

export const quizMenuKeymap: Keymap<QuizMenuAction> = [
  { keys: ['up', 'k'], description: 'previous item', short: 'move', footerKeys: '↑↓', action: { type: 'move', by: -1 } },
  { keys: ['down', 'j'], description: 'next item', action: { type: 'move', by: 1 } },
  { keys: ['pageup'], description: 'a page up', action: { type: 'move', by: -10 } },
  { keys: ['pagedown'], description: 'a page down', action: { type: 'move', by: 10 } },
  { keys: ['enter'], description: 'start: review, the practice exam, or practice on a topic', short: 'start', action: { type: 'open' } },
  { keys: ['escape', 'h'], description: 'back to the home screen', short: 'home', action: { type: 'back' } },
  { keys: ['?'], description: 'this list of keys', action: { type: 'help' } },
];

const LETTERS = ['a', 'b', 'c', 'd', 'e', 'A', 'B', 'C', 'D', 'E'];
const choice = (key: string) => 'abcde'.indexOf(key.toLowerCase());

export type PracticeAction = { type: 'choose'; option: number } | { type: 'submit' } | { type: 'unsure' } | { type: 'skip' } | { type: 'scroll'; by: number } | { type: 'leave' } | { type: 'help' };

/** Topic practice and review: answer, see why, go on. */
export const practiceKeymap: Keymap<PracticeAction> = [
  { keys: LETTERS, description: 'choose an option (a "Choose two" question takes two, then Enter)', short: 'answer', footerKeys: 'a-e', action: (key) => ({ type: 'choose', option: choice(key) }) },
  { keys: ['enter', 'space'], description: 'submit a two-option answer; after the feedback, the next question', short: 'submit/next', action: { type: 'submit' } },
  { keys: ['u'], description: 'mark the answer as a guess (a right guess comes back for review sooner)', short: 'unsure', action: { type: 'unsure' } },
  { keys: ['s'], description: 'skip this question', short: 'skip', action: { type: 'skip' } },
  { keys: ['up', 'k'], description: 'scroll up (long questions and feedback)', action: { type: 'scroll', by: -1 } },
  { keys: ['down', 'j'], description: 'scroll down', action: { type: 'scroll', by: 1 } },
  { keys: ['escape', 'q'], description: 'stop (every answer given is already saved)', short: 'stop', action: { type: 'leave' } },
  { keys: ['?'], description: 'this list of keys', action: { type: 'help' } },
];

export type ExamAction =
  | { type: 'choose'; option: number }
  | { type: 'go'; by: number }
  | { type: 'flag' }
  | { type: 'review' }
  | { type: 'submit' }
  | { type: 'scroll'; by: number }
  | { type: 'leave' }
  | { type: 'help' };

/** The practice exam: answer in any order, flag, review, submit. */
export const examKeymap: Keymap<ExamAction> = [
  { keys: LETTERS, description: 'choose an option (again to clear it; "Choose two" takes two)', short: 'answer', footerKeys: 'a-e', action: (key) => ({ type: 'choose', option: choice(key) }) },
  { keys: ['right', 'n', 'enter'], description: 'next question', short: 'next', footerKeys: '→/n', action: { type: 'go', by: 1 } },
  { keys: ['left', 'p'], description: 'previous question', short: 'prev', footerKeys: '←/p', action: { type: 'go', by: -1 } },
  { keys: ['f'], description: 'flag the question for review, or unflag it', short: 'flag', action: { type: 'flag' } },
  { keys: ['r'], description: 'the review list: answered, unanswered and flagged questions', short: 'review', action: { type: 'review' } },
  { keys: ['s'], description: 'submit the exam (asks first)', short: 'submit', action: { type: 'submit' } },
  { keys: ['up', 'k'], description: 'scroll up (long questions)', action: { type: 'scroll', by: -1 } },
  { keys: ['down', 'j'], description: 'scroll down', action: { type: 'scroll', by: 1 } },
  { keys: ['escape'], description: 'abandon the exam (asks first; nothing is saved)', short: 'abandon', action: { type: 'leave' } },
  { keys: ['?'], description: 'this list of keys', action: { type: 'help' } },
];

export type ReviewListAction = { type: 'move'; by: number } | { type: 'open' } | { type: 'submit' } | { type: 'back' };

export const reviewListKeymap: Keymap<ReviewListAction> = [
  { keys: ['up', 'k'], description: 'previous question', short: 'move', footerKeys: '↑↓', action: { type: 'move', by: -1 } },
  { keys: ['down', 'j'], description: 'next question', action: { type: 'move', by: 1 } },
  { keys: ['pageup'], description: 'a page up', action: { type: 'move', by: -10 } },
  { keys: ['pagedown'], description: 'a page down', action: { type: 'move', by: 10 } },
  { keys: ['enter'], description: 'go to the question', short: 'go to', action: { type: 'open' } },
  { keys: ['s'], description: 'submit the exam (asks first)', short: 'submit', action: { type: 'submit' } },
  { keys: ['escape', 'r'], description: 'back to the question', short: 'back', action: { type: 'back' } },
];

export type ConfirmAction = { type: 'yes' } | { type: 'no' };

export const confirmKeymap: Keymap<ConfirmAction> = [
  { keys: ['y', 'enter'], description: 'yes', short: 'yes', action: { type: 'yes' } },
  { keys: ['n', 'escape'], description: 'no', short: 'no', action: { type: 'no' } },
];

export type ResultAction = { type: 'scroll'; by: number } | { type: 'back' };

export const resultKeymap: Keymap<ResultAction> = [
  { keys: ['up', 'k'], description: 'scroll up', short: 'scroll', footerKeys: '↑↓', action: { type: 'scroll', by: -1 } },
  { keys: ['down', 'j'], description: 'scroll down', action: { type: 'scroll', by: 1 } },
  { keys: ['enter', 'escape', 'q'], description: 'back to quizzes', short: 'back', action: { type: 'back' } },
];
