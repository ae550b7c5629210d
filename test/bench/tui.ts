import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { median, repo, type BenchResult } from './harness.js';

const bin = resolve(repo, 'bin', 'awslab.js');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `command` in a pseudo-terminal (util-linux `script`, so the app sees TTYs as in a
 * real terminal) and returns the ms from spawning to each marker appearing in its output;
 * then sends Ctrl+C (the app quits at once outside a lab) and waits for the exit.
 */
function timeToOutput(command: string, markers: readonly string[], home: string): Promise<number[]> {
  return new Promise((resolvePromise, reject) => {
    const env = { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', TERM: 'xterm-256color', AWSLAB_HOME: home, COLUMNS: '100', LINES: '30' };
    const start = performance.now();
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const seen: (number | undefined)[] = markers.map(() => undefined);
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdin.on('error', () => undefined); // the app may be gone before a late key
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      markers.forEach((marker, i) => {
        if (seen[i] === undefined && out.includes(marker)) seen[i] = performance.now() - start;
      });
      if (seen.every((t) => t !== undefined) && !child.stdin.writableEnded) child.stdin.end('\u0003');
    });
    child.on('error', (error) => reject(new Error(`cannot run script(1) for a pseudo-terminal: ${error.message}`)));
    child.on('exit', () => {
      clearTimeout(timer);
      const missing = markers.filter((_, i) => seen[i] === undefined);
      if (missing.length) reject(new Error(`${missing.map((m) => `"${m}"`).join(', ')} never appeared; output was:\n${out.slice(-2000)}`));
      else resolvePromise(seen as number[]);
    });
  });
}

/**
 * Process start to the painted home screen and to its filled-in status line, beside `node -e`
 * printing a word, in the same pseudo-terminal. Every run but the first finds the catalog
 * index the first one saved in the data folder, as every start after the first does.
 */
export async function startupToHome(runs = 9): Promise<BenchResult[]> {
  const home = mkdtempSync(join(tmpdir(), 'awslab-bench-tui-'));
  try {
    const node: number[] = [];
    const menu: number[] = [];
    const status: number[] = [];
    for (let i = 0; i < runs; i++) {
      node.push(...(await timeToOutput(`${process.execPath} -e "process.stdout.write('ready')"`, ['ready'], home)));
      const [painted, filled] = await timeToOutput(`${process.execPath} ${bin}`, ['Quizzes and exam', 'labs done ·'], home);
      menu.push(painted!);
      status.push(filled!);
    }
    const baseline = median(node);
    const [first, ...rest] = status;
    return [
      { name: 'tui: start to the painted home screen', value: median(menu), baseline, unit: 'ms', goal: '< 300 ms', pass: median(menu) < 300 },
      { name: 'tui: start to the home status line', value: median(rest), baseline, unit: 'ms', goal: '< 300 ms', pass: median(rest) < 300 },
      { name: 'tui: the same, first start (no catalog index saved yet; one run)', value: first!, baseline, unit: 'ms' },
    ];
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

interface Harness {
  write(keys: string): Promise<number>;
  frame(): string;
  unmount(): void;
}

/** The built app (dist/, as the binary runs it), not the copy compiled for the benchmarks. */
async function built<T>(path: string): Promise<T> {
  return (await import(pathToFileURL(join(repo, 'dist', path)).href)) as T;
}

type AppModule = typeof import('../../src/tui/app.js');
type StoreModule = typeof import('../../src/progress/store.js');

/** The lab screen in-process (ink-testing-library): write keys, time until the next frame is written. */
async function labScreen(home: string): Promise<Harness> {
  const [{ App }, { ProgressStore }] = await Promise.all([built<AppModule>('tui/app.js'), built<StoreModule>('progress/store.js')]);
  const store = new ProgressStore(join(home, 'progress.json'), { learner: 'bench' });
  const services = { store, warnings: [], now: () => new Date(), labsDir: join(repo, 'labs'), seed: 1 };
  const size = { columns: 100, rows: 30 };
  const element = createElement(App, { services, colour: true, size, initialRoute: { name: 'lab', labId: 's3-versioning-recover', resume: false } });
  const instance = render(element);
  Object.defineProperty(instance.stdout, 'columns', { get: () => size.columns });
  instance.rerender(element);
  const frame = () => instance.lastFrame() ?? '';
  for (let i = 0; !frame().includes('score 0/30'); i++) {
    if (i > 2000) throw new Error(`the lab screen did not open:\n${frame()}`);
    await sleep(5);
  }
  await sleep(50);
  return {
    frame,
    async write(keys: string) {
      const count = instance.frames.length;
      const start = performance.now();
      instance.stdin.write(keys);
      while (instance.frames.length === count) await new Promise((r) => setImmediate(r));
      return performance.now() - start;
    },
    unmount: () => instance.unmount(),
  };
}

async function keyLatencies(harness: Harness, presses: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < presses; i++) {
    times.push(await harness.write(i % 20 === 19 ? '\u0015' : 'a')); // Ctrl+U now and then keeps the line short
    await sleep(1);
  }
  return times;
}

/**
 * Key press to the next frame on the lab screen with a full scrollback, beside the same
 * screen with one screenful of scrollback (so both frames draw the same amount of text and
 * the difference is what the length of the scrollback costs).
 */
export async function keystrokeToFrame(presses = 200): Promise<BenchResult[]> {
  const home = mkdtempSync(join(tmpdir(), 'awslab-bench-keys-'));
  const { MAX_LINES } = await built<typeof import('../../src/tui/lab/scrollback.js')>('tui/lab/scrollback.js');
  try {
    const short = await labScreen(home);
    for (let i = 0; i < 3; i++) await short.write('help\r');
    const baseline = median(await keyLatencies(short, presses));
    short.unmount();
    const full = await labScreen(home);
    // `help` prints 17 lines with its prompt: run it until the scrollback holds MAX_LINES lines.
    for (let i = 0; i < Math.ceil(MAX_LINES / 15); i++) await full.write('help\r');
    const times = await keyLatencies(full, presses);
    full.unmount();
    const value = median(times);
    const p95 = [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)]!;
    return [
      { name: `tui: key press to next frame, ${MAX_LINES} lines of scrollback (median)`, value, baseline, unit: 'ms', goal: '< 30 ms', pass: value < 30 },
      { name: `tui: key press to next frame, ${MAX_LINES} lines of scrollback (95th percentile)`, value: p95, baseline, unit: 'ms', goal: '< 30 ms', pass: p95 < 30 },
    ];
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** The app's benchmarks for `npm run bench` (wired into test/bench/run.ts). */
export async function tuiBenchmarks(): Promise<BenchResult[]> {
  return [...(await startupToHome()), ...(await keystrokeToFrame())];
}
