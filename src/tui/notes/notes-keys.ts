import type { Keymap } from '../keys/keymap.js';
import type { TextInputAction } from '../widgets/text-input-state.js';
import { scrollKeys } from '../keys/scroll-keys.js';

export type NotesListAction = { type: 'move'; by: number } | { type: 'read' } | { type: 'search' } | { type: 'back' } | { type: 'help' };

export const notesListKeymap: Keymap<NotesListAction> = [
  { keys: ['up', 'k'], description: 'previous note', short: 'move', footerKeys: '↑↓', action: { type: 'move', by: -1 } },
  { keys: ['down', 'j'], description: 'next note', action: { type: 'move', by: 1 } },
  { keys: ['pageup'], description: 'a page up', action: { type: 'move', by: -10 } },
  { keys: ['pagedown'], description: 'a page down', action: { type: 'move', by: 10 } },
  { keys: ['enter', 'right', 'l'], description: 'read the note', short: 'read', action: { type: 'read' } },
  { keys: ['/'], description: 'search every note', short: 'search', action: { type: 'search' } },
  { keys: ['escape', 'h'], description: 'back to the home screen', short: 'home', action: { type: 'back' } },
  { keys: ['?'], description: 'this list of keys', action: { type: 'help' } },
];

export type NoteReadAction = { type: 'scroll'; by: number } | { type: 'page'; by: number } | { type: 'edge'; end: boolean } | { type: 'back' } | { type: 'search' } | { type: 'help' };

export const noteReadKeymap: Keymap<NoteReadAction> = [
  ...scrollKeys,
  { keys: ['escape', 'left', 'h'], description: 'back to the list of notes', short: 'back', action: { type: 'back' } },
  { keys: ['/'], description: 'search every note', short: 'search', action: { type: 'search' } },
  { keys: ['?'], description: 'this list of keys', action: { type: 'help' } },
];

export type NotesSearchAction = { type: 'edit'; edit: TextInputAction } | { type: 'move'; by: number } | { type: 'open' } | { type: 'cancel' };

export const notesSearchKeymap: Keymap<NotesSearchAction> = [
  { keys: ['text'], description: 'type words to find (every word must appear; "replic" finds "replication")', action: (text) => ({ type: 'edit', edit: { type: 'insert', text } }) },
  { keys: ['backspace'], description: 'delete a character', action: { type: 'edit', edit: { type: 'backspace' } } },
  { keys: ['ctrl+u'], description: 'clear the search', action: { type: 'edit', edit: { type: 'kill-to-start' } } },
  { keys: ['up'], description: 'previous result', short: 'results', footerKeys: '↑↓', action: { type: 'move', by: -1 } },
  { keys: ['down'], description: 'next result', action: { type: 'move', by: 1 } },
  { keys: ['enter'], description: 'open the note at the matching section', short: 'open', action: { type: 'open' } },
  { keys: ['escape'], description: 'stop searching', short: 'cancel', action: { type: 'cancel' } },
];
