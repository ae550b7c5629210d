import { describe, expect, it } from 'vitest';
import { labCardQuestions, questionForLabTask, tasksToReview } from '../../src/app/lab-cards.js';
import { builtInLabsDir, labFolders, loadLab } from '../../src/lab/catalog.js';
import { awslab, tempHome } from '../commands/io-helper.js';

const entries = labFolders(builtInLabsDir()).map(loadLab);

describe('lab tasks as review cards', () => {
  it('asks which command does a task, with the exact-command hint as the one right answer', () => {
    const entry = entries.find((e) => e.lab.id === 's3-versioning-recover')!;
    const q = questionForLabTask(entry, 'enable-versioning', entries)!;
    expect(q.id).toBe('lab:s3-versioning-recover:enable-versioning');
    expect(q.question).toBe('From the lab "Turn on versioning and recover an overwritten report": which command does this task? Turn on versioning for reports-example');
    expect(q.options).toHaveLength(4);
    expect(q.options.filter((o) => o.correct).map((o) => o.text)).toEqual(['aws s3api put-bucket-versioning --bucket reports-example --versioning-configuration Status=Enabled']);
    expect(new Set(q.options.map((o) => o.text)).size).toBe(4);
    expect(q).toMatchObject({ topic: 's3-versioning', domain: 'technology', note: 's3-versioning#versioning-states' });
  });

  it('leaves out, rather than crashing on, a card whose lab names a topic awslab does not know', () => {
    const entry = entries.find((e) => e.lab.id === 's3-versioning-recover')!;
    const renamed = { ...entry, lab: { ...entry.lab, topics: ['s3-versionning'] } };
    expect(questionForLabTask(renamed, 'enable-versioning', entries)).toBeUndefined();
    const ids = ['lab:s3-versioning-recover:enable-versioning', 'lab:s3-delete-marker-undo:find-marker'];
    const others = entries.filter((e) => e.lab.id !== 's3-versioning-recover');
    expect(() => labCardQuestions(ids, [renamed, ...others])).not.toThrow();
    expect(labCardQuestions(ids, [renamed, ...others]).map((q) => q.id)).not.toContain(ids[0]);
  });

  it('makes cards of the tasks not passed or passed only with hints', () => {
    const grade = { tasks: [{ id: 'a', passed: true, hintsUsed: 0 }, { id: 'b', passed: true, hintsUsed: 1 }, { id: 'c', passed: false, hintsUsed: 0 }] };
    expect(tasksToReview(grade as never)).toEqual(['b', 'c']);
  });

  it('schedules them after a first attempt, due for review, and resolves their questions', async () => {
    const home = tempHome();
    await awslab(['run', 's3-versioning-recover', '--seed', '4'], { home, stdin: 'tasks\n' });
    const progress = JSON.parse((await awslab(['progress', '--json'], { home })).stdout);
    const ids = Object.keys(progress.quiz.cards).sort();
    expect(ids).toEqual(['lab:s3-versioning-recover:enable-versioning', 'lab:s3-versioning-recover:inspect-versions', 'lab:s3-versioning-recover:restore-report']);
    expect(progress.quiz.cards[ids[0]!].lastCorrect).toBe(false);
    expect(labCardQuestions(ids).map((q) => q.id)).toEqual(ids);
  });

  it('does not schedule cards again on a later attempt', async () => {
    const home = tempHome();
    await awslab(['run', 's3-versioning-recover', '--seed', '4'], { home, stdin: 'tasks\n' });
    const first = JSON.parse((await awslab(['progress', '--json'], { home })).stdout).quiz.cards;
    await awslab(['run', 's3-versioning-recover', '--seed', '4'], { home, stdin: 'tasks\n' });
    expect(JSON.parse((await awslab(['progress', '--json'], { home })).stdout).quiz.cards).toEqual(first);
  });
});

describe('continuing an attempt', () => {
  it('keeps the attempt id and start, and still counts as the first attempt', async () => {
    const { openProgress } = await import('../../src/app/learner.js');
    const { AttemptRecorder } = await import('../../src/app/attempt.js');
    const { LabSession } = await import('../../src/lab/session.js');
    const { store } = openProgress({ AWSLAB_HOME: tempHome() });
    const entry = entries.find((e) => e.lab.id === 's3-versioning-recover')!;
    const first = new AttemptRecorder(store, entry, new LabSession(entry.lab, { seed: 1 }));
    const saved = first.save();
    const resumed = new AttemptRecorder(store, entry, new LabSession(entry.lab, { seed: 1 }), { id: saved.id, startedAt: saved.startedAt });
    const finished = resumed.save(true);
    expect(finished).toMatchObject({ id: saved.id, startedAt: saved.startedAt });
    expect(store.read().labs['s3-versioning-recover']!.attempts).toHaveLength(1);
    expect(Object.keys((store.read().quiz as { cards?: object }).cards ?? {})).toHaveLength(3);
  });
});
