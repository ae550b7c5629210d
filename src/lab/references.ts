import { getCloseMatches } from '../lib/did-you-mean.js';
import { noteAnchors } from '../data/note-headings.js';
import { TOPICS, topicById } from '../data/topics.js';

/**
 * What a lab file points at outside itself: topic ids and note sections. A wrong one is
 * refused with the same "did you mean" help the quiz banks give, because a lab whose note
 * link leads nowhere fails the learner exactly when they need the note.
 */
export type NoteAnchors = ReadonlyMap<string, ReadonlySet<string>>;

const quoted = (names: readonly string[]) => names.map((n) => `'${n}'`).join(' or ');

/** Why `id` is not a topic id, or undefined when it is one. */
export function unknownTopic(id: string): string | undefined {
  if (topicById(id)) return undefined;
  const near = getCloseMatches(id, TOPICS.map((t) => t.id), 3, 0.6);
  return `unknown topic '${id}'${near.length ? ` (did you mean ${quoted(near)}?)` : ' (topic ids are listed in quizzes/README.md)'}`;
}

/** Why a `topic` or `topic#section` link leads nowhere, or undefined when it resolves. */
export function brokenNoteLink(link: string, anchors: NoteAnchors): string | undefined {
  const [topic, anchor] = link.split('#') as [string, string | undefined];
  const known = anchors.get(topic);
  if (!known) return `there is no note for topic '${topic}'${topicById(topic) ? ' yet' : ` (${unknownTopic(topic)})`}`;
  if (anchor === undefined || known.has(anchor)) return undefined;
  const near = getCloseMatches(anchor, [...known], 3, 0.6);
  return `the note ${topic}.md has no heading with the anchor #${anchor}${near.length ? ` (did you mean ${near.map((n) => `#${n}`).join(' or ')}?)` : ''}`;
}

let builtIn: NoteAnchors | undefined;

/** The anchors of the notes that ship with awslab, read once per process. */
export function builtInAnchors(): NoteAnchors {
  return (builtIn ??= noteAnchors());
}
