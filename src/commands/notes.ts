import { DOMAIN_TITLES, DOMAIN_WEIGHTS, DOMAINS, TOPICS } from '../data/topics.js';
import { builtInNotesDir, noteSection, readNote, readNotes, renderMarkdown, renderOptionsFor, searchNotes, suggestTopics, type Note } from '../notes/index.js';
import { parseArgs } from './args.js';
import { UsageError, type CommandIO } from './io.js';

export const NOTES_USAGE = 'awslab notes [TOPIC[#SECTION]] [--search TEXT]';

export interface NotesCommandOptions {
  /** Where the notes are; awslab's own when left out (tests point it at fixtures). */
  notesDir?: string;
  /** The terminal's width, when known. */
  columns?: number;
}

/**
 * `awslab notes`: the reference notes. No topic lists them by exam domain; a topic (or a
 * `topic#section` link, as quiz feedback prints) renders it for the terminal; --search finds
 * notes by words. An unknown topic or section exits 1 with the nearest names.
 */
export async function notesCommand(argv: readonly string[], io: CommandIO, options: NotesCommandOptions = {}): Promise<number> {
  const args = parseArgs(argv, { values: ['search'] });
  const dir = options.notesDir ?? builtInNotesDir();
  if (args.values.search !== undefined) return search([args.values.search, ...args.positional].join(' '), dir, io);
  if (args.positional.length > 1) throw new UsageError(`notes takes one topic, got ${args.positional.length} (${args.positional.join(' ')})`);
  const [link] = args.positional;
  if (link === undefined) return list(dir, io);
  return show(link, dir, io, options);
}

function list(dir: string, io: CommandIO): number {
  const notes = new Map(readNotes(dir).map((n) => [n.topic, n]));
  const out: string[] = [`Reference notes (${notes.size}). Open one with: awslab notes TOPIC`, ''];
  const width = Math.max(...TOPICS.map((t) => t.id.length)) + 2;
  for (const domain of DOMAINS) {
    out.push(`${DOMAIN_TITLES[domain]} (${DOMAIN_WEIGHTS[domain]}% of the exam)`);
    for (const topic of TOPICS.filter((t) => t.domain === domain)) {
      out.push(`  ${topic.id.padEnd(width)}${notes.get(topic.id)?.title ?? `${topic.title} (no note yet)`}`);
    }
    out.push('');
  }
  const others = [...notes.values()].filter((n) => !TOPICS.some((t) => t.id === n.topic));
  if (others.length) out.push('Other notes', ...others.map((n) => `  ${n.topic.padEnd(width)}${n.title}`), '');
  io.stdout(`${out.join('\n').trimEnd()}\n`);
  return 0;
}

function show(link: string, dir: string, io: CommandIO, options: NotesCommandOptions): number {
  const [topic = '', anchor] = link.replace(/\.md(?=#|$)/, '').split('#', 2);
  const note = readNote(topic, dir);
  if (!note) return unknownTopic(topic, dir, io);
  let markdown = note.text;
  if (anchor) {
    const section = noteSection(note, anchor);
    if (!section) return unknownSection(note, anchor, io);
    markdown = section.markdown;
  }
  const columns = options.columns ?? (io.stdoutIsTTY ? process.stdout.columns : undefined);
  io.stdout(renderMarkdown(markdown, renderOptionsFor({ stdoutIsTTY: io.stdoutIsTTY, env: io.env, columns })));
  return 0;
}

function unknownTopic(topic: string, dir: string, io: CommandIO): number {
  const near = suggestTopics(topic, readNotes(dir).map((n) => n.topic));
  io.stderr(`awslab notes: no note for '${topic}'.${near.length ? ` Did you mean: ${near.join(', ')}?` : ''} Run awslab notes to list the topics.\n`);
  return 1;
}

function unknownSection(note: Note, anchor: string, io: CommandIO): number {
  const anchors = note.headings.filter((h) => h.level > 1).map((h) => h.anchor);
  const near = suggestTopics(anchor, anchors);
  io.stderr(
    `awslab notes: ${note.topic} has no section #${anchor}.${near.length ? ` Did you mean: ${near.map((a) => `${note.topic}#${a}`).join(', ')}?` : ''}\n` +
      `Sections: ${anchors.join(', ')}\n`,
  );
  return 1;
}

function search(query: string, dir: string, io: CommandIO): number {
  if (!query.trim()) throw new UsageError('--search needs some words to look for');
  const hits = searchNotes(query, readNotes(dir));
  if (!hits.length) {
    io.stderr(`awslab notes: no note mentions "${query}".\n`);
    return 1;
  }
  const out: string[] = [`${hits.length} ${hits.length === 1 ? 'note matches' : 'notes match'} "${query}":`, ''];
  for (const hit of hits) {
    out.push(`${hit.topic}  ${hit.title}`);
    for (const match of hit.matches) out.push(`  ${String(match.line).padStart(4)}: ${match.text}${match.section ? `  [${hit.topic}#${match.section.anchor}]` : ''}`);
    out.push('');
  }
  io.stdout(`${out.join('\n').trimEnd()}\n`);
  return 0;
}
