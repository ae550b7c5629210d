import type { Heading } from '../data/note-headings.js';
import type { Note } from './library.js';

/** One line of a note that matches a search. */
export interface SearchMatch {
  /** 1-based line in the note. */
  line: number;
  /** The line as plain text (Markdown marks removed), shortened around the match. */
  text: string;
  /** The heading the line sits under, for `awslab notes topic#anchor`. */
  section?: Heading;
}

export interface SearchHit {
  topic: string;
  title: string;
  score: number;
  /** The best matching lines, best first. */
  matches: SearchMatch[];
}

export interface SearchOptions {
  /** At most this many notes (default 10). */
  limit?: number;
  /** At most this many lines per note (default 3). */
  linesPerNote?: number;
}

const words = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** A Markdown line as a reader sees it. */
export function plainLine(line: string): string {
  return line
    .replace(/^\s*(#{1,6}\s+|[*+-]\s+|\d+\.\s+|>\s*)/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .replace(/^\|\s*|\s*\|$/g, '')
    .replace(/\s*\|\s*/g, ' | ')
    .trim();
}

/** The line cut to `room` characters around the first place the query (or else its first word) appears. */
function shorten(text: string, phrase: string, term: string, room = 110): string {
  if (text.length <= room) return text;
  const lower = text.toLowerCase();
  const at = Math.max(0, lower.includes(phrase) ? lower.indexOf(phrase) : lower.indexOf(term));
  const start = Math.max(0, Math.min(at - 30, text.length - room));
  return `${start > 0 ? '...' : ''}${text.slice(start, start + room).trim()}${start + room < text.length ? '...' : ''}`;
}

/**
 * Searches notes for every word of the query (a word matches the start of any word or any
 * part of it: "replic" finds "replication"). A note must contain all the words. Ranking:
 * the whole query in the title counts most, then query words in the title, then the whole
 * query in a heading, then how many lines hold the whole query or all its words.
 */
export function searchNotes(query: string, notes: readonly Note[], options: SearchOptions = {}): SearchHit[] {
  const phrase = words(query);
  const terms = [...new Set(phrase.split(' ').filter(Boolean))];
  if (!terms.length) return [];
  const hits: SearchHit[] = [];
  for (const note of notes) {
    const all = words(`${note.title}\n${note.text}`);
    if (!terms.every((t) => all.includes(t))) continue;
    const title = words(note.title);
    let score = (title.includes(phrase) ? 20 : 0) + 6 * terms.filter((t) => title.includes(t)).length;
    score += 5 * note.headings.filter((h) => h.level > 1 && words(h.text).includes(phrase)).length;
    const lines = note.text.split(/\r?\n/);
    const scored = lines
      .map((text, i) => {
        const line = words(text);
        const found = terms.filter((t) => line.includes(t)).length;
        return { i, text, value: found === 0 ? 0 : (line.includes(phrase) ? 4 : 0) + (found === terms.length ? 2 : 0) + found / terms.length };
      })
      .filter((l) => l.value > 0 && l.i > 0);
    score += Math.min(10, scored.filter((l) => l.value >= 4).length) + 0.5 * Math.min(10, scored.filter((l) => l.value >= 2).length);
    const best = [...scored].sort((a, b) => b.value - a.value || a.i - b.i).slice(0, options.linesPerNote ?? 3);
    const matches = best.map(({ i, text }) => {
      const section = [...note.headings].reverse().find((h) => h.line <= i + 1 && h.level > 1);
      return { line: i + 1, text: shorten(plainLine(text), query.trim().toLowerCase(), terms[0]!), ...(section ? { section } : {}) };
    });
    hits.push({ topic: note.topic, title: note.title, score, matches });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, options.limit ?? 10);
}
