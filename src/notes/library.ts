import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { getCloseMatches } from '../lib/did-you-mean.js';
import { builtInNotesDir, headingsOf, type Heading } from '../data/note-headings.js';
import { TOPICS } from '../data/topics.js';

export { builtInNotesDir, type Heading } from '../data/note-headings.js';

/** A reference note as listed: labs/notes/<topic>.md and the title of its one H1. */
export interface NoteInfo {
  topic: string;
  title: string;
  file: string;
}

export interface Note extends NoteInfo {
  text: string;
  headings: Heading[];
}

const TOPIC_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function syllabusOrder(topic: string): number {
  const index = TOPICS.findIndex((t) => t.id === topic);
  return index === -1 ? TOPICS.length : index;
}

/** Notes in syllabus order (any note outside the syllabus last, by id). */
export function bySyllabus<T extends { topic: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => syllabusOrder(a.topic) - syllabusOrder(b.topic) || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
}

function toNote(topic: string, file: string, text: string): Note {
  const headings = headingsOf(text);
  const title = headings.find((h) => h.level === 1)?.text ?? topic;
  return { topic, title, file, text, headings };
}

/** The note for a topic id, or undefined when there is none. */
export function readNote(topic: string, dir: string = builtInNotesDir()): Note | undefined {
  if (!TOPIC_ID.test(topic)) return undefined;
  const file = join(dir, `${topic}.md`);
  if (!existsSync(file)) return undefined;
  return toNote(topic, file, readFileSync(file, 'utf8'));
}

/** Every note in a folder (README.md aside), read in full, in syllabus order. */
export function readNotes(dir: string = builtInNotesDir()): Note[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir).filter((name) => name.endsWith('.md') && TOPIC_ID.test(basename(name, '.md')));
  return bySyllabus(names.map((name) => toNote(basename(name, '.md'), join(dir, name), readFileSync(join(dir, name), 'utf8'))));
}

/** Every note's topic and title, in syllabus order. */
export function listNotes(dir: string = builtInNotesDir()): NoteInfo[] {
  return readNotes(dir).map(({ topic, title, file }) => ({ topic, title, file }));
}

export interface NoteSection {
  heading: Heading;
  /** The section's Markdown: its heading line through the line before the next heading of the same or a higher level. */
  markdown: string;
}

/** The section a `topic#anchor` link points at, or undefined when the note has no such heading. */
export function noteSection(note: Note, anchor: string): NoteSection | undefined {
  const index = note.headings.findIndex((h) => h.anchor === anchor);
  const heading = note.headings[index];
  if (!heading) return undefined;
  const end = note.headings.slice(index + 1).find((h) => h.level <= heading.level);
  const lines = note.text.split(/\r?\n/).slice(heading.line - 1, end ? end.line - 1 : undefined);
  return { heading, markdown: `${lines.join('\n').trimEnd()}\n` };
}

/** Near misses for a topic that has no note: ids containing what was typed, then similar ids. */
export function suggestTopics(input: string, topics: readonly string[]): string[] {
  const wanted = input.toLowerCase().replace(/\.md$/, '');
  const containing = topics.filter((t) => t.includes(wanted) || (wanted.length > 2 && wanted.includes(t)));
  const close = getCloseMatches(wanted, topics, 3, 0.6);
  return [...new Set([...close, ...containing])].slice(0, 5);
}
