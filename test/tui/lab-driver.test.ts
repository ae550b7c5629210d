import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLab } from '../../src/lab/catalog.js';
import { latestAttempt } from '../../src/progress/attempts.js';
import { LabDriver } from '../../src/tui/lab/lab-driver.js';
import { groupByTopic, labRows, nextLab } from '../../src/tui/lab/lab-catalog.js';
import { tempHome, type TestHome } from './helpers.js';

const FIXTURES = join(__dirname, 'fixtures', 'labs');
const entry = loadLab(join(FIXTURES, 'tui-bucket'));
const second = loadLab(join(FIXTURES, 'tui-second'));

let home: TestHome;
beforeEach(() => {
  home = tempHome();
});
afterEach(() => home.cleanup());

const bucket = (driver: LabDriver) => `tui-${driver.session.templateValues.suffix}`;

describe('the lab driver', () => {
  it('saves the attempt after every line, as one attempt rewritten', () => {
    const driver = new LabDriver(entry, home.store, { seed: 7 });
    expect(home.store.read().labs['tui-bucket']).toBeUndefined();
    driver.run(`aws s3api create-bucket --bucket ${bucket(driver)}`);
    driver.run('tasks');
    const attempts = home.store.read().labs['tui-bucket']!.attempts;
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.transcript.map((t) => t.line)).toEqual([`aws s3api create-bucket --bucket ${bucket(driver)}`, 'tasks']);
    expect(attempts[0]!.score).toBe(10);
  });

  it('reports each task passing with the lab event message', () => {
    const driver = new LabDriver(entry, home.store, { seed: 7 });
    const step = driver.run(`aws s3api create-bucket --bucket ${bucket(driver)}`);
    expect(step.messages.map((m) => m.kind)).toEqual(['passed', 'say']);
    expect(driver.tasks().map((t) => [t.id, t.passed, t.current])).toEqual([
      ['make-bucket', true, false],
      ['enable-versioning', false, true],
    ]);
    expect(driver.grade.score).toBe(10);
  });

  it('says what the next hint costs before it is taken, and takes it as a console line', () => {
    const driver = new LabDriver(entry, home.store, { seed: 7 });
    expect(driver.hintOffer()).toEqual({ taskId: 'make-bucket', taskTitle: `Create the bucket ${bucket(driver)}`, number: 1, of: 2, cost: 1, worthAfter: 9, points: 10 });
    const step = driver.takeHint();
    expect(step.line).toBe('hint take');
    expect(step.stdout).toContain('A bucket is made with one s3api call.');
    expect(driver.tasks()[0]).toMatchObject({ hintsTaken: 1, hintCost: 1, worth: 9 });
    expect(home.store.read().labs['tui-bucket']!.attempts[0]!.transcript.map((t) => t.line)).toEqual(['hint take']);
  });

  it('continues an unfinished attempt: same id, same seed, the lines replayed', () => {
    const first = new LabDriver(entry, home.store, { seed: 7 });
    first.run(`aws s3api create-bucket --bucket ${bucket(first)}`);
    const saved = latestAttempt(home.store.read(), 'tui-bucket')!;
    const again = new LabDriver(entry, home.store, { seed: 99, resume: saved });
    expect(again.session.seed).toBe(7);
    expect(again.replayed.map((s) => s.line)).toEqual([`aws s3api create-bucket --bucket ${bucket(first)}`]);
    expect(again.grade.score).toBe(10);
    again.run(`aws s3api put-bucket-versioning --bucket ${bucket(again)} --versioning-configuration Status=Enabled`);
    const attempts = home.store.read().labs['tui-bucket']!.attempts;
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.id).toBe(saved.id);
    expect(attempts[0]!.passed).toBe(true);
  });

  it('finishes with the grade, the hints and the wall-clock time', () => {
    let now = 1_000;
    const driver = new LabDriver(entry, home.store, { seed: 7, now: () => now });
    driver.takeHint();
    driver.run(`aws s3api create-bucket --bucket ${bucket(driver)}`);
    now += 90_000;
    const summary = driver.finish({ id: 'tui-second', title: 'A second lab' });
    expect(summary).toMatchObject({ labId: 'tui-bucket', realMs: 90_000, hintsUsed: 1, hintCost: 1, next: { id: 'tui-second' } });
    expect(summary.grade.score).toBe(9);
    expect(latestAttempt(home.store.read(), 'tui-bucket')!.finishedAt).toBeDefined();
  });
});

describe('the lab catalog', () => {
  it('groups labs by their first topic in syllabus order and suggests the next one not done', () => {
    const rows = labRows([second, entry], home.store.read());
    expect(groupByTopic(rows).map((g) => [g.title, g.rows.map((r) => r.id)])).toEqual([
      ['Amazon S3 basics', ['tui-second']],
      ['S3 versioning', ['tui-bucket']],
    ]);
    expect(nextLab(rows, 'tui-bucket')?.id).toBe('tui-second');
  });

  it('offers to continue only an unfinished attempt on the same version of the lab', () => {
    const driver = new LabDriver(entry, home.store, { seed: 7 });
    driver.run('tasks');
    expect(labRows([entry], home.store.read())[0]).toMatchObject({ status: 'in progress', resumable: { transcript: [{ line: 'tasks' }] } });
    driver.finish();
    expect(labRows([entry], home.store.read())[0]!.resumable).toBeUndefined();
    expect(labRows([{ ...entry, sha256: 'changed' }], home.store.read())[0]!.resumable).toBeUndefined();
  });
});
