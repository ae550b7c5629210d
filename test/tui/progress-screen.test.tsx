import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLab } from '../../src/lab/catalog.js';
import { LabDriver } from '../../src/tui/lab/lab-driver.js';
import { expectFits, FIXTURE_LABS, KEY, renderApp, tempHome, type TestHome } from './helpers.js';
import { suffixFor } from '../../src/lab/templates.js';

let home: TestHome;
beforeEach(() => {
  home = tempHome();
});
afterEach(() => home.cleanup());

describe('the progress screen', () => {
  it('shows labs done with best scores, readiness, mastery bars per topic and recent activity', async () => {
    const driver = new LabDriver(loadLab(join(FIXTURE_LABS, 'tui-bucket')), home.store, { seed: 42 });
    driver.run(`aws s3api create-bucket --bucket tui-${suffixFor(42)}`);
    driver.run(`aws s3api put-bucket-versioning --bucket tui-${suffixFor(42)} --versioning-configuration Status=Enabled`);
    home.store.update((d) => {
      d.quiz.results = { 's3-versioning-91': { attempts: 1, correct: 1, lastCorrect: true, lastAnsweredAt: '2026-05-04T09:00:00.000Z' } };
    });
    const app = await renderApp(home.store, { route: { name: 'progress' }, size: { columns: 100, rows: 90 } });
    const frame = await app.waitFor((f) => f.includes('Mastery by topic'));
    expect(frame).toContain('Labs  1 of 2 done');
    expect(frame).toMatch(/✔ done +Make a bucket and version it +best 30\/30/);
    expect(frame).toMatch(/○ new +A second lab to suggest next +not tried/);
    expect(frame).toMatch(/S3 versioning +█+░+ +75% +quiz 1\/2 · labs 100%/);
    expect(frame).toMatch(/Amazon S3 basics +█+░+ +50% +no questions yet · labs 50%/);
    expect(frame).toContain('Recent activity');
    expect(frame).toContain('Lab "Make a bucket and version it": 30/30, in progress');
    expect(frame).toContain('Quiz: 1 question answered, 1 right');
  });

  it('scrolls inside a small window and goes home on Esc', async () => {
    const app = await renderApp(home.store, { route: { name: 'progress' } });
    const frame = await app.waitFor((f) => f.includes('Mastery by topic'));
    expectFits(frame, { columns: 80, rows: 24 });
    expect(frame).toMatch(/lines 1-20 of \d+/);
    const down = await app.press(KEY.pageDown);
    expect(down).toMatch(/lines 21-/);
    const back = await app.press(KEY.escape, (f) => f.includes('› home'));
    expect(back).toContain('Quizzes and exam');
  });
});
