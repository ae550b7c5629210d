import type { Keymap } from '../keys/keymap.js';

export type HomeAction = { type: 'move'; by: number } | { type: 'open' } | { type: 'pick'; index: number } | { type: 'continue' } | { type: 'quit' } | { type: 'help' };

export const homeKeymap: Keymap<HomeAction> = [
  { keys: ['up', 'k'], description: 'previous item', short: 'move', footerKeys: '↑↓', action: { type: 'move', by: -1 } },
  { keys: ['down', 'j'], description: 'next item', action: { type: 'move', by: 1 } },
  { keys: ['enter'], description: 'open the item', short: 'open', action: { type: 'open' } },
  { keys: ['1', '2', '3', '4', '5'], description: 'open item 1 to 5 directly', short: 'jump', footerKeys: '1-5', action: (key) => ({ type: 'pick', index: Number(key) - 1 }) },
  { keys: ['c'], description: 'continue your last lab attempt where you left it, when it is unfinished', short: 'continue lab', action: { type: 'continue' } },
  { keys: ['q', 'escape'], description: 'quit awslab', short: 'quit', action: { type: 'quit' } },
  { keys: ['?'], description: 'this list of keys', action: { type: 'help' } },
];
