import type { Keymap } from '../keys/keymap.js';
import type { TextInputAction } from '../widgets/text-input-state.js';
import { scrollKeys } from '../keys/scroll-keys.js';

/** What a key does on the lab screen; the screen turns these into engine calls. */
export type LabAction =
  | { type: 'edit'; edit: TextInputAction }
  | { type: 'run' }
  | { type: 'history'; by: -1 | 1 }
  | { type: 'complete' }
  | { type: 'scroll'; pages: number }
  | { type: 'notes' }
  | { type: 'resources' }
  | { type: 'hint' }
  | { type: 'finish' }
  | { type: 'leave' }
  | { type: 'question-mark' };

const edit = (e: TextInputAction): LabAction => ({ type: 'edit', edit: e });

/** The console's keys: a shell prompt's, plus the lab's own on Ctrl. */
export const consoleKeymap: Keymap<LabAction> = [
  { keys: ['text'], description: 'type a command (aws …, hint, check, tasks, wait 5m, help)', action: (text) => edit({ type: 'insert', text }) },
  { keys: ['enter'], description: 'run the line', short: 'run', action: { type: 'run' } },
  { keys: ['tab'], description: 'complete aws services, operations, parameters and lab commands', short: 'complete', action: { type: 'complete' } },
  { keys: ['up'], description: 'previous line from history', short: 'history', footerKeys: '↑↓', action: { type: 'history', by: -1 } },
  { keys: ['down'], description: 'next line from history', action: { type: 'history', by: 1 } },
  { keys: ['pageup'], description: 'scroll the console back', short: 'scroll', footerKeys: 'PgUp/PgDn', action: { type: 'scroll', pages: 1 } },
  { keys: ['pagedown'], description: 'scroll the console forward', action: { type: 'scroll', pages: -1 } },
  { keys: ['ctrl+n'], description: "show the lab's reference notes (again to move into them)", short: 'notes', action: { type: 'notes' } },
  { keys: ['ctrl+t'], description: "show or hide the resources pane: the account's VPCs, subnets (public or private, and why), instances and groups, redrawn after every line", short: 'resources', action: { type: 'resources' } },
  { keys: ['ctrl+g'], description: 'get a hint for the current task (its cost is shown first)', short: 'hint', action: { type: 'hint' } },
  { keys: ['ctrl+f'], description: 'finish the lab and see the grade', short: 'finish', action: { type: 'finish' } },
  { keys: ['escape'], description: 'close the notes or resources pane, or leave the lab (the attempt is saved; continue it from the list)', short: 'leave', action: { type: 'leave' } },
  { keys: ['?'], description: 'this list of keys (on an empty prompt; otherwise types ?)', action: { type: 'question-mark' } },
  { keys: ['left'], description: 'move the cursor left', action: edit({ type: 'left' }) },
  { keys: ['right'], description: 'move the cursor right', action: edit({ type: 'right' }) },
  { keys: ['home', 'ctrl+a'], description: 'go to the start of the line', action: edit({ type: 'home' }) },
  { keys: ['end', 'ctrl+e'], description: 'go to the end of the line', action: edit({ type: 'end' }) },
  { keys: ['backspace'], description: 'delete the character before the cursor', action: edit({ type: 'backspace' }) },
  { keys: ['ctrl+d'], description: 'delete the character under the cursor', action: edit({ type: 'delete' }) },
  { keys: ['ctrl+u'], description: 'delete to the start of the line', action: edit({ type: 'kill-to-start' }) },
  { keys: ['ctrl+k'], description: 'delete to the end of the line', action: edit({ type: 'kill-to-end' }) },
  { keys: ['ctrl+w'], description: 'delete the word before the cursor', action: edit({ type: 'delete-word' }) },
];

export type NotesPaneAction = { type: 'scroll'; by: number } | { type: 'page'; by: number } | { type: 'edge'; end: boolean } | { type: 'topic'; by: number } | { type: 'back' } | { type: 'close' } | { type: 'help' };

/** Keys while reading the notes pane. */
export const notesPaneKeymap: Keymap<NotesPaneAction> = [
  ...scrollKeys,
  { keys: ['left', '['], description: "the lab's previous topic", short: 'topic', footerKeys: '←→', action: { type: 'topic', by: -1 } },
  { keys: ['right', ']'], description: "the lab's next topic", action: { type: 'topic', by: 1 } },
  { keys: ['escape', 'tab'], description: 'back to the console (the notes stay open)', short: 'console', action: { type: 'back' } },
  { keys: ['ctrl+n'], description: 'close the notes', short: 'close', action: { type: 'close' } },
  { keys: ['?'], description: 'this list of keys', action: { type: 'help' } },
];

export type DialogAction = { type: 'yes' } | { type: 'no' };

/** Keys of a question the lab asks (take this hint? finish now?). */
export const dialogKeymap: Keymap<DialogAction> = [
  { keys: ['enter', 'y'], description: 'yes', short: 'yes', action: { type: 'yes' } },
  { keys: ['escape', 'n'], description: 'no, back to the console', short: 'no', action: { type: 'no' } },
];
