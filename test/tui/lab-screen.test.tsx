import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { suffixFor } from '../../src/lab/templates.js';
import { latestAttempt } from '../../src/progress/attempts.js';
import { consoleKeymap } from '../../src/tui/lab/lab-keys.js';
import { expectFits, KEY, linesOf, renderApp, tempHome, type TestHome } from './helpers.js';

const BUCKET = `tui-${suffixFor(42)}`;
const MAKE = `aws s3api create-bucket --bucket ${BUCKET}`;
const VERSION = `aws s3api put-bucket-versioning --bucket ${BUCKET} --versioning-configuration Status=Enabled`;
const LAB = { name: 'lab', labId: 'tui-bucket', resume: false } as const;

let home: TestHome;
beforeEach(() => {
  home = tempHome();
});
afterEach(() => home.cleanup());

const openLab = (size = { columns: 80, rows: 24 }) => renderApp(home.store, { route: LAB, size });
/** Pastes a line and runs it, waiting until `until` shows. */
async function run(app: Awaited<ReturnType<typeof openLab>>, line: string, until: (frame: string) => boolean = (f) => f.includes(`$ ${line.slice(0, 30)}`)) {
  await app.press(line);
  return app.press(KEY.enter, until);
}

describe('the lab screen', () => {
  it('shows the title, region, clock, score, the tasks and the briefing', async () => {
    const app = await openLab();
    const frame = app.lastFrame();
    expect(linesOf(frame)[0]).toMatch(/^awslab › Make a bucket and version it +us-east-1 · \d\d:\d\d:\d\dZ \+0s · score 0\/30$/);
    expect(frame).toContain(`▸ ✘ to do   10 pts    1. Create the bucket ${BUCKET}`);
    expect(frame).toContain('Lab commands: tasks, check, hint, wait 5m, undo, help.\nTab completes;');
    expect(frame).toContain('A tiny lab for the app');
    expect(linesOf(frame).pop()).toBe('Enter run  Tab complete  ↑↓ history  PgUp/PgDn scroll  Ctrl+N notes  ? keys');
  });

  it('marks a task passed at once, with a glyph and a word, and shows the event message boxed', async () => {
    const app = await openLab();
    const frame = await run(app, MAKE, (f) => f.includes('✔ passed'));
    expect(frame).toContain(`✔ passed  10/10     1. Create the bucket ${BUCKET}`);
    expect(frame).toContain(`✔ Task passed: Create the bucket ${BUCKET}`);
    expect(frame).toContain('║ The bucket is there. Now protect it.');
    expect(frame).toContain('score 10/30');
    expect(latestAttempt(home.store.read(), 'tui-bucket')?.transcript.map((t) => t.line)).toEqual([MAKE]);
  });

  it('shows a lab event\'s message once: boxed while it is the latest, then in the scrollback where it happened', async () => {
    const app = await openLab();
    const message = 'The bucket is there. Now protect it.';
    const count = (frame: string) => frame.split(message).length - 1;
    const boxed = await run(app, MAKE, (f) => f.includes('✔ passed'));
    expect(count(boxed)).toBe(1);
    expect(boxed).toContain(`║ ${message}`);
    const later = await run(app, 'echo later', (f) => /^later$/m.test(f));
    expect(count(later)).toBe(1);
    expect(later).not.toContain('║');
    const lines = linesOf(later);
    const said = lines.findIndex((l) => l.includes(`» ${message}`));
    expect(said).toBeGreaterThan(lines.findIndex((l) => l.includes(`✔ Task passed: Create the bucket ${BUCKET}`)));
    expect(said).toBeLessThan(lines.findIndex((l) => l.includes('$ echo later')));
  });

  it('brings back earlier lines with Up and Down', async () => {
    const app = await openLab();
    await run(app, 'tasks');
    await run(app, 'check');
    expect(linesOf(await app.press(KEY.up)).at(-2)).toBe('$ check');
    expect(linesOf(await app.press(KEY.up)).at(-2)).toBe('$ tasks');
    expect(linesOf(await app.press(KEY.down)).at(-2)).toBe('$ check');
  });

  it('completes aws operations and parameters, and lab commands, on Tab', async () => {
    const app = await openLab();
    await app.press('aws s3api put-bucket-ver');
    expect(linesOf(await app.press(KEY.tab)).at(-2)).toBe('$ aws s3api put-bucket-versioning');
    await app.press('--ver');
    const both = await app.press(KEY.tab);
    expect(linesOf(both).at(-3)!.split('  ').sort()).toEqual(['--version', '--versioning-configuration']);
    await app.press('i');
    expect(linesOf(await app.press(KEY.tab)).at(-2)).toBe('$ aws s3api put-bucket-versioning --versioning-configuration');
    await app.press(KEY.ctrl('u'));
    await app.press('hint ');
    const listed = await app.press(KEY.tab);
    expect(linesOf(listed).at(-3)).toBe('enable-versioning  make-bucket  take');
  });

  it('colours nothing without colour, and keeps the JSON readable', async () => {
    const app = await openLab();
    const frame = await run(app, MAKE, (f) => f.includes('"Location"'));
    expect(frame).toContain(`    "Location": "/${BUCKET}"`);
    expect(frame).not.toMatch(/\u001b\[3\dm/);
  });

  it('scrolls the console back with PgUp and forward with PgDn', async () => {
    const app = await openLab();
    await run(app, 'echo first');
    await run(app, 'help');
    await run(app, 'echo last');
    const back = await app.press(KEY.pageUp);
    expect(back).toMatch(/↓ \d+ more lines below · PgDn to scroll, Enter to return/);
    const forward = await app.press(KEY.pageDown);
    expect(forward).not.toContain('more lines below');
  });

  it('opens the notes at the current task\'s section, and goes back to the console', async () => {
    const app = await openLab();
    const open = await app.press(KEY.ctrl('n'), (f) => f.includes('S3 versioning (1 of 2)'));
    expect(open).toContain('Versioning states');
    expect(linesOf(open).pop()).toContain('scroll');
    const back = await app.press(KEY.escape);
    expect(back).toContain('Ctrl+N to scroll');
    expect(linesOf(back).pop()).toContain('Enter run');
    const closed = await app.press(KEY.escape);
    expect(closed).not.toContain('S3 versioning (1 of 2)');
  });

  it('shows a hint\'s cost before it is taken, then takes it through the console', async () => {
    const app = await openLab();
    const asked = await app.press(KEY.ctrl('g'));
    expect(asked).toContain(`Hint 1 of 2 for "Create the bucket ${BUCKET}" costs 1`);
    expect(asked).toContain('worth 9 of 10');
    const taken = await app.press(KEY.enter, (f) => f.includes('$ hint take'));
    expect(taken).toContain('Hint 1 for "Create the bucket');
    expect(taken).toContain('A bucket is made with one');
    expect(taken).toMatch(/9 pts {5}1\. Create the bucket tui-\w+ {2}\(hints -1\)/);
  });

  it('finishes with the grade per task, the time, the hints and the next lab', async () => {
    const app = await openLab();
    await run(app, MAKE, (f) => f.includes('✔ passed'));
    await app.press(KEY.ctrl('f'), (f) => f.includes('Finish now?'));
    const done = await app.press(KEY.enter, (f) => f.includes('› finished'));
    expect(done).toContain('✘ Lab finished with 1 of 2 tasks passed');
    expect(done).toContain(`✔ passed  10/10  Create the bucket ${BUCKET}`);
    expect(done).toContain(`✘ failed  0/20   Turn on versioning for ${BUCKET}`);
    expect(done).toMatch(/Time {3}\d+s {3}simulated time 0s · 1 line typed/);
    expect(done).toContain('Hints  none used');
    expect(done).toContain('Next   A second lab to suggest next  (Enter)');
    expect(latestAttempt(home.store.read(), 'tui-bucket')?.finishedAt).toBeDefined();
  });

  it('continues an unfinished attempt from the lab list, replaying its lines', async () => {
    const first = await openLab();
    await run(first, MAKE, (f) => f.includes('✔ passed'));
    first.unmount();
    const app = await renderApp(home.store, { route: { name: 'labs' } });
    await app.press(KEY.down, (f) => f.includes('continues your attempt (1 line, 10/30'));
    const resumed = await app.press(KEY.enter, (f) => f.includes('You are back where you left off.'));
    expect(resumed).toContain('Continuing your attempt: 1 line replayed.');
    expect(resumed).toContain('✔ passed  10/10');
    await run(app, VERSION, (f) => f.includes('Every task has passed'));
    expect(home.store.read().labs['tui-bucket']!.attempts).toHaveLength(1);
  });

  it('lists its keys on ? at an empty prompt, and types ? otherwise', async () => {
    const app = await openLab();
    const help = await app.press('?');
    expect(help).toContain('Console');
    expect(help).toContain(consoleKeymap[1]!.description);
    await app.press(KEY.escape);
    await app.press('x');
    expect(linesOf(await app.press('?')).at(-2)).toBe('$ x?');
  });

  it('asks for a second Ctrl+C while a lab is open', async () => {
    const app = await openLab();
    const asked = await app.press(KEY.ctrl('c'));
    expect(linesOf(asked).pop()).toMatch(/^Press Ctrl\+C again to quit\. Your attempt is saved/);
    const goesOn = await app.press('a');
    expect(linesOf(goesOn).pop()).toContain('Enter run');
  });

  for (const size of [{ columns: 80, rows: 24 }, { columns: 120, rows: 40 }, { columns: 60, rows: 20 }, { columns: 100, rows: 30 }]) {
    it(`fits a ${size.columns}x${size.rows} window, with the notes open too`, async () => {
      const app = await openLab(size);
      await run(app, MAKE, (f) => f.includes('✔ passed'));
      expectFits(app.lastFrame(), size);
      const notes = await app.press(KEY.ctrl('n'), (f) => f.includes('S3 versioning (1 of 2)'));
      expectFits(notes, size);
      if (size.columns >= 110) expect(notes).not.toContain('Tasks: 1 of 2 passed');
    });
  }

  it('puts the tasks beside the console in a wide window and above it in a narrow one', async () => {
    const wide = await openLab({ columns: 120, rows: 40 });
    expect(linesOf(wide.lastFrame())[1]).toMatch(/^╭─+╮/);
    expect(wide.lastFrame()).toContain('Tasks: 0 of 2 passed');
    const narrow = await openLab({ columns: 70, rows: 24 });
    expect(linesOf(narrow.lastFrame())[1]).toMatch(/^▸ ✘ to do/);
  });
});
