import { DOMAIN_TITLES, DOMAINS, TOPICS, isTopicId, type Domain } from '../data/topics.js';
import { builtInNotesDir, noteAnchors } from '../data/note-headings.js';
import { DataFileErrors } from '../data/yaml-file.js';
import { ProgressStore, progressPath } from '../progress/store.js';
import type { ProgressData } from '../progress/schema.js';
import {
  bankFiles,
  bankStats,
  builtInQuizzesDir,
  examDayOf,
  loadBank,
  loadBanks,
  readiness,
  dueReviews,
  setExamDate,
  type Question,
  type QuizProgress,
} from '../quiz/index.js';
import { suggestTopics } from '../notes/library.js';
import { parseArgs, parseSeed } from './args.js';
import { UsageError, type CommandIO } from './io.js';
import { examSession, practiceSession, type Prompter, type SessionContext } from './quiz-session.js';
import { labCardQuestions } from '../app/lab-cards.js';
import { labScoresByDomain } from '../app/lab-readiness.js';

export const QUIZ_USAGE = 'awslab quiz [BANK] [--exam] [--review] [--stats] [--readiness] [--json] [--exam-date YYYY-MM-DD|none] [--seed N]';

export interface QuizCommandOptions {
  /** Where the banks and notes are; awslab's own when left out (tests point them at fixtures). */
  quizzesDir?: string;
  notesDir?: string;
  now?: () => Date;
  /** Reads the learner's answers; a readline prompt on the terminal when left out. */
  prompt?: Prompter;
  columns?: number;
}

const MODES = ['exam', 'review', 'stats', 'readiness'] as const;

/**
 * `awslab quiz`: practice a bank (a topic id, a domain, or a bank file), take the practice
 * exam, review what is due, or see the banks' statistics and the learner's readiness.
 * Practice, review and the exam are interactive: without a terminal they exit 2 and say so.
 */
export async function quizCommand(argv: readonly string[], io: CommandIO, options: QuizCommandOptions = {}): Promise<number> {
  const args = parseArgs(argv, { values: ['exam-date', 'seed'], booleans: [...MODES, 'json'] });
  const modes = MODES.filter((m) => args.booleans.has(m));
  if (modes.length > 1) throw new UsageError(`choose one of ${modes.map((m) => `--${m}`).join(', ')}`);
  if (args.positional.length > 1) throw new UsageError(`quiz takes one bank, got ${args.positional.join(' ')}`);
  const [bank] = args.positional;
  const mode = modes[0];
  if (bank !== undefined && mode && mode !== 'stats') throw new UsageError(`--${mode} covers every bank; leave out '${bank}'`);
  if (args.booleans.has('json') && mode !== 'stats' && mode !== 'readiness') throw new UsageError('--json goes with --stats or --readiness');
  const now = options.now ?? (() => new Date());
  const store = () => new ProgressStore(progressPath(io.env), { now });

  if (args.values['exam-date'] !== undefined) {
    if (mode || bank !== undefined) throw new UsageError('--exam-date is used on its own');
    return examDate(args.values['exam-date'], store(), now(), io);
  }
  const { questions, problems, retired } = loadQuestions(options, io);
  if (mode === 'stats') {
    const chosen = bank === undefined ? questions : select(bank, questions, options, io);
    return stats(chosen, args.booleans.has('json'), io, problems, bank === undefined ? retired : 0, bank === undefined);
  }
  if (mode === 'readiness') return showReadiness(questions, store(), now(), args.booleans.has('json'), io);
  if (mode === undefined && bank === undefined) return overview(questions, io);

  const chosen = mode === undefined ? select(bank!, questions, options, io) : questions;
  if (!chosen) return 1;
  if (!options.prompt && (!io.stdinIsTTY || !io.stdoutIsTTY)) {
    const what = mode === 'exam' ? 'The practice exam' : mode === 'review' ? 'Review' : 'Practice';
    io.stderr(`awslab quiz: ${what} is interactive and needs a terminal (standard input and output must be a TTY).\nRun \`awslab ${['quiz', ...argv].join(' ')}\` in a terminal; \`awslab quiz --stats\` and \`awslab quiz --readiness\` work anywhere.\n`);
    return 2;
  }
  const seed = parseSeed(args.values.seed, (now().getTime() / 1000) >>> 0);
  const progress = store();
  for (const warning of progress.warnings) io.stderr(`awslab: ${warning}\n`);
  return withPrompt(options, async (prompt) => {
    const ctx: SessionContext = { io, prompt, now, store: progress, width: options.columns ?? (process.stdout.columns || 80) };
    if (mode === 'exam') return examSession(ctx, chosen, seed);
    if (mode === 'review') return review(ctx, questions, seed);
    return practiceSession(ctx, chosen, { seed, title: `Practice: ${bank}` });
  });
}

