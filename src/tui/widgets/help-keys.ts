import type { Keymap } from '../keys/keymap.js';

export type HelpAction = { type: 'close' } | { type: 'scroll'; by: number } | { type: 'page'; by: number };

/** The keys of the `?` overlay itself. */
export const helpKeymap: Keymap<HelpAction> = [
  { keys: ['escape', '?', 'q'], description: 'close this list', short: 'close', action: { type: 'close' } },
  { keys: ['up', 'k'], description: 'scroll up', short: 'scroll', footerKeys: '↑↓ PgUp/PgDn', action: { type: 'scroll', by: -1 } },
  { keys: ['down', 'j'], description: 'scroll down', action: { type: 'scroll', by: 1 } },
  { keys: ['pageup'], description: 'scroll a page up', action: { type: 'page', by: -1 } },
  { keys: ['pagedown'], description: 'scroll a page down', action: { type: 'page', by: 1 } },
];
