import { useInput } from 'ink';
import { useCallback, useRef } from 'react';
import { keyName, keyPresses, resolveKey, type Keymap } from './keymap.js';

export interface UseKeymapOptions {
  /** Only the active keymap handles keys (Ink's own isActive). */
  isActive?: boolean;
}

/**
 * Connects a keymap to Ink's input: each key press is named, looked up in the keymap, and
 * its action passed to `onAction`. Ctrl+C is left to the app (it asks before quitting).
 * A chunk holding several keys gives several actions in a row: handlers that read state
 * should read the latest (see useSyncReducer), not what the last render saw.
 */
export function useKeymap<A>(keymap: Keymap<A>, onAction: (action: A) => void, { isActive = true }: UseKeymapOptions = {}): void {
  // Ink re-subscribes when the handler changes: keep one handler and read the latest props.
  const latest = useRef({ keymap, onAction });
  latest.current = { keymap, onAction };
  const handler = useCallback((input: string, key: Parameters<Parameters<typeof useInput>[0]>[1]) => {
    const { keymap } = latest.current;
    // Several letters in one chunk are several keys where letters are commands (not typing).
    const typing = keymap.some((b) => b.keys.includes('text'));
    const presses = keyPresses(input, keyName(input, key)).flatMap((p) => (!typing && p.name.length > 1 && p.name === p.input ? [...p.input].map((ch) => ({ name: ch === ' ' ? 'space' : ch, input: ch })) : [p]));
    for (const press of presses) {
      if (press.name === 'ctrl+c') continue;
      const action = resolveKey(latest.current.keymap, press.name, press.input);
      if (action !== undefined) latest.current.onAction(action);
    }
  }, []);
  useInput(handler, { isActive });
}
