import type { Keymap } from './keymap.js';

export type ScrollAction = { type: 'scroll'; by: number } | { type: 'page'; by: number } | { type: 'edge'; end: boolean };

/** The keys every scrolling text view shares (a note in the browser, the notes pane in a lab). */
export const scrollKeys: Keymap<ScrollAction> = [
  { keys: ['up', 'k'], description: 'scroll up a line', short: 'scroll', footerKeys: '↑↓', action: { type: 'scroll', by: -1 } },
  { keys: ['down', 'j'], description: 'scroll down a line', action: { type: 'scroll', by: 1 } },
  { keys: ['pageup', 'b'], description: 'scroll up a page', short: 'page', footerKeys: 'PgUp/PgDn', action: { type: 'page', by: -1 } },
  { keys: ['pagedown', 'space'], description: 'scroll down a page', action: { type: 'page', by: 1 } },
  { keys: ['home', 'g'], description: 'go to the top', action: { type: 'edge', end: false } },
  { keys: ['end', 'G'], description: 'go to the end', action: { type: 'edge', end: true } },
];
