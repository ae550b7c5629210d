import { describe, expect, it } from 'vitest';
import { parseLab } from '../../src/lab/lab-file.js';
import { gradeSession } from '../../src/lab/grade.js';
import { LabSession } from '../../src/lab/session.js';
import { suffixFor } from '../../src/lab/templates.js';

const LAB = `format: 1
id: session-lab
title: Session lab
level: beginner
minutes: 5
topics: [s3-basics]
briefing: Buckets.
files: { a.txt: "hello" }
setup:
  - aws s3api create-bucket --bucket base-{{suffix}}
tasks:
  - id: make
    title: Create bucket one-{{suffix}}
    points: 10
    hints: [nudge, concept, "aws s3api create-bucket --bucket one-{{suffix}}"]
    check: { aws: "s3api head-bucket --bucket one-{{suffix}}" }
  - id: upload
    title: Upload a.txt to one-{{suffix}}
    points: 20
    check: { aws: "s3api head-object --bucket one-{{suffix}} --key a.txt" }
events:
  - after: make
    say: Bucket made.
  - at: 10m
    run: aws s3api create-bucket --bucket timed-{{suffix}}
    say: Ten minutes in.
  - on: s3:ListBuckets
    say: You listed buckets.
`;

const lab = parseLab(LAB, 'session-lab.yaml');
const session = (seed = 5) => new LabSession(lab, { seed });

