import type { Key } from 'ink';

/**
 * Key bindings as data. Every screen declares its keys once, as a list of bindings; the same
 * objects drive the input handler (useKeymap), the footer and the `?` overlay, so what the
 * help says is what the keys do.
 *
 * Key names: 'enter', 'escape', 'tab', 'shift+tab', 'backspace', 'up', 'down', 'left',
 * 'right', 'pageup', 'pagedown', 'home', 'end', 'space', 'ctrl+<letter>', a printable
 * character ('q', '?', '1'), or 'text' for any printable input not bound otherwise.
 */
export interface KeyBinding<A> {
  keys: readonly string[];
  /** What the keys do, for the `?` overlay. */
  description: string;
  /** A few words for the footer; a binding without one is listed only in the overlay. */
  short?: string;
  /** The keys as the footer writes them when the binding's own list would mislead ("↑↓"). */
  footerKeys?: string;
  /** The action to dispatch; a function receives the typed text (for 'text' bindings). */
  action: A | ((input: string) => A);
}

export type Keymap<A> = readonly KeyBinding<A>[];

/** A keymap with a title, as the overlay lists it. */
export interface KeymapSection {
  title: string;
  keymap: Keymap<unknown>;
}

/** The canonical name of a key press as Ink reports it. */
export function keyName(input: string, key: Key): string {
  if (key.escape) return 'escape';
  if (key.return) return 'enter';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.backspace || key.delete) return 'backspace';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
  if (input === ' ') return 'space';
  return input;
}

/** Printable text (one key or a paste), as opposed to a control key. */
export function isText(name: string, input: string): boolean {
  return input !== '' && name === input && !/[\u0000-\u001f\u007f]/.test(input.replace(/[\r\n\t]/g, ''));
}

const CONTROL = /[\r\n\t\u0001-\u001a\u007f]/;

/**
 * One chunk of input as key presses. Ink passes a chunk without escape sequences whole (a
 * paste, or keys typed faster than they are read: "ls\r"), so control characters inside it
 * are split out and named, and the text between them kept as typed text.
 */
export function keyPresses(input: string, name: string): { name: string; input: string }[] {
  if (input.length < 2 || name !== input || input.includes('\u001b') || !CONTROL.test(input)) return [{ name, input }];
  const presses: { name: string; input: string }[] = [];
  let text = '';
  const flush = () => {
    if (text) presses.push({ name: text === ' ' ? 'space' : text, input: text });
    text = '';
  };
  for (const ch of input) {
    if (!CONTROL.test(ch)) {
      text += ch;
      continue;
    }
    flush();
    if (ch === '\r' || ch === '\n') presses.push({ name: 'enter', input: '' });
    else if (ch === '\t') presses.push({ name: 'tab', input: '' });
    else if (ch === '\u007f') presses.push({ name: 'backspace', input: '' });
    else {
      const letter = String.fromCharCode(ch.charCodeAt(0) + 96);
      presses.push({ name: ch === '\b' ? 'backspace' : `ctrl+${letter}`, input: letter });
    }
  }
  flush();
  return presses;
}

/** The binding for a key press, and the action it gives; undefined when no binding matches. */
export function resolveKey<A>(keymap: Keymap<A>, name: string, input: string): A | undefined {
  const binding = keymap.find((b) => b.keys.includes(name)) ?? (isText(name, input) || name === 'space' ? keymap.find((b) => b.keys.includes('text')) : undefined);
  if (!binding) return undefined;
  return typeof binding.action === 'function' ? (binding.action as (input: string) => A)(input) : binding.action;
}

const LABELS: Record<string, string> = {
  enter: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  'shift+tab': 'Shift+Tab',
  backspace: 'Backspace',
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  space: 'Space',
  text: 'type',
};

export function keyLabel(name: string): string {
  if (LABELS[name]) return LABELS[name];
  if (name.startsWith('ctrl+')) return `Ctrl+${name.slice(5).toUpperCase()}`;
  return name;
}

/** The keys of a binding as people write them: "↑/k", "Ctrl+N". */
export function keysLabel(binding: KeyBinding<unknown>): string {
  return binding.keys.map(keyLabel).join('/');
}
