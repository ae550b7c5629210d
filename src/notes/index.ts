/** Reference notes: find, list, search, pick a section, render for the terminal. */
export * from './library.js';
export * from './render.js';
export * from './search.js';
