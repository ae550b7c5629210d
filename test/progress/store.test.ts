import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProgressFileError, ProgressStore, parseProgress, progressPath } from '../../src/progress/store.js';
import { PROGRESS_VERSION } from '../../src/progress/schema.js';

// These tests touch a real file on disk on purpose: lowdb's JSONFilePreset swaps to memory
// under NODE_ENV=test, which would let every corruption test pass without a disk.
const dist = resolve(__dirname, '..', '..', 'dist', 'progress', 'store.js');
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'awslab-progress-'));
  file = join(dir, 'progress.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fixedNow = () => new Date('2026-01-02T03:04:05.678Z');

describe('ProgressStore', () => {
  it('starts empty when there is no file, and writes nothing until an update', () => {
    const store = new ProgressStore(file, { learner: 'ana', now: fixedNow });
    expect(store.read()).toEqual({ version: PROGRESS_VERSION, profile: { name: 'ana', createdAt: '2026-01-02T03:04:05.678Z' }, labs: {}, quiz: {} });
    expect(existsSync(file)).toBe(false);
  });

  it('keeps updates on disk for the next process', () => {
    new ProgressStore(file).update((d) => void (d.quiz.streak = 3));
    expect(new ProgressStore(file).read().quiz.streak).toBe(3);
    expect(JSON.parse(readFileSync(file, 'utf8')).quiz.streak).toBe(3);
  });

  it('moves a damaged file aside with a message, keeps its bytes, and carries on', () => {
    writeFileSync(file, '{"version": 1, "labs": {tru');
    const store = new ProgressStore(file, { now: fixedNow });
    expect(store.read().labs).toEqual({});
    expect(store.warnings).toHaveLength(1);
    expect(store.warnings[0]).toMatch(/could not be read: .*is not valid JSON.*moved to .*progress\.json\.damaged-2026-01-02T03-04-05-678Z \(nothing was deleted\)/);
    const aside = readdirSync(dir).find((f) => f.includes('damaged'))!;
    expect(readFileSync(join(dir, aside), 'utf8')).toBe('{"version": 1, "labs": {tru');
  });

  it('moves aside a hand-edited file that no longer matches the format', () => {
    writeFileSync(file, JSON.stringify({ version: 1, profile: { name: 'x', createdAt: 'y' }, labs: { a: { attempts: 'many' } }, quiz: {} }));
    const store = new ProgressStore(file);
    store.update(() => {});
    expect(store.warnings[0]).toMatch(/does not match the progress format at labs\.a/);
    expect(readdirSync(dir).filter((f) => f.includes('damaged'))).toHaveLength(1);
  });

  it('refuses a file from a newer awslab without touching it', () => {
    const newer = JSON.stringify({ version: PROGRESS_VERSION + 1 });
    writeFileSync(file, newer);
    expect(() => new ProgressStore(file).read()).toThrow(/written by a newer awslab/);
    expect(readFileSync(file, 'utf8')).toBe(newer);
  });

  it.each([
    ['[]', /does not hold an awslab progress object/],
    ['{"version":"1"}', /has no valid "version"/],
    ['', /is not valid JSON/],
  ])('says what is wrong with %j', (text, message) => {
    expect(() => parseProgress(text, 'f.json')).toThrow(ProgressFileError);
    expect(() => parseProgress(text, 'f.json')).toThrow(message);
  });

  it('lives in AWSLAB_HOME when it is set', () => {
    expect(progressPath({ AWSLAB_HOME: '/tmp/x' })).toBe('/tmp/x/progress.json');
  });

  it('loses no update when two processes update the same file at once', async () => {
    const script = `import { ProgressStore } from ${JSON.stringify(dist)};
      const s = new ProgressStore(process.argv[1]);
      for (let i = 0; i < 300; i++) s.update((d) => { d.quiz.count = (d.quiz.count ?? 0) + 1; (d.quiz[process.argv[2]] ??= []).push(i); });`;
    const run = (name: string) => new Promise<number>((done) => spawn(process.execPath, ['--input-type=module', '-e', script, file, name], { stdio: 'inherit' }).on('exit', (code) => done(code ?? -1)));
    expect(await Promise.all([run('a'), run('b')])).toEqual([0, 0]);
    const data = new ProgressStore(file).read();
    expect(data.quiz.count).toBe(600);
    expect(data.quiz.a).toEqual([...Array(300).keys()]);
    expect(data.quiz.b).toEqual([...Array(300).keys()]);
  });

  /** Resolves once the file holds a count above `seen`; reads that land mid-rename are retried. */
  async function writerPassed(seen: number): Promise<void> {
    for (;;) {
      try {
        const n = new ProgressStore(file).read().quiz.n;
        if (typeof n === 'number' && n > seen) return;
      } catch {
        // A torn read of the file as it is replaced: look again.
      }
      await new Promise((r) => setImmediate(r));
    }
  }

  it('leaves the previous content readable when a process is killed in the middle of writing', async () => {
    const script = `import { ProgressStore } from ${JSON.stringify(dist)};
      const s = new ProgressStore(process.argv[1]);
      for (let i = 1; ; i++) s.update((d) => { d.quiz.n = i; d.quiz.pad = "x".repeat(200000); });`;
    new ProgressStore(file).update((d) => void (d.quiz.n = 0));
    let highest = 0;
    for (let round = 0; round < 8; round++) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script, file], { stdio: 'ignore' });
      // Kill only once the writer is under way (it has written past what the last round left),
      // whatever the machine's load: a fixed sleep killed it before its first write on a busy machine.
      await writerPassed(highest);
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      const store = new ProgressStore(file);
      const data = store.read();
      expect(store.warnings).toEqual([]);
      expect(typeof data.quiz.n).toBe('number');
      highest = Math.max(highest, data.quiz.n as number);
    }
    expect(highest).toBeGreaterThan(0);
    // The next update waits out the dead process's lock rather than hanging forever.
    expect(new ProgressStore(file).update((d) => void (d.quiz.done = true)).quiz.done).toBe(true);
  });

  it('the dist build exists for the multi-process tests', () => {
    expect(spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(dist)})`]).status).toBe(0);
  });
});
