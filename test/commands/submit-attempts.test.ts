import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveLab } from '../../src/app/lab-lookup.js';
import { gradeSession } from '../../src/lab/grade.js';
import { LabSession } from '../../src/lab/session.js';
import { suffixFor } from '../../src/lab/templates.js';
import { recordAttempt } from '../../src/progress/attempts.js';
import { emptyProgress, type Attempt } from '../../src/progress/schema.js';
import { awslab, tempHome } from './io-helper.js';

const repo = resolve(__dirname, '..', '..');
const LAB = 's3-versioning-recover';
const solution = readFileSync(join(repo, 'labs', LAB, 'solution.txt'), 'utf8').replaceAll('{{suffix}}', suffixFor(11));
const firstLine = solution.split('\n').filter((l) => l.startsWith('aws '))[0]!;
const run = (home: string, script: string) => awslab(['run', LAB, '--seed', '11'], { home, stdin: script });

describe('submit hands in the right attempt', () => {
  it('takes the best finished attempt, not the latest, and says which it chose', async () => {
    const home = tempHome();
    await run(home, solution);
    await run(home, `${firstLine}\n`);
    const file = join(mkdtempSync(join(tmpdir(), 'awslab-submit-')), 'ana.json');
    const out = await awslab(['submit', LAB, '--out', file], { home });
    expect(out.stdout).toMatch(/^Wrote .* for ana: attempt 1: 30\/30, 5 lines, finished .*, your best finished attempt of 2 \(--attempt N hands in another; --list shows them\)\.\n/);
    expect(JSON.parse(readFileSync(file, 'utf8')).lines).toHaveLength(5);
  });

  it('lists attempts with their scores, and --attempt N hands in that one', async () => {
    const home = tempHome();
    await run(home, solution);
    await run(home, `${firstLine}\n`);
    const list = await awslab(['submit', LAB, '--list'], { home });
    expect(list.stdout).toMatch(/: 2 attempts\n {2}attempt 1: 30\/30, 5 lines, finished .*\n {2}attempt 2: 10\/30, 1 line, finished .*\n$/);
    const file = join(mkdtempSync(join(tmpdir(), 'awslab-submit-')), 'ana.json');
    const second = await awslab(['submit', LAB, '--attempt', '2', '--out', file], { home });
    expect(second.stdout).toMatch(/attempt 2: 10\/30, 1 line, .*, the one you chose\./);
    const missing = await awslab(['submit', LAB, '--attempt', '3'], { home });
    expect(missing).toMatchObject({ code: 1, stderr: `awslab: there is no attempt 3: you have 2 attempts at ${LAB} (awslab submit ${LAB} --list shows them)\n` });
  });

  it('puts the name and id given once into this and later submissions, and the gradebook shows them', async () => {
    const home = tempHome();
    await run(home, solution);
    const dir = mkdtempSync(join(tmpdir(), 'awslab-submit-'));
    const first = await awslab(['submit', LAB, '--name', 'Ana Lima', '--id', 's001', '--out', join(dir, 'a.json')], { home });
    expect(first.stdout).toContain('for Ana Lima (s001)');
    expect(first.stderr).toBe('');
    await awslab(['submit', LAB, '--out', join(dir, 'b.json')], { home });
    expect(JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'))).toMatchObject({ learner: 'Ana Lima', learnerId: 's001' });
    const csv = (await awslab(['grade', LAB, join(dir, 'b.json'), '--format', 'csv', '--jobs', '1'])).stdout.split('\r\n');
    expect(csv[1]).toMatch(/^Ana Lima,s001,.*,graded,30,30,/);
  });

  it('without a name given, says which name the file carries and how to change it', async () => {
    const home = tempHome();
    await run(home, solution);
    const out = await awslab(['submit', LAB, '--out', join(mkdtempSync(join(tmpdir(), 'awslab-submit-')), 'a.json')], { home });
    expect(out.stderr).toBe('awslab: the file names you "ana"; if your instructor knows you by another name or a student id, run again with --name "Your Name" --id ID (it is remembered)\n');
  });
});

describe('hints stay taken', () => {
  const entry = resolveLab(LAB);
  const lines = solution.split('\n').filter((l) => l.startsWith('aws '));

  it('undo and reset keep a hint that cost points, in the transcript a grader replays', () => {
    const session = new LabSession(entry.lab, { seed: 11 });
    session.run('hint take');
    const cost = session.taskState('enable-versioning').hintCost;
    expect(cost).toBeGreaterThan(0);
    session.run(lines[0]!);
    const undone = session.run('undo');
    expect(undone.result.stdout).toBe('Took back 1 line; 1 remain.\n');
    session.run('reset');
    expect(session.transcript.map((e) => e.line)).toEqual(['hint take enable-versioning']);
    for (const line of lines) session.run(line);
    const grade = gradeSession(session);
    expect(grade.tasks[0]).toMatchObject({ passed: true, hintsUsed: 1, hintCost: cost, points: 10 - cost });
    // The grader replays the final lines and charges the same.
    const replay = new LabSession(entry.lab, { seed: 11 });
    for (const e of session.transcript) replay.run(e.line);
    expect(gradeSession(replay).score).toBe(grade.score);
    expect(grade.score).toBe(30 - cost);
  });

  it('says so when a rewind keeps a hint', () => {
    const session = new LabSession(entry.lab, { seed: 11 });
    session.run(lines[0]!);
    session.run('hint take');
    const out = session.run('reset --to 1');
    expect(out.result.stdout).toBe('Took back 1 line; 1 remain. The hint you took stays taken.\n');
    expect(session.transcript.map((e) => e.line)).toEqual([lines[0], 'hint take inspect-versions']);
  });
});

describe('best is a state the learner holds', () => {
  it('drops when undo takes the best attempt back', () => {
    const data = emptyProgress('ana', '2026-12-01T00:00:00.000Z');
    const attempt = (score: number, passed = false): Attempt => ({ id: 'a1', labId: LAB, labSha256: 'x', seed: 1, awslabVersion: '0', startedAt: 't0', updatedAt: `t${score}`, transcript: [], score, maxScore: 30, passed, tasks: [], virtualMs: 0 });
    recordAttempt(data, attempt(30, true));
    expect(data.labs[LAB]).toMatchObject({ bestScore: 30, completedAt: 't30' });
    recordAttempt(data, attempt(10));
    expect(data.labs[LAB]!.bestScore).toBe(10);
    expect(data.labs[LAB]!.completedAt).toBeUndefined();
  });
});

describe('awslab run at a terminal', () => {
  it('prints the briefing and the tasks, prompts for lines, and ends with the grade on exit', async () => {
    const { PassThrough } = await import('node:stream');
    const { main } = await import('../../src/main.js');
    const stdin = new PassThrough();
    let stdout = '';
    let stderr = '';
    const done = main(['run', LAB, '--seed', '11'], {
      stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => '',
      stdinIsTTY: true, stdoutIsTTY: true, stdin, env: { AWSLAB_HOME: tempHome(), AWSLAB_LEARNER: 'ana' },
    });
    stdin.end(`${solution.split('\n').filter((l) => l.startsWith('aws ')).join('\n')}\nexit\n`);
    expect(await done).toBe(0);
    expect(stdout).toMatch(/^# Turn on versioning and recover an overwritten report\n\n.+\n[\s\S]*\nTasks:\n {2}1\. Turn on versioning for reports-\S+ \(10 points\)\n/);
    expect(stdout).toContain(`\n${LAB} $ `);
    expect(stdout).toContain('✔ Task passed: Turn on versioning');
    expect(stdout.match(/Every task has passed/g)).toHaveLength(1);
    expect(stdout).toMatch(/: 30\/30 \(all tasks passed\)\n/);
    expect(stderr).toBe('');
  });
});
