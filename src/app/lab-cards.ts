import { topicById } from '../data/topics.js';
import type { LabEntry } from '../lab/catalog.js';
import { loadCatalog } from './lab-catalog.js';
import type { Grade } from '../lab/grade.js';
import type { Task } from '../lab/lab-file.js';
import { fill } from '../lab/templates.js';
import type { Question } from '../quiz/bank-file.js';
import { recordAnswer, type QuizProgress } from '../quiz/record.js';

/**
 * Lab tasks a learner could not do unaided on their first attempt come back as review
 * cards, next to quiz questions: the same spaced schedule then decides when to ask again.
 * The question is generated from the task: which command does it, among the commands
 * other tasks need.
 */
const PREFIX = 'lab:';

export function labCardId(labId: string, taskId: string): string {
  return `${PREFIX}${labId}:${taskId}`;
}

export function isLabCardId(id: string): boolean {
  return id.startsWith(PREFIX);
}

/** Names in generated questions: a neutral suffix instead of one learner's. */
const EXAMPLE = { suffix: 'example', account: '123456789012', region: 'us-east-1', seed: '0' };

function exactCommand(task: Task): string | undefined {
  const last = task.hints[task.hints.length - 1]?.text;
  return last?.startsWith('aws ') ? fill(last, EXAMPLE) : undefined;
}

/** Picks `count` distinct items deterministically from a list, spread by a string's hash. */
function pick<T>(items: readonly T[], count: number, salt: string): T[] {
  let hash = 0;
  for (const c of salt) hash = (Math.imul(hash, 31) + c.charCodeAt(0)) >>> 0;
  const out: T[] = [];
  for (let i = 0; out.length < Math.min(count, items.length); i++) {
    const item = items[(hash + i * 7) % items.length]!;
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

/** The question for one lab task, or undefined when the task has no exact-command hint to ask about. */
export function questionForLabTask(entry: LabEntry, taskId: string, others: readonly LabEntry[]): Question | undefined {
  const { lab } = entry;
  const task = lab.tasks.find((t) => t.id === taskId);
  const answer = task && exactCommand(task);
  if (!task || !answer) return undefined;
  const pool = others.flatMap((e) => e.lab.tasks.map((t) => ({ task: t, command: exactCommand(t) })))
    .filter((c): c is { task: Task; command: string } => c.command !== undefined && c.command !== answer);
  const distractors = pick(pool, 3, `${lab.id}:${taskId}`);
  if (distractors.length < 3) return undefined;
  // A lab file names only known topics (validation refuses others), but a card outlives
  // the lab version it was made from: no topic, no question, rather than a crash.
  const topic = topicById(lab.topics[0]!);
  if (!topic) return undefined;
  const position = (distractors.length + [...taskId].length) % 4;
  const options = distractors.map((d) => ({ text: d.command, correct: false, why: `This is what another task needs: ${fill(d.task.title, EXAMPLE)}.` }));
  const concept = task.hints.length > 1 ? task.hints[task.hints.length - 2]!.text : task.title;
  options.splice(position, 0, { text: answer, correct: true, why: fill(concept, EXAMPLE) });
  return {
    id: labCardId(lab.id, task.id),
    topic: topic.id,
    domain: topic.domain,
    difficulty: 'medium',
    type: 'single',
    question: `From the lab "${lab.title}": which command does this task? ${fill(task.title, EXAMPLE)}`,
    options,
    note: task.note ?? topic.id,
    source: { file: lab.file, line: task.checkAt.line, column: task.checkAt.column },
  };
}

/** The tasks of a finished first attempt that become cards: not passed, or passed only with hints. */
export function tasksToReview(grade: Grade): string[] {
  return grade.tasks.filter((t) => !t.passed || t.hintsUsed > 0).map((t) => t.id);
}

/** Schedules those tasks as missed cards (for store.update on the `quiz` member). */
export function scheduleLabCards(quiz: QuizProgress, labId: string, taskIds: readonly string[], now: Date): void {
  for (const taskId of taskIds) recordAnswer(quiz, labCardId(labId, taskId), false, now);
}

/** Resolves lab card ids to their generated questions, for review sessions; a broken lab's cards are left out. */
export function labCardQuestions(ids: readonly string[], entries: readonly LabEntry[] = loadCatalog().entries): Question[] {
  const wanted = ids.filter(isLabCardId);
  if (wanted.length === 0) return [];
  return wanted.flatMap((id) => {
    const [, labId, taskId] = id.split(':') as [string, string, string];
    const entry = entries.find((e) => e.lab.id === labId);
    const question = entry && questionForLabTask(entry, taskId, entries);
    return question ? [question] : [];
  });
}