function loadQuestions(options: QuizCommandOptions, io: CommandIO): { questions: Question[]; problems: number; retired: number } {
  const { banks, errors } = loadBanks(bankFiles(options.quizzesDir ?? builtInQuizzesDir()), { notesDir: options.notesDir });
  for (const error of errors) io.stderr(`${error.message}\n`);
  return { questions: banks.flatMap((b) => b.questions), problems: errors.length, retired: banks.reduce((n, b) => n + b.retired.length, 0) };
}

/** A topic id, a domain, or a bank file; undefined (after saying why) when it is none. */
function select(bank: string, questions: readonly Question[], options: QuizCommandOptions, io: CommandIO): Question[] | undefined {
  if (/\.ya?ml$/.test(bank) || bank.includes('/')) {
    try {
      return loadBank(bank, { anchors: noteAnchors(options.notesDir ?? builtInNotesDir()) }).questions;
    } catch (error) {
      if (error instanceof DataFileErrors) io.stderr(`${error.message}\n`);
      else io.stderr(`awslab quiz: cannot read '${bank}': ${(error as Error).message}\n`);
      return undefined;
    }
  }
  if ((DOMAINS as readonly string[]).includes(bank)) return questions.filter((q) => q.domain === bank);
  const mine = questions.filter((q) => q.topic === bank);
  if (mine.length) return mine;
  if (isTopicId(bank)) io.stderr(`awslab quiz: the topic '${bank}' has no questions yet.\n`);
  else {
    const near = suggestTopics(bank, TOPICS.map((t) => t.id));
    io.stderr(`awslab quiz: no quiz bank '${bank}'.${near.length ? ` Did you mean: ${near.join(', ')}?` : ''} A bank is a topic id (awslab notes lists them), a domain (${DOMAINS.join(', ')}) or a .yaml file.\n`);
  }
  return undefined;
}

async function withPrompt(options: QuizCommandOptions, run: (prompt: Prompter) => Promise<number>): Promise<number> {
  if (options.prompt) return run(options.prompt);
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  // The line iterator, not rl.question: a question still pending when input closes (Ctrl-D)
  // never settles, while the iterator simply ends.
  const lines = rl[Symbol.asyncIterator]();
  try {
    return await run(async (text) => {
      rl.setPrompt(text);
      rl.prompt();
      const next = await lines.next();
      return next.done ? undefined : next.value;
    });
  } finally {
    rl.close();
  }
}

function overview(questions: readonly Question[], io: CommandIO): number {
  const counts = bankStats(questions).byTopic;
  const width = Math.max(...TOPICS.map((t) => t.id.length)) + 2;
  const out = [`Quiz banks: ${questions.length} questions.`, ''];
  for (const domain of DOMAINS) {
    out.push(DOMAIN_TITLES[domain], ...TOPICS.filter((t) => t.domain === domain).map((t) => `  ${t.id.padEnd(width)}${String(counts[t.id] ?? 0).padStart(3)}  ${t.title}`), '');
  }
  out.push('awslab quiz TOPIC       practise one topic (or a domain: concepts, security, technology, billing)');
  out.push('awslab quiz --exam      a 65-question, 90-minute practice exam');
  out.push('awslab quiz --review    the questions due for spaced review');
  out.push('awslab quiz --readiness how ready you are, per exam domain');
  io.stdout(`${out.join('\n')}\n`);
  return 0;
}

