import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers of DESIGN.md, lowest first. A file may import from its own layer's folder and
// from layers below it, never above or sideways: that keeps the simulated cloud free of
// labs and UI, and the learning engines free of each other's internals.
const LAYERS: string[][] = [
  ['lib'], // generic utilities: wrap, durations, did-you-mean, the seeded generator, paths, the shell tokenizer
  ['runtime'],
  ['cli'],
  ['console'],
  ['data'], // data files with located errors, shared by labs and quiz banks
  ['lab', 'quiz', 'notes', 'progress'],
  ['app'], // what the front ends share: attempts, the learner's store and seed
  ['tui', 'commands', 'server'],
  ['.'], // src/main.ts and friends
];

// The edges DESIGN.md forbids by name, whatever the ranking above would allow: a new layer
// slotted in between must not open them. [from, to, why].
const FORBIDDEN: Array<[string, string, string]> = [
  ['tui', 'cli', 'the screens go through console/, app/ and lab/'],
  ['tui', 'runtime', 'the screens go through console/, app/ and lab/'],
  ['quiz', 'cli', 'the quiz is a learning engine, not a CLI front end'],
  ['quiz', 'runtime', 'the quiz is a learning engine: generic code it needs lives in lib/'],
  ['notes', 'cli', 'the notes are a learning engine, not a CLI front end'],
  ['notes', 'runtime', 'the notes are a learning engine: generic code they need lives in lib/'],
  ...['runtime', 'cli', 'console', 'data', 'lab', 'quiz', 'notes', 'progress', 'app', 'tui', 'commands', 'server', '.'].map(
    (to): [string, string, string] => ['lib', to, 'lib/ is the bottom layer: it imports nothing of ours'],
  ),
];

// Folders or files landed ahead of the code that uses them, each with the reason; the test
// below fails once one is reachable, so that its line is removed.
const NOT_YET_WIRED: Record<string, string> = {};

// Generated from a service's model (npm run shapes, checked by a drift test): a service imports
// its types as its handlers are typed, so an unimported one is not dead code. knip agrees.
const GENERATED = /\/shapes\.generated\.ts$/;

// Libraries stay in their rooms (STYLE.md).
const LIBRARY_ROOMS: Record<string, string[]> = {
  lowdb: ['progress'],
  'marked-terminal': ['notes'],
  marked: ['notes'],
  ink: ['tui'],
  react: ['tui'],
  'ink-select-input': ['tui'],
  'ts-fsrs': ['quiz'],
};

const src = resolve(__dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function folderOf(path: string): string {
  const rel = relative(src, path).split('/');
  return rel.length === 1 ? '.' : rel[0]!;
}

function rank(folder: string): number {
  const index = LAYERS.findIndex((layer) => layer.includes(folder));
  if (index === -1) throw new Error(`src/${folder} is not a layer in DESIGN.md: add it to LAYERS or move the code`);
  return index;
}

function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

describe('architecture', () => {
  const all = files(src);

  it('finds the source files', () => {
    expect(all.length).toBeGreaterThan(5);
  });

  it('imports only point down the layers of DESIGN.md', () => {
    const problems: string[] = [];
    for (const file of all) {
      const from = folderOf(file);
      for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
        const to = folderOf(resolve(dirname(file), spec));
        if (to === from) continue;
        if (rank(to) >= rank(from)) problems.push(`${relative(src, file)} imports ${spec} (${from} -> ${to})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('never takes an edge DESIGN.md forbids by name', () => {
    const problems: string[] = [];
    for (const file of all) {
      const from = folderOf(file);
      for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
        const to = folderOf(resolve(dirname(file), spec));
        const rule = FORBIDDEN.find(([f, t]) => f === from && t === to);
        if (rule) problems.push(`${relative(src, file)} imports ${spec} (${from} -> ${to}): ${rule[2]}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('states forbidden edges that the checks can see', () => {
    // A rule naming a folder that does not exist would pass for ever.
    const folders = new Set(all.map(folderOf));
    const unknown = FORBIDDEN.flatMap(([from, to]) => [from, to]).filter((f) => f !== 'server' && !folders.has(f));
    expect([...new Set(unknown)]).toEqual([]);
  });

  it('has no module in src/ that only tests import', () => {
    // Reachable from the entry points (the bin's src/main.ts and the TUI's bundle root) by imports
    // inside src/: whatever else lives in src/ is kept alive only by a test, and is dead code.
    const entries = [join(src, 'main.ts'), join(src, 'tui', 'index.ts')];
    const reached = new Set<string>();
    const queue = [...entries];
    while (queue.length) {
      const file = queue.pop()!;
      if (reached.has(file)) continue;
      reached.add(file);
      // A worker thread's entry is named by URL (`new URL('./grade-worker.js', import.meta.url)`).
      const workers = [...readFileSync(file, 'utf8').matchAll(/new URL\(\s*['"](\.[^'"]+)['"],\s*import\.meta\.url/g)].map((m) => m[1]!);
      for (const spec of [...importsOf(file), ...workers].filter((s) => s.startsWith('.'))) {
        const target = resolve(dirname(file), spec).replace(/\.js$/, '');
        const found = [`${target}.ts`, `${target}.tsx`].find((f) => all.includes(f));
        if (found) queue.push(found);
      }
    }
    const unreached = all.filter((f) => !reached.has(f) && !f.endsWith('.d.ts') && !GENERATED.test(f)).map((f) => relative(src, f));
    const waiting = (f: string) => Object.keys(NOT_YET_WIRED).some((folder) => f.startsWith(folder));
    expect(unreached.filter((f) => !waiting(f))).toEqual([]);
    // An exception outlives its reason the day the folder is wired in: then it must go.
    expect(Object.keys(NOT_YET_WIRED).filter((folder) => !unreached.some((f) => f.startsWith(folder)))).toEqual([]);
  });

  it('keeps each library in its room', () => {
    const problems: string[] = [];
    for (const file of all) {
      const from = folderOf(file);
      for (const spec of importsOf(file)) {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        const rooms = LIBRARY_ROOMS[name];
        if (rooms && !rooms.includes(from)) problems.push(`${relative(src, file)} imports ${spec}, which belongs in ${rooms.join(' or ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps the runtime pure: no node: modules, process, timers, Date.now or Math.random', () => {
    const problems: string[] = [];
    for (const file of all.filter((f) => folderOf(f) === 'runtime')) {
      const text = readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      for (const banned of [/from\s+['"]node:/, /\bprocess\./, /\bsetTimeout\(/, /\bsetInterval\(/, /\bDate\.now\(/, /\bMath\.random\(/]) {
        if (banned.test(text)) problems.push(`${relative(src, file)} uses ${banned.source}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
