import type { TuiServices } from './services.js';
import { enterTerminal } from './terminal.js';

export { isInteractive } from './terminal.js';

export interface TuiOptions {
  /** awslab's arguments (only --no-color means anything here). */
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}

/** Colour is on unless NO_COLOR is set (https://no-color.org), --no-color is given, or TERM is dumb. */
export function colourWanted(env: Readonly<Record<string, string | undefined>>, argv: readonly string[]): boolean {
  return !argv.includes('--no-color') && !env.NO_COLOR && env.TERM !== 'dumb';
}

/** A reason the app cannot start that the learner can act on (said without a stack trace). */
class StartError extends Error {}

async function loadServices(env: TuiOptions['env']): Promise<TuiServices> {
  const [{ openProgress }, { builtInLabsDir }, { ProgressFileError }] = await Promise.all([import('../app/learner.js'), import('../lab/folders.js'), import('../progress/store.js')]);
  try {
    const { store, warnings } = openProgress(env);
    return { store, warnings, now: () => new Date(), labsDir: builtInLabsDir() };
  } catch (error) {
    if (error instanceof ProgressFileError) throw new StartError(error.message);
    throw error;
  }
}

/** Runs the full-screen app until the learner quits; returns the exit code. */
export async function runTui(options: TuiOptions): Promise<number> {
  const stdin = options.stdin ?? process.stdin;
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  // Start-up is mostly module loading. The home screen is drawn as soon as Ink and the app
  // are in; the progress store and the lab catalog (which bring zod, YAML and the simulated
  // cloud) load after, and the screens that need them wait for them.
  const [{ render }, react, { App }] = await Promise.all([import('ink'), import('react'), import('./app.js')]);
  // React is CommonJS: bundled, its dynamic import yields the exports under `default`.
  const { createElement } = (react as unknown as { default?: typeof react }).default ?? react;
  // Loaded after the app's own modules, so that they do not hold back the first frame.
  const services = loadServices(options.env);
  // A failure (a progress file from a newer awslab, say) reaches the app, which exits with it.
  services.catch(() => undefined);
  let unmount = () => undefined as void;
  const terminal = enterTerminal(stdout, () => unmount());
  try {
    const instance = render(createElement(App, { services, colour: colourWanted(options.env, options.argv) }), {
      stdin,
      stdout,
      stderr,
      exitOnCtrlC: false,
      // Ink's default 30 frames a second can hold a key's echo back by up to 33 ms.
      maxFps: 60,
      // Ink 6.8's incremental mode moves the cursor one line short when the frame ends with a
      // newline (every frame shorter than the window does), shifting the screen down a line
      // after a redraw; the standard mode redraws whole frames and stays put.
      incrementalRendering: false,
    });
    unmount = () => instance.unmount();
    await instance.waitUntilExit();
    terminal.restore();
    return 0;
  } catch (error) {
    terminal.restore();
    const said = error instanceof StartError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    stderr.write(`awslab: ${said}\n`);
    return 1;
  }
}
