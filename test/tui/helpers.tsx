import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { useLayoutEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { ProgressStore } from '../../src/progress/store.js';
import { App } from '../../src/tui/app.js';
import type { Route } from '../../src/tui/navigation.js';
import type { TerminalSize, TuiServices } from '../../src/tui/services.js';

/** Two small labs and a small question bank made for these tests. */
export const FIXTURE_LABS = join(__dirname, 'fixtures', 'labs');
export const FIXTURE_QUIZZES = join(__dirname, 'fixtures', 'quizzes');

/** Keys as a terminal sends them. */
export const KEY = {
  enter: '\r',
  escape: '\u001b',
  tab: '\t',
  backspace: '\u007f',
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  pageUp: '\u001b[5~',
  pageDown: '\u001b[6~',
  ctrl: (letter: string) => String.fromCharCode(letter.toLowerCase().charCodeAt(0) - 96),
} as const;

export interface TestHome {
  dir: string;
  store: ProgressStore;
  cleanup(): void;
}

/** A progress file in a fresh temporary folder. */
export function tempHome(): TestHome {
  const dir = mkdtempSync(join(tmpdir(), 'awslab-tui-test-'));
  const store = new ProgressStore(join(dir, 'progress.json'), { learner: 'tester' });
  return { dir, store, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A repeating timer that fires only when the test says so: no real timers in the tests. */
export interface ManualTimer {
  every(ms: number, tick: () => void): () => void;
  /** Runs every tick that is set, once. */
  fire(): void;
}

export function manualTimer(): ManualTimer {
  const ticks = new Set<() => void>();
  return {
    every: (_ms, tick) => {
      ticks.add(tick);
      return () => void ticks.delete(tick);
    },
    fire: () => [...ticks].forEach((tick) => tick()),
  };
}

export function testServices(store: ProgressStore, overrides: Partial<TuiServices> = {}): TuiServices {
  return { store, warnings: [], now: () => new Date('2026-05-04T10:00:00Z'), labsDir: FIXTURE_LABS, quizzesDir: FIXTURE_QUIZZES, seed: 42, every: manualTimer().every, ...overrides };
}

export interface Rendered {
  lastFrame(): string;
  /** Sends keys and waits until the frame changes (or `until` holds), as Shopify's sendInputAndWaitForChange does. */
  press(keys: string, until?: (frame: string) => boolean): Promise<string>;
  /** Types text one character at a time, waiting for each to appear. */
  type(text: string): Promise<string>;
  waitFor(until: (frame: string) => boolean, what?: string): Promise<string>;
  frames: string[];
  unmount(): void;
}

const TIMEOUT_MS = 20_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for a condition on the frame (the deadline only turns a hang into a failure). */
async function poll(check: () => boolean, what: string, frame: () => string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > TIMEOUT_MS) throw new Error(`timed out waiting for ${what}; the frame is:\n${frame()}`);
    await sleep(5);
  }
}

/**
 * Input readiness. A screen that just appeared subscribes to input in an effect that runs
 * after its first frame, and a key sent before that is lost. React runs every pending effect
 * before it renders an update, so the probe renders one (a counter beside the app, which the
 * app never sees) and resolves once it has committed: then every screen on view is listening.
 */
function createProbe(): { Probe: (props: { children: ReactNode }) => ReactElement; ready(): Promise<void> } {
  let bump: ((resolve: () => void) => void) | undefined;
  function Probe({ children }: { children: ReactNode }) {
    const [turn, setTurn] = useState(0);
    const waiting = useRef<Array<() => void>>([]);
    bump = (resolve) => {
      waiting.current.push(resolve);
      setTurn((t) => t + 1);
    };
    useLayoutEffect(() => {
      for (const resolve of waiting.current.splice(0)) resolve();
    }, [turn]);
    return <>{children}</>;
  }
  return { Probe, ready: () => new Promise<void>((resolve) => bump!(resolve)) };
}

/** Renders an element with ink-testing-library in a window of the given size. */
export function renderSized(element: ReactElement, size: TerminalSize): Rendered {
  const { Probe, ready } = createProbe();
  const probed = <Probe>{element}</Probe>;
  const instance = render(probed);
  // ink-testing-library's stdout is 100 columns; Ink lays out to stdout.columns.
  Object.defineProperty(instance.stdout, 'columns', { get: () => size.columns });
  Object.defineProperty(instance.stdout, 'rows', { get: () => size.rows });
  instance.rerender(probed);
  const lastFrame = () => instance.lastFrame() ?? '';
  const waitFor = async (until: (frame: string) => boolean, what = 'the frame') => {
    await poll(() => until(lastFrame()), what, lastFrame);
    return lastFrame();
  };
  const press = async (keys: string, until?: (frame: string) => boolean) => {
    await ready();
    const before = lastFrame();
    const count = instance.frames.length;
    instance.stdin.write(keys);
    await poll(() => (until ? until(lastFrame()) : instance.frames.length > count && lastFrame() !== before), `a new frame after ${JSON.stringify(keys)}`, lastFrame);
    return lastFrame();
  };
  const type = async (text: string) => {
    for (const ch of text) await press(ch);
    return lastFrame();
  };
  return { lastFrame, press, type, waitFor, frames: instance.frames, unmount: () => instance.unmount() };
}

export interface AppOptions {
  size?: TerminalSize;
  colour?: boolean;
  route?: Route;
  services?: Partial<TuiServices>;
}

/** The whole app at a window size (80x24 unless told), on a temporary progress file. */
export async function renderApp(store: ProgressStore, options: AppOptions = {}): Promise<Rendered> {
  const size = options.size ?? { columns: 80, rows: 24 };
  const element = <App services={testServices(store, options.services)} colour={options.colour ?? false} size={size} {...(options.route ? { initialRoute: options.route } : {})} />;
  const rendered = renderSized(element, size);
  // Screens load lazily and subscribe to input after they mount: wait until the screen is there.
  await rendered.waitFor((f) => !f.includes('Loading') && /›/.test(f), 'the first screen');
  return rendered;
}

/** Lines of a frame. */
export const linesOf = (frame: string) => frame.split('\n');

/** The frame fits the window: one row fewer than it (so Ink never scrolls), no line wider than it. */
export function expectFits(frame: string, size: TerminalSize): void {
  const lines = linesOf(frame);
  if (lines.length !== size.rows - 1) throw new Error(`the frame has ${lines.length} lines in a ${size.rows}-row window:\n${frame}`);
  const wide = lines.filter((l) => [...l].length > size.columns);
  if (wide.length) throw new Error(`lines wider than ${size.columns} columns:\n${wide.join('\n')}`);
}
