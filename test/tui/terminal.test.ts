import { describe, expect, it } from 'vitest';
import { ENTER_ALTERNATE_SCREEN, enterTerminal, LEAVE_ALTERNATE_SCREEN } from '../../src/tui/terminal.js';

function fakeStdout() {
  const written: string[] = [];
  return { written, stream: { write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream };
}

describe('the terminal around the app', () => {
  it('enters the alternate screen and gives the screen back once, after unmounting', () => {
    const { written, stream } = fakeStdout();
    const order: string[] = [];
    const before = process.listenerCount('exit');
    const session = enterTerminal(stream, () => order.push('unmount'));
    expect(written).toEqual([ENTER_ALTERNATE_SCREEN]);
    expect(process.listenerCount('exit')).toBe(before + 1);
    session.restore();
    session.restore();
    expect(written).toEqual([ENTER_ALTERNATE_SCREEN, LEAVE_ALTERNATE_SCREEN]);
    expect(order).toEqual(['unmount']);
    expect(process.listenerCount('exit')).toBe(before);
  });

  it('restores the screen on process exit, even when unmounting fails', () => {
    const { written, stream } = fakeStdout();
    const session = enterTerminal(stream, () => {
      throw new Error('broken');
    });
    const onExit = process.listeners('exit').at(-1) as () => void;
    onExit();
    expect(written).toEqual([ENTER_ALTERNATE_SCREEN, LEAVE_ALTERNATE_SCREEN]);
    session.restore();
    expect(written).toHaveLength(2);
  });

  it('shows the cursor and leaves the alternate screen with the standard sequences', () => {
    expect(ENTER_ALTERNATE_SCREEN.startsWith('\u001b[?1049h')).toBe(true);
    expect(LEAVE_ALTERNATE_SCREEN).toBe('\u001b[?25h\u001b[?1049l');
  });
});