function stats(questions: readonly Question[] | undefined, json: boolean, io: CommandIO, problems: number, retired: number, whole: boolean): number {
  if (!questions) return 1;
  const result = bankStats(questions, { retired });
  if (json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const pairs = (record: Record<string, number>) => Object.entries(record).map(([k, v]) => `${k} ${v}`).join(', ');
  const num = (n: number, width: number) => String(n).padStart(width);
  const beyond = (n: number) => (n ? `  (${n} beyond the exam)` : '');
  const titleWidth = Math.max(...result.domains.map((d) => d.title.length));
  const out = [
    `${result.total} questions: ${result.exam} for the exam, ${result.beyondExam} beyond it (exam: false)${result.retired ? `; ${result.retired} retired` : ''}${problems ? ` (${problems} problem${problems > 1 ? 's' : ''} in the banks: see above)` : ''}`,
    `By difficulty: ${pairs(result.byDifficulty)}`,
    '',
    `${'By exam domain'.padEnd(titleWidth + 2)}  exam  beyond  per exam  full exams before a repeat`,
  ];
  for (const d of result.domains) if (whole || d.exam + d.beyondExam) out.push(`  ${d.title.padEnd(titleWidth)}  ${num(d.exam, 4)}  ${num(d.beyondExam, 6)}  ${num(d.perExam, 8)}  ${num(d.examsBeforeRepeat, 26)}`);
  out.push('', 'By CLF-C02 exam guide task', '  task  exam  beyond');
  for (const t of result.tasks) if (whole || t.exam + t.beyondExam) out.push(`  ${t.task.padEnd(4)}  ${num(t.exam, 4)}  ${num(t.beyondExam, 6)}  ${t.title}`);
  if (result.withoutTask) out.push(`  none  ${num(result.withoutTask, 4)}          questions whose topic has no task in src/quiz/exam-guide.ts`);
  out.push('', 'By topic:');
  const byTopic = Object.entries(result.byTopic).filter(([, count]) => count);
  const width = Math.max(0, ...byTopic.map(([t]) => t.length)) + 2;
  for (const [topic, count] of byTopic) out.push(`  ${topic.padEnd(width)}${num(count, 3)}${beyond(questions.filter((q) => q.topic === topic && q.beyondExam).length)}`);
  io.stdout(`${out.join('\n')}\n`);
  return 0;
}

function examDate(value: string, store: ProgressStore, now: Date, io: CommandIO): number {
  const clear = value === 'none';
  if (!clear && !examDayOf({ examDate: value })) throw new UsageError(`--exam-date expects a day as YYYY-MM-DD (or none to clear it), got '${value}'`);
  store.update((data) => setExamDate(data.quiz, clear ? undefined : value, now));
  if (clear) io.stdout('Exam date cleared: reviews follow FSRS alone.\n');
  else if (examDayOf({ examDate: value })!.getTime() <= now.getTime()) io.stdout(`Exam date set to ${value}, which has passed: reviews follow FSRS alone.\n`);
  else io.stdout(`Exam date set to ${value}: every review card will come back before then.\n`);
  return 0;
}

/** Mean best score per domain of the labs that ship with awslab; a broken lab is skipped with a message. */
async function labScores(data: ProgressData, io: CommandIO): Promise<Partial<Record<Domain, number>>> {
  const { labRows, loadCatalog } = await import('../app/lab-catalog.js');
  const catalog = loadCatalog();
  for (const error of catalog.errors) io.stderr(`awslab: ${error}\n`);
  return labScoresByDomain(labRows(catalog.entries, data));
}

async function showReadiness(questions: readonly Question[], store: ProgressStore, now: Date, json: boolean, io: CommandIO): Promise<number> {
  const data = store.read();
  for (const warning of store.warnings) io.stderr(`awslab: ${warning}\n`);
  const quiz: QuizProgress = data.quiz;
  const result = readiness({ questions, quiz, now, labs: await labScores(data, io) });
  const queue = dueReviews(quiz, now);
  const examDate = quiz.settings?.examDate;
  if (json) {
    io.stdout(`${JSON.stringify({ ...result, dueToday: queue.dueToday, examDate: examDate ?? null }, null, 2)}\n`);
    return 0;
  }
  const pct = (x: number) => `${Math.round(100 * x)}%`.padStart(4);
  const width = Math.max(...DOMAINS.map((d) => DOMAIN_TITLES[d].length));
  const out = [`Readiness: ${result.overall} of 100 (domains weighted as in the exam)`, ''];
  for (const d of result.domains) {
    out.push(`  ${d.title.padEnd(width)}  ${String(d.score).padStart(3)}   accuracy ${pct(d.accuracy)}  retention ${pct(d.retention)}  coverage ${pct(d.coverage)} (${d.answered}/${d.questions})  labs ${d.labs === undefined ? '   -' : pct(d.labs)}`);
  }
  out.push('', `Due for review today: ${queue.dueToday}${queue.dueToday ? ' (awslab quiz --review)' : ''}`);
  if (examDate) out.push(`Exam date: ${examDate}`);
  io.stdout(`${out.join('\n')}\n`);
  return 0;
}

async function review(ctx: SessionContext, questions: readonly Question[], seed: number): Promise<number> {
  const quiz: QuizProgress = ctx.store.read().quiz;
  const now = ctx.now();
  const queue = dueReviews(quiz, now);
  // Lab tasks missed on a first attempt are cards too, with questions generated from the lab.
  const byId = new Map([...questions, ...labCardQuestions(queue.ids)].map((q) => [q.id, q]));
  const due = queue.ids.map((id) => byId.get(id)).filter((q): q is Question => q !== undefined);
  if (!due.length) {
    const next = Object.values(quiz.cards ?? {}).map((c) => c.due).sort()[0];
    ctx.io.stdout(queue.dueToday ? `Today's review limit is reached (${queue.reviewedToday} reviewed). Come back tomorrow.\n` : `Nothing is due for review.${next ? ` The next card is due ${next.slice(0, 10)}.` : ' Practise a topic first: awslab quiz TOPIC'}\n`);
    return 0;
  }
  return practiceSession(ctx, due, { seed, title: `Review: ${due.length} due (missed ones first)`, keepOrder: true });
}
