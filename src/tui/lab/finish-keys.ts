import type { Keymap } from '../keys/keymap.js';

export type FinishAction = { type: 'next' } | { type: 'again' } | { type: 'list' } | { type: 'home' } | { type: 'scroll'; by: number } | { type: 'help' };

export const finishKeymap: Keymap<FinishAction> = [
  { keys: ['enter'], description: 'open the next lab (or the lab list when every lab is done)', short: 'next lab', action: { type: 'next' } },
  { keys: ['r'], description: 'try this lab again (a new attempt)', short: 'again', action: { type: 'again' } },
  { keys: ['l', 'escape'], description: 'back to the lab list', short: 'lab list', action: { type: 'list' } },
  { keys: ['h'], description: 'home', short: 'home', action: { type: 'home' } },
  { keys: ['up', 'k'], description: 'scroll up', action: { type: 'scroll', by: -1 } },
  { keys: ['down', 'j'], description: 'scroll down', action: { type: 'scroll', by: 1 } },
  { keys: ['?'], description: 'this list of keys', action: { type: 'help' } },
];
