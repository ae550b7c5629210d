import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../src/progress/schema.js';
import { formatStatus, homeStatus, streakDays } from '../../src/tui/home/home-status.js';
import { labLayout } from '../../src/tui/lab/lab-layout.js';
import { bar } from '../../src/tui/progress/progress-model.js';
import { createTheme } from '../../src/tui/theme.js';
import { isInteractive } from '../../src/tui/terminal.js';

describe('the lab layout', () => {
  it('puts the tasks beside the console in a wide window', () => {
    const layout = labLayout(120, 37, 3, false);
    expect(layout.tasks).toEqual({ placement: 'side', width: 34, height: 37 });
    expect(layout.consoleWidth).toBe(85);
  });

  it('stacks the tasks above the console under 110 columns, and always under 80', () => {
    expect(labLayout(100, 21, 3, false).tasks.placement).toBe('top');
    expect(labLayout(79, 21, 3, false)).toMatchObject({ tasks: { placement: 'top', width: 79, height: 4 }, column: { width: 79, height: 17 } });
  });

  it('puts the notes beside the console from 100 columns, and over it below', () => {
    expect(labLayout(120, 37, 3, true).notes).toEqual({ placement: 'beside', width: 60 });
    expect(labLayout(80, 21, 3, true).notes).toEqual({ placement: 'over', width: 80 });
  });
});

describe('the home status line', () => {
  const now = new Date('2026-05-04T12:00:00');
  const at = (day: string) => new Date(`${day}T10:00:00`).toISOString();

  it('counts the days in a row with study, ending today or yesterday', () => {
    const data = emptyProgress('t', at('2026-05-01'));
    data.quiz.results = {
      a: { attempts: 1, correct: 1, lastCorrect: true, lastAnsweredAt: at('2026-05-03') },
      b: { attempts: 1, correct: 1, lastCorrect: true, lastAnsweredAt: at('2026-05-02') },
      c: { attempts: 1, correct: 1, lastCorrect: true, lastAnsweredAt: at('2026-04-28') },
    };
    expect(streakDays(data, now)).toBe(2);
    expect(streakDays(data, new Date('2026-05-06T12:00:00'))).toBe(0);
  });

  it('says labs done, the streak and the last lab', () => {
    const data = emptyProgress('t', at('2026-05-01'));
    const labs = { labs: [{ id: 'one', title: 'Lab one' }, { id: 'two', title: 'Lab two' }], askable: [] };
    expect(formatStatus(homeStatus(data, labs, now))).toBe('0 of 2 labs done · no streak yet · no lab started yet');
    data.labs.one = {
      attempts: [{ id: 'x', labId: 'one', labSha256: 's', seed: 1, awslabVersion: '0', startedAt: at('2026-05-04'), updatedAt: at('2026-05-04'), transcript: [{ line: 'ls', timeMs: 0, exitCode: 0 }], score: 1, maxScore: 2, passed: false, tasks: [], virtualMs: 0 }],
      bestScore: 1,
      maxScore: 2,
    };
    const status = homeStatus(data, labs, now);
    expect(formatStatus(status)).toBe('0 of 2 labs done · 1-day streak · last lab: Lab one (in progress)');
    expect(status.lastLab?.unfinished).toBe(true);
  });

  it('says how many review cards are due, first', async () => {
    const { scheduleLabCards } = await import('../../src/app/lab-cards.js');
    const data = emptyProgress('t', at('2026-05-01'));
    scheduleLabCards(data.quiz, 'one', ['a', 'b'], new Date(at('2026-05-01')));
    const status = homeStatus(data, { labs: [{ id: 'one', title: 'Lab one' }], askable: ['lab:one:a', 'lab:one:b'] }, now);
    expect(status.reviewsDue).toBe(2);
    expect(formatStatus(status)).toMatch(/^2 reviews due \(2, then Review\) · 0 of 1 labs done/);
  });

  it('counts no card whose question can no longer be asked (retired, or its task gone)', async () => {
    const { recordAnswer } = await import('../../src/quiz/record.js');
    const data = emptyProgress('t', at('2026-05-01'));
    for (const id of ['kept', 'retired', 'lab:one:gone']) recordAnswer(data.quiz, id, false, new Date(at('2026-05-01')));
    expect(homeStatus(data, { labs: [], askable: ['kept'] }, now).reviewsDue).toBe(1);
  });
});

describe('colour and terminal', () => {
  it('sets no colour at all without colour, keeping emphasis', () => {
    const plain = createTheme(false);
    expect(plain.style('pass')).toEqual({ bold: true });
    expect(plain.style('json-key')).toEqual({});
    expect(plain.border('accent')).toBeUndefined();
    expect(createTheme(true).style('pass')).toEqual({ color: 'green', bold: true });
  });

  it('draws bars with a number beside them, never as colour alone', () => {
    expect(bar(0.5, 10)).toEqual({ filled: '█████', empty: '░░░░░' });
    expect(bar(2, 4)).toEqual({ filled: '████', empty: '' });
  });

  it('runs the app only with terminals on both ends, a capable TERM, and outside CI', () => {
    const tty = { stdinIsTTY: true, stdoutIsTTY: true };
    expect(isInteractive({ ...tty, env: { TERM: 'xterm' } })).toBe(true);
    expect(isInteractive({ ...tty, stdoutIsTTY: false, env: {} })).toBe(false);
    expect(isInteractive({ ...tty, stdinIsTTY: false, env: {} })).toBe(false);
    expect(isInteractive({ ...tty, env: { TERM: 'dumb' } })).toBe(false);
    expect(isInteractive({ ...tty, env: { CI: 'true' } })).toBe(false);
    expect(isInteractive({ ...tty, env: { CI_JOB_ID: '1' } })).toBe(false);
    expect(isInteractive({ ...tty, env: { CI: 'false' } })).toBe(true);
  });
});
