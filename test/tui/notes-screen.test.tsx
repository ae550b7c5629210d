import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notesListKeymap, noteReadKeymap, notesSearchKeymap } from '../../src/tui/notes/notes-keys.js';
import { expectFits, KEY, linesOf, renderApp, tempHome, type TestHome } from './helpers.js';

let home: TestHome;
beforeEach(() => {
  home = tempHome();
});
afterEach(() => home.cleanup());

const openNotes = (size = { columns: 80, rows: 24 }) => renderApp(home.store, { route: { name: 'notes' }, size });

describe('the notes browser', () => {
  it('lists every note beside the first one, rendered, and fits the window', async () => {
    const app = await openNotes();
    const frame = app.lastFrame();
    expect(frame).toContain('❯ Cloud Computing Fundament');
    // The title, underlined in plain text, without Markdown's # marks.
    expect(frame).toMatch(/│ Cloud Computing Fundamentals +│\n.*│ ={28} /);
    expect(frame).not.toContain('# Cloud');
    expect(frame).toMatch(/lines 1-\d+ of \d+ · more below/);
    expectFits(frame, { columns: 80, rows: 24 });
  });

  it('reads a note and scrolls it, then goes back to the list', async () => {
    const app = await openNotes();
    await app.press(KEY.down);
    const reading = await app.press(KEY.enter);
    expect(linesOf(reading).pop()).toContain('scroll');
    const scrolled = await app.press(KEY.pageDown);
    expect(scrolled).not.toMatch(/lines 1-/);
    const back = await app.press(KEY.escape);
    expect(linesOf(back).pop()).toContain('read');
  });

  it('searches every note and opens a result at its section', async () => {
    const app = await openNotes();
    await app.press('/');
    const found = await app.press('delete marker', (f) => f.includes('notes match'));
    expect(found).toContain('Search notes: delete marker');
    expect(found).toMatch(/❯ S3 versioning/);
    const opened = await app.press(KEY.enter, (f) => !f.includes('Search notes'));
    expect(opened).toContain('S3 versioning');
  });

  it('takes turns between the list and the note under 80 columns', async () => {
    const app = await openNotes({ columns: 60, rows: 20 });
    expect(app.lastFrame()).not.toContain('====');
    const note = await app.press(KEY.enter);
    expect(note).toMatch(/║ Cloud Computing Fundamentals +║\n║ ={28} /);
    expectFits(note, { columns: 60, rows: 20 });
  });

  it('lists its keys from its keymaps on ?', async () => {
    const app = await openNotes({ columns: 120, rows: 50 });
    const help = await app.press('?');
    for (const binding of [...notesListKeymap, ...noteReadKeymap, ...notesSearchKeymap]) expect(help).toContain(binding.description.slice(0, 25));
  });
});
