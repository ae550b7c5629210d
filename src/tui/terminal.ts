/**
 * The terminal around the app: the alternate screen (as full-screen programs use, so the
 * learner's shell and scrollback come back untouched on exit), restored on every way out:
 * a normal quit, an error, an uncaught exception, a signal, or process exit.
 */
export const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h\u001b[H';
export const LEAVE_ALTERNATE_SCREEN = '\u001b[?25h\u001b[?1049l';

export interface TerminalSession {
  /** Leaves the alternate screen (once; later calls do nothing) and removes the handlers. */
  restore(): void;
}

const SIGNALS: Record<string, number> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };

/**
 * Enters the alternate screen. `stop` is called first on an abnormal exit (to unmount Ink so
 * its last frame lands on the alternate screen, not the learner's).
 */
export function enterTerminal(stdout: NodeJS.WriteStream, stop: () => void): TerminalSession {
  let restored = false;
  const leave = () => {
    if (restored) return;
    restored = true;
    try {
      stop();
    } catch {
      // Unmounting failed: the screen still has to come back.
    }
    stdout.write(LEAVE_ALTERNATE_SCREEN);
  };
  const onExit = () => leave();
  const onSignal = (signal: NodeJS.Signals) => {
    leave();
    process.exit(128 + (SIGNALS[signal] ?? 1));
  };
  const onCrash = (error: unknown) => {
    leave();
    process.stderr.write(`awslab: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(70);
  };
  stdout.write(ENTER_ALTERNATE_SCREEN);
  process.on('exit', onExit);
  for (const signal of Object.keys(SIGNALS)) process.on(signal, onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  return {
    restore() {
      leave();
      process.off('exit', onExit);
      for (const signal of Object.keys(SIGNALS)) process.off(signal, onSignal);
      process.off('uncaughtException', onCrash);
      process.off('unhandledRejection', onCrash);
    },
  };
}

/** Interactive only with a terminal on both ends, a capable TERM, and not in CI (as Ink decides CI). */
export function isInteractive(facts: { stdinIsTTY: boolean; stdoutIsTTY: boolean; env: Readonly<Record<string, string | undefined>> }): boolean {
  const { env } = facts;
  const ci = env.CI !== '0' && env.CI !== 'false' && ('CI' in env || 'CONTINUOUS_INTEGRATION' in env || Object.keys(env).some((k) => k.startsWith('CI_')));
  return facts.stdinIsTTY && facts.stdoutIsTTY && env.TERM !== 'dumb' && !ci;
}
