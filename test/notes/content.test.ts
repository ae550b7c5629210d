import { describe, expect, it } from 'vitest';
import { isTopicId } from '../../src/data/topics.js';
import { readNotes } from '../../src/notes/library.js';

// Checks over every note in labs/notes/, as the content spec asks of authors.
const notes = readNotes();

describe('the reference notes that ship with awslab', () => {
  it('open with their one H1 title on the first line', () => {
    const wrong = notes.filter((n) => !n.text.startsWith('# ') || n.headings.filter((h) => h.level === 1).length !== 1).map((n) => n.topic);
    expect(wrong).toEqual([]);
  });

  it.each(['Numbers worth remembering', 'Worked example', 'Exam traps', 'Related'])('each have a "## %s" section', (title) => {
    expect(notes.filter((n) => !n.headings.some((h) => h.level === 2 && h.text === title)).map((n) => n.topic)).toEqual([]);
  });

  it('each have at least one table', () => {
    expect(notes.filter((n) => !/^\|.*\|\s*\n\|[\s:|-]+\|\s*$/m.test(n.text)).map((n) => n.topic)).toEqual([]);
  });

  it('link only to notes of topics in the syllabus', () => {
    const broken = notes.flatMap((n) =>
      [...n.text.matchAll(/\]\(([^)#\s]+\.md)(#[^)]*)?\)/g)].map((m) => m[1]!.replace(/\.md$/, '')).filter((t) => !isTopicId(t) || !notes.some((other) => other.topic === t)).map((t) => `${n.topic} -> ${t}`),
    );
    expect(broken).toEqual([]);
  });

  it('resolve every in-note section link to a heading', () => {
    const broken = notes.flatMap((n) =>
      [...n.text.matchAll(/\]\(([a-z0-9-]+)\.md#([^)]+)\)/g)]
        .filter(([, topic, anchor]) => !notes.find((o) => o.topic === topic)?.headings.some((h) => h.anchor === anchor))
        .map(([link]) => `${n.topic}: ${link}`),
    );
    expect(broken).toEqual([]);
  });

  it('are between 80 and 200 lines long', () => {
    const off = notes.map((n) => [n.topic, n.text.trimEnd().split('\n').length] as const).filter(([, lines]) => lines < 80 || lines > 200);
    expect(off).toEqual([]);
  });

  it('use no HTML', () => {
    const html = notes.filter((n) => /<\/?[a-z][a-z0-9]*(\s[^>]*)?>/i.test(n.text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, ''))).map((n) => n.topic);
    expect(html).toEqual([]);
  });
});
