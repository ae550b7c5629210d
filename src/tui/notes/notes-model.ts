import { stripVTControlCharacters } from 'node:util';
import { readNote, readNotes, renderMarkdown, searchNotes, type Note, type SearchHit } from '../../notes/index.js';

/** A note rendered for a pane: its lines at one width, and where each section starts. */
export interface RenderedNote {
  topic: string;
  title: string;
  lines: string[];
  /** Line index of each section heading, by anchor. */
  sections: Map<string, number>;
}

const rendered = new Map<string, RenderedNote | null>();
const notesByDir = new Map<string, Note[]>();

/** Every note in a folder, read once per process. */
export function allNotes(dir?: string): Note[] {
  const key = dir ?? '';
  let notes = notesByDir.get(key);
  if (!notes) {
    notes = readNotes(...(dir ? [dir] : []));
    notesByDir.set(key, notes);
  }
  return notes;
}

function findNote(topic: string, dir?: string): Note | undefined {
  return notesByDir.get(dir ?? '')?.find((n) => n.topic === topic) ?? readNote(topic, ...(dir ? [dir] : []));
}

/** A topic's note rendered with marked-terminal to `width` columns (cached), or undefined when there is none. */
export function renderNote(topic: string, width: number, colour: boolean, dir?: string): RenderedNote | undefined {
  const key = `${dir ?? ''}\u0000${topic}\u0000${width}\u0000${colour}`;
  const cached = rendered.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const note = findNote(topic, dir);
  if (!note) {
    rendered.set(key, null);
    return undefined;
  }
  const lines = renderMarkdown(note.text, { width, color: colour }).replace(/\n$/, '').split('\n');
  const plain = lines.map((l) => stripVTControlCharacters(l));
  const sections = new Map<string, number>();
  let from = 0;
  for (const heading of note.headings) {
    const at = plain.findIndex((l, i) => i >= from && l.includes(heading.text));
    if (at === -1) continue;
    sections.set(heading.anchor, at);
    from = at + 1;
  }
  const result = { topic: note.topic, title: note.title, lines, sections };
  rendered.set(key, result);
  return result;
}

/** Search over every note (the notes module's ranking). */
export function searchAll(query: string, dir?: string): SearchHit[] {
  return searchNotes(query, allNotes(dir), { limit: 20, linesPerNote: 2 });
}

/** `topic#anchor` split in two. */
export function parseNoteLink(link: string | undefined): { topic: string; anchor?: string } | undefined {
  if (!link) return undefined;
  const [topic, anchor] = link.split('#');
  return topic ? { topic, ...(anchor ? { anchor } : {}) } : undefined;
}
