/** A one-line text field: its text and the cursor (an index into the text's code points). */
export interface TextInputState {
  value: string;
  cursor: number;
}

export type TextInputAction =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'kill-to-start' }
  | { type: 'kill-to-end' }
  | { type: 'delete-word' }
  | { type: 'set'; value: string };

export const emptyInput: TextInputState = { value: '', cursor: 0 };

const chars = (text: string) => [...text];

export function inputOf(value: string): TextInputState {
  return { value, cursor: chars(value).length };
}

/** The line editing a shell prompt does (readline's basic keys). Pure. */
export function textInputReducer(state: TextInputState, action: TextInputAction): TextInputState {
  const text = chars(state.value);
  const at = Math.min(state.cursor, text.length);
  const make = (parts: string[], cursor: number) => ({ value: parts.join(''), cursor });
  switch (action.type) {
    case 'insert': {
      // A paste may hold line breaks or tabs: a console line is one line.
      const added = chars(action.text.replace(/\r\n|\r|\n|\t/g, ' '));
      return make([...text.slice(0, at), ...added, ...text.slice(at)], at + added.length);
    }
    case 'backspace':
      return at === 0 ? state : make([...text.slice(0, at - 1), ...text.slice(at)], at - 1);
    case 'delete':
      return at >= text.length ? state : make([...text.slice(0, at), ...text.slice(at + 1)], at);
    case 'left':
      return { ...state, cursor: Math.max(0, at - 1) };
    case 'right':
      return { ...state, cursor: Math.min(text.length, at + 1) };
    case 'home':
      return { ...state, cursor: 0 };
    case 'end':
      return { ...state, cursor: text.length };
    case 'kill-to-start':
      return make(text.slice(at), 0);
    case 'kill-to-end':
      return make(text.slice(0, at), at);
    case 'delete-word': {
      let start = at;
      while (start > 0 && text[start - 1] === ' ') start--;
      while (start > 0 && text[start - 1] !== ' ') start--;
      return make([...text.slice(0, start), ...text.slice(at)], start);
    }
    case 'set':
      return inputOf(action.value);
  }
}

/**
 * The part of the text to show in `width` columns so that the cursor is visible: the whole
 * text when it fits, else a window that ends just after the cursor.
 */
export function visibleInput(state: TextInputState, width: number): { before: string; at: string; after: string } {
  const text = chars(state.value);
  const room = Math.max(1, width - 1);
  const start = text.length < room ? 0 : Math.max(0, Math.min(state.cursor - room + 1, text.length - room + 1));
  const shown = text.slice(start, start + room);
  const cursor = state.cursor - start;
  return { before: shown.slice(0, cursor).join(''), at: shown[cursor] ?? ' ', after: shown.slice(cursor + 1).join('') };
}
