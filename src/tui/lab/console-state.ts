import { emptyInput, inputOf, textInputReducer, type TextInputAction, type TextInputState } from '../widgets/text-input-state.js';
import { clampOffset } from './scrollback.js';

/** The console's prompt and view: the line being typed, history, completion and scroll position. */
export interface ConsoleState {
  input: TextInputState;
  /** Lines run, oldest first. */
  history: readonly string[];
  /** While browsing history: the index shown, and the line typed before browsing began. */
  browsing?: { index: number; draft: string };
  /** Completion candidates shown after an ambiguous Tab. */
  candidates: readonly string[];
  /** Scrollback lines hidden below the window (0 follows the end). */
  offset: number;
}

export type ConsoleAction =
  | { type: 'edit'; edit: TextInputAction }
  | { type: 'history'; by: -1 | 1 }
  | { type: 'completed'; value: string; candidates: readonly string[] }
  | { type: 'submitted'; line: string }
  | { type: 'scroll'; by: number; lines: number }
  | { type: 'follow' };

export const MAX_HISTORY = 500;

export function initialConsole(history: readonly string[] = []): ConsoleState {
  return { input: emptyInput, history: history.slice(-MAX_HISTORY), candidates: [], offset: 0 };
}

/** Pure: the console after an action. Running the line is the screen's business. */
export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
  switch (action.type) {
    case 'edit':
      return { ...state, input: textInputReducer(state.input, action.edit), candidates: [], browsing: undefined };
    case 'history':
      return browse(state, action.by);
    case 'completed':
      return { ...state, input: inputOf(action.value), candidates: action.candidates };
    case 'submitted': {
      const line = action.line.trim();
      const history = line && state.history[state.history.length - 1] !== line ? [...state.history, line].slice(-MAX_HISTORY) : state.history;
      return { input: emptyInput, history, candidates: [], offset: 0 };
    }
    case 'scroll':
      return { ...state, offset: clampOffset(state.offset + action.by, action.lines) };
    case 'follow':
      return { ...state, offset: 0 };
  }
}

/** Up goes back in history (the typed line is kept as a draft), Down comes forward to it. */
function browse(state: ConsoleState, by: -1 | 1): ConsoleState {
  const { history } = state;
  const current = state.browsing?.index ?? history.length;
  const index = Math.max(0, Math.min(history.length, current + by));
  if (index === current) return state;
  const draft = state.browsing?.draft ?? state.input.value;
  if (index === history.length) return { ...state, input: inputOf(draft), browsing: undefined, candidates: [] };
  return { ...state, input: inputOf(history[index]!), browsing: { index, draft }, candidates: [] };
}