describe('LabSession', () => {
  it('fills templates from the seed, so names differ between learners', () => {
    expect(session(5).lab.tasks[0]!.title).toBe(`Create bucket one-${suffixFor(5)}`);
    expect(suffixFor(5)).not.toBe(suffixFor(6));
    expect(suffixFor(5)).toMatch(/^[a-z0-9]{6}$/);
  });

  it('marks a task passed after the line that does it, and fires its after-event', () => {
    const s = session();
    const step = s.run(s.fill('aws s3api create-bucket --bucket one-{{suffix}}'));
    expect(step.messages).toEqual([
      { kind: 'passed', taskId: 'make', text: `Task passed: Create bucket one-${suffixFor(5)}` },
      { kind: 'say', text: 'Bucket made.' },
    ]);
    expect(s.taskState('make')).toMatchObject({ passed: true, passedAtLine: 1 });
  });

  it('keeps a passed task passed even if the learner later undoes the work in the world', () => {
    const s = session();
    s.run(s.fill('aws s3api create-bucket --bucket one-{{suffix}}'));
    s.run(s.fill('aws s3api delete-bucket --bucket one-{{suffix}}'));
    expect(s.taskState('make').passed).toBe(true);
  });

  it('fires a timed event at its own time while the learner waits', () => {
    const s = session();
    expect(s.run('wait 9m').messages).toEqual([]);
    const step = s.run('wait 2m');
    expect(step.messages).toEqual([{ kind: 'say', text: 'Ten minutes in.' }]);
    const created = s.world.activity.find((r) => r.operation === 'CreateBucket' && r.caller === 'event')!;
    expect(created.timeMs - s.startMs).toBe(600_000);
  });

  it('fires an on-event after the learner first calls the operation', () => {
    const s = session();
    expect(s.run('aws s3api list-buckets').messages).toEqual([{ kind: 'say', text: 'You listed buckets.' }]);
    expect(s.run('aws s3api list-buckets').messages).toEqual([]);
  });

  it('shows a hint tier\'s cost before taking it, and takes it off the task\'s points', () => {
    const s = session();
    expect(s.run('hint').result.stdout).toBe(`Hint 1 of 3 for "Create bucket one-${suffixFor(5)}" costs 1 point. Type: hint take\n`);
    expect(s.run('hint take').result.stdout).toBe(`Hint 1 for "Create bucket one-${suffixFor(5)}" (-1): nudge\n`);
    expect(s.run('hint take').result.stdout).toBe(`Hint 2 for "Create bucket one-${suffixFor(5)}" (-3): concept\n`);
    s.run(s.fill('aws s3api create-bucket --bucket one-{{suffix}}'));
    const grade = gradeSession(s);
    expect(grade.tasks[0]).toMatchObject({ passed: true, points: 6, maxPoints: 10, hintsUsed: 2, hintCost: 4 });
  });

  it('undo takes back the last line by replaying the rest in a fresh world', () => {
    const s = session();
    s.run(s.fill('aws s3api create-bucket --bucket one-{{suffix}}'));
    s.run(s.fill('aws s3api put-object --bucket one-{{suffix}} --key a.txt --body a.txt'));
    expect(s.taskState('upload').passed).toBe(true);
    expect(s.run('undo').result.stdout).toBe('Took back 1 line; 1 remain.\n');
    expect(s.transcript.map((e) => e.line)).toEqual([s.fill('aws s3api create-bucket --bucket one-{{suffix}}')]);
    expect(s.taskState('upload').passed).toBe(false);
    expect(s.taskState('make').passed).toBe(true);
  });

  it('reset starts the lab again, and reset --to N keeps the first N lines', () => {
    const s = session();
    s.run('echo one');
    s.run('echo two');
    s.run('echo three');
    expect(s.run('reset --to 2').result.stdout).toBe('Took back 1 line; 2 remain.\n');
    expect(s.transcript.map((e) => e.line)).toEqual(['echo one', 'echo two']);
    expect(s.run('reset').result.stdout).toBe('The lab has started again from the beginning.\n');
    expect(s.transcript).toEqual([]);
    expect(s.run('reset --to 9').result).toEqual({ exitCode: 1, stdout: '', stderr: 'reset: the transcript has only 0 lines.\n' });
    expect(s.run('undo').result).toEqual({ exitCode: 1, stdout: '', stderr: 'undo: there is nothing to undo yet.\n' });
  });

  it('replays to the same world: same seed and lines give the same activity', () => {
    const lines = ['aws s3api list-buckets', 'wait 11m', 'echo x > b.txt'];
    const a = session(9);
    const b = session(9);
    for (const l of lines) {
      a.run(l);
      b.run(l);
    }
    expect(a.world.activity).toEqual(b.world.activity);
    expect(a.world.nowMs).toBe(b.world.nowMs);
  });

  it('explains why each task is not passed yet', () => {
    const s = session();
    const out = s.run('check').result.stdout;
    expect(out).toContain(`[ ] to do   1. Create bucket one-${suffixFor(5)} (10 points)\n      aws s3api head-bucket --bucket one-${suffixFor(5)} failed: aws: [ERROR]: An error occurred (404) when calling the HeadBucket operation: Not Found\n`);
  });

  it('completes through its console: the lab commands beside the console\'s own, and their arguments', () => {
    const s = session();
    expect(s.complete('h')).toEqual(['help', 'hint']);
    expect(s.complete('hint ')).toEqual(['make', 'take', 'upload']);
    expect(s.complete('hint take u')).toEqual(['upload']);
    expect(s.complete('reset -')).toEqual(['--to']);
    expect(s.complete('cat ')).toEqual(['a.txt']);
    expect(s.complete('aws s3api head-b')).toEqual(['head-bucket']);
  });

  it('refuses undo and reset inside another line, and keeps the line in the transcript', () => {
    const s = session();
    s.run('aws s3api list-buckets');
    const step = s.run('echo $(undo)');
    expect(step.result.stderr).toBe('undo: type undo on a line of its own\n');
    expect(s.transcript.map((e) => e.line)).toEqual(['aws s3api list-buckets', 'echo $(undo)']);
    expect(s.run('undo now').result).toEqual({ exitCode: 2, stdout: '', stderr: 'usage: undo (take back the last line) | reset (start the lab again) | reset --to N (keep the first N lines)\n' });
  });

  it('lists the lab commands in help after the console\'s own', () => {
    const help = session().run('help').result.stdout;
    expect(help).toMatch(/  wait DURATION +move the simulated clock forward[^\n]*\n[\s\S]*  tasks +list the tasks[\s\S]*  reset \[--to N\] +start the lab again/);
  });
});
