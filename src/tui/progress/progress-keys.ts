import type { Keymap } from '../keys/keymap.js';

export type ProgressAction = { type: 'scroll'; by: number } | { type: 'page'; by: number } | { type: 'edge'; end: boolean } | { type: 'back' } | { type: 'help' };

export const progressKeymap: Keymap<ProgressAction> = [
  { keys: ['up', 'k'], description: 'scroll up', short: 'scroll', footerKeys: '↑↓', action: { type: 'scroll', by: -1 } },
  { keys: ['down', 'j'], description: 'scroll down', action: { type: 'scroll', by: 1 } },
  { keys: ['pageup', 'b'], description: 'a page up', short: 'page', footerKeys: 'PgUp/PgDn', action: { type: 'page', by: -1 } },
  { keys: ['pagedown', 'space'], description: 'a page down', action: { type: 'page', by: 1 } },
  { keys: ['home', 'g'], description: 'the top', action: { type: 'edge', end: false } },
  { keys: ['end', 'G'], description: 'the end', action: { type: 'edge', end: true } },
  { keys: ['escape', 'h', 'q'], description: 'back to the home screen', short: 'home', action: { type: 'back' } },
  { keys: ['?'], description: 'this list of keys', action: { type: 'help' } },
];
