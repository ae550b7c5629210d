import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { homeKeymap } from '../../src/tui/home/home-keys.js';
import { expectFits, KEY, renderApp, tempHome, type TestHome } from './helpers.js';

let home: TestHome;
beforeEach(() => {
  home = tempHome();
});
afterEach(() => home.cleanup());

describe('the home screen', () => {
  it('shows the menu and a one-line status, and fits 80x24', async () => {
    const app = await renderApp(home.store);
    const frame = await app.waitFor((f) => f.includes('labs done ·'));
    expect(frame).toContain('0 of 2 labs done · no streak yet · no lab started yet');
    for (const item of ['Labs', 'Quizzes and exam', 'Notes', 'Progress', 'Quit']) expect(frame).toContain(item);
    expect(frame.split('\n').pop()).toBe('↑↓ move  Enter open  1-5 jump  c continue lab  q/Esc quit  ? all keys');
    expectFits(frame, { columns: 80, rows: 24 });
  });

  it('lists every key of the screen on ?, from its keymap', async () => {
    const app = await renderApp(home.store);
    const frame = await app.press('?');
    for (const binding of homeKeymap) expect(frame).toContain(binding.description.slice(0, 30));
    expect(frame).toContain('quit awslab');
    const closed = await app.press(KEY.escape);
    expect(closed).toContain('Quizzes and exam');
  });

  it('opens the lab list with Enter, grouped by topic with status and best score', async () => {
    const app = await renderApp(home.store);
    const frame = await app.press(KEY.enter, (f) => f.includes('labs ›') || f.includes('› labs'));
    expect(frame).toContain('Amazon S3 basics');
    expect(frame).toContain('S3 versioning');
    expect(frame).toMatch(/A second lab to suggest next\s+intermediate\s+10 min\s+○ new/);
    expect(frame).toContain('Enter starts the lab');
  });

  it('moves with the arrows and opens items by number', async () => {
    const app = await renderApp(home.store);
    await app.press(KEY.down);
    await app.press(KEY.down);
    const notes = await app.press(KEY.enter, (f) => f.includes('› notes'));
    expect(notes).toContain('notes');
    await app.press(KEY.escape, (f) => f.includes('› home'));
    const progress = await app.press('4', (f) => f.includes('› progress'));
    expect(progress).toContain('progress');
  });
});

describe('start-up', () => {
  it('draws the home screen before the progress store has loaded, and fills in the status after', async () => {
    const { App } = await import('../../src/tui/app.js');
    const { renderSized, testServices } = await import('./helpers.js');
    let ready!: (value: ReturnType<typeof testServices>) => void;
    const services = new Promise<ReturnType<typeof testServices>>((resolve) => (ready = resolve));
    const size = { columns: 80, rows: 24 };
    const app = renderSized(<App services={services} colour={false} size={size} />, size);
    const first = await app.waitFor((f) => f.includes('Quizzes and exam'));
    expect(first).toContain('▶ …');
    ready(testServices(home.store));
    const filled = await app.waitFor((f) => f.includes('labs done ·'));
    expect(filled).toContain('0 of 2 labs done');
  });
});
