import type { Keymap } from './keys/keymap.js';

export type AppAction = { type: 'quit' };

/** Keys the app itself handles on every screen. */
export const appKeymap: Keymap<AppAction> = [
  { keys: ['ctrl+c'], description: 'quit awslab (during a lab or an exam: press twice; a lab attempt is saved)', action: { type: 'quit' } },
];

export const APP_SECTION = { title: 'Anywhere', keymap: appKeymap };
