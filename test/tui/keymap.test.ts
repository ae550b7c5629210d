import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { keyName, keyPresses, keysLabel, resolveKey, type Keymap } from '../../src/tui/keys/keymap.js';
import { fitFooter, footerItems } from '../../src/tui/widgets/footer.js';
import { helpLines } from '../../src/tui/widgets/help-overlay.js';
import { consoleKeymap } from '../../src/tui/lab/lab-keys.js';

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};
const key = (over: Partial<Key>): Key => ({ ...NO_KEY, ...over });

describe('key names', () => {
  it('names what Ink reports', () => {
    expect(keyName('', key({ return: true }))).toBe('enter');
    expect(keyName('', key({ escape: true, meta: true }))).toBe('escape');
    expect(keyName('', key({ delete: true }))).toBe('backspace'); // \x7f, the Backspace key of most terminals
    expect(keyName('n', key({ ctrl: true }))).toBe('ctrl+n');
    expect(keyName('', key({ pageUp: true }))).toBe('pageup');
    expect(keyName(' ', NO_KEY)).toBe('space');
    expect(keyName('?', NO_KEY)).toBe('?');
  });

  it('splits a chunk of typed keys into presses (keys faster than the app reads them)', () => {
    expect(keyPresses('ls\r', 'ls\r')).toEqual([{ name: 'ls', input: 'ls' }, { name: 'enter', input: '' }]);
    expect(keyPresses('aws s3\tx', 'aws s3\tx')).toEqual([{ name: 'aws s3', input: 'aws s3' }, { name: 'tab', input: '' }, { name: 'x', input: 'x' }]);
    expect(keyPresses('ab\u007f', 'ab\u007f')).toEqual([{ name: 'ab', input: 'ab' }, { name: 'backspace', input: '' }]);
    expect(keyPresses('abc', 'abc')).toEqual([{ name: 'abc', input: 'abc' }]);
  });
});

describe('keymaps', () => {
  type A = { type: 'up' } | { type: 'text'; text: string };
  const map: Keymap<A> = [
    { keys: ['up', 'k'], description: 'up', short: 'move', action: { type: 'up' } },
    { keys: ['text'], description: 'type', action: (text) => ({ type: 'text', text }) },
  ];

  it('finds the binding for a key, and sends other printable input to the text binding', () => {
    expect(resolveKey(map, 'k', 'k')).toEqual({ type: 'up' });
    expect(resolveKey(map, 'x', 'x')).toEqual({ type: 'text', text: 'x' });
    expect(resolveKey(map, 'ctrl+z', 'z')).toBeUndefined();
  });

  it('labels keys as people write them', () => {
    expect(keysLabel(map[0]!)).toBe('↑/k');
    expect(keysLabel({ keys: ['ctrl+n'], description: '', action: 0 })).toBe('Ctrl+N');
  });

  it('fits the footer to the width, always keeping the way to every key', () => {
    const items = footerItems(consoleKeymap);
    expect(items.map((i) => i.what)).toEqual(['run', 'complete', 'history', 'scroll', 'notes', 'resources', 'hint', 'finish', 'leave']);
    const fitted = fitFooter(items, 40, { keys: '?', what: 'keys' });
    expect(fitted[fitted.length - 1]).toEqual({ keys: '?', what: 'keys' });
    expect(fitted.reduce((n, i) => n + i.keys.length + i.what.length + 3, 0)).toBeLessThanOrEqual(40);
  });

  it('builds the ? overlay from the same binding objects the handlers use', () => {
    const lines = helpLines([{ title: 'Console', keymap: consoleKeymap }]);
    expect(lines[0]).toEqual({ text: 'Console', heading: true });
    expect(lines.slice(1).map((l) => l.text)).toEqual(consoleKeymap.map((b) => b.description));
    expect(lines.find((l) => l.text.startsWith('get a hint'))?.keys).toBe('Ctrl+G');
  });
});
