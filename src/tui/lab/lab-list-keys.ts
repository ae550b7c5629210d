import type { Keymap } from '../keys/keymap.js';

export type LabListAction = { type: 'move'; by: number } | { type: 'open' } | { type: 'new' } | { type: 'back' } | { type: 'help' };

export const labListKeymap: Keymap<LabListAction> = [
  { keys: ['up', 'k'], description: 'previous lab', short: 'move', footerKeys: '↑↓', action: { type: 'move', by: -1 } },
  { keys: ['down', 'j'], description: 'next lab', action: { type: 'move', by: 1 } },
  { keys: ['pageup'], description: 'a page up', action: { type: 'move', by: -10 } },
  { keys: ['pagedown'], description: 'a page down', action: { type: 'move', by: 10 } },
  { keys: ['enter'], description: 'open the lab (continues your unfinished attempt, if there is one)', short: 'open/continue', action: { type: 'open' } },
  { keys: ['n'], description: 'start a new attempt, even when one is unfinished', short: 'new attempt', action: { type: 'new' } },
  { keys: ['escape', 'h'], description: 'back to the home screen', short: 'home', action: { type: 'back' } },
  { keys: ['?'], description: 'this list of keys', action: { type: 'help' } },
];
