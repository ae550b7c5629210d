import { DOMAIN_TITLES, DOMAINS } from '../data/topics.js';
import { wrapText } from '../lib/wrap.js';
import type { ProgressStore } from '../progress/store.js';
import {
  answerExam,
  answerPractice,
  currentItem,
  examClock,
  nextQuestion,
  OPTION_LABELS,
  parseChoice,
  practiceFeedback,
  practiceSummary,
  recordAnswer,
  recordExam,
  reviewList,
  selectionProblem,
  shownOptions,
  skipQuestion,
  startExam,
  startPractice,
  submitExam,
  toggleFlag,
  toShownPositions,
  type ExamResult,
  type ExamState,
  type Feedback,
  type Presented,
  type Question,
} from '../quiz/index.js';
import type { CommandIO } from './io.js';

/**
 * The line-by-line quiz for a terminal, until the full-screen app takes over: topic practice,
 * review of due cards, and the practice exam. Every answer is saved as it is given, so
 * quitting half-way loses nothing.
 */

/** Asks one line; undefined when input ends (Ctrl-D). */
export type Prompter = (prompt: string) => Promise<string | undefined>;

export interface SessionContext {
  io: CommandIO;
  prompt: Prompter;
  now: () => Date;
  store: ProgressStore;
  width: number;
}

/** Wraps text to the width, the first line after `first`, the others indented to match `rest`. */
function wrap(text: string, width: number, rest = '', first = rest): string {
  return wrapText(text, Math.max(20, width - rest.length))
    .map((line, i) => `${i === 0 ? first : rest}${line}`)
    .join('\n');
}

export function formatQuestion(item: Presented, heading: string, width: number): string {
  const q = item.question;
  const options = shownOptions(item).map((o, i) => wrap(o.text, width, '     ', `  ${OPTION_LABELS[i]}. `));
  return `\n${heading}  [${q.topic}, ${q.difficulty}]\n${wrap(q.question, width)}\n\n${options.join('\n')}\n`;
}

export function formatFeedback(feedback: Feedback, width: number): string {
  const lines = [feedback.correct ? 'Correct.' : `Not quite: the answer is ${feedback.answer.join(' and ')}.`];
  for (const o of feedback.options) {
    const mark = o.correct ? '✔' : o.chosen ? '✘' : ' ';
    lines.push(wrap(`${o.text}${o.chosen ? ' (your answer)' : ''}`, width, '     ', `${mark} ${o.label}. `), wrap(o.why, width, '       '));
  }
  lines.push(`Read more: awslab notes ${feedback.note}`);
  return `${lines.join('\n')}\n`;
}

/** Asks until the answer is acceptable; undefined to skip, null to quit. */
async function askChoice(ctx: SessionContext, item: Presented): Promise<number[] | undefined | null> {
  const letters = OPTION_LABELS.slice(0, item.question.options.length);
  const hint = item.question.type === 'multiple' ? 'two letters, e.g. A,C' : `${letters[0]}-${letters[letters.length - 1]}`;
  for (;;) {
    const line = await ctx.prompt(`Answer (${hint}; s to skip, q to quit): `);
    if (line === undefined || /^q(uit)?$/i.test(line.trim())) return null;
    if (/^s(kip)?$/i.test(line.trim())) return undefined;
    const shown = parseChoice(line, item.question.options.length);
    const problem = shown ? selectionProblem(item.question, shown) : `answer with ${hint}`;
    if (!problem) return shown!;
    ctx.io.stdout(`${problem[0]!.toUpperCase()}${problem.slice(1)}.\n`);
  }
}

/** Practice (or review) over the questions in the order given; returns the exit code. */
export async function practiceSession(ctx: SessionContext, questions: readonly Question[], options: { seed: number; title: string; keepOrder?: boolean }): Promise<number> {
  let state = startPractice(questions, { seed: options.seed, keepOrder: options.keepOrder });
  ctx.io.stdout(`${options.title}: ${state.items.length} question${state.items.length === 1 ? '' : 's'}. Answers are saved as you go.\n`);
  for (let item = currentItem(state); item; item = currentItem(state)) {
    ctx.io.stdout(formatQuestion(item, `Question ${state.index + 1} of ${state.items.length}`, ctx.width));
    const choice = await askChoice(ctx, item);
    if (choice === null) break;
    if (choice === undefined) {
      state = skipQuestion(state);
      continue;
    }
    state = answerPractice(state, choice);
    const feedback = practiceFeedback(state);
    ctx.store.update((data) => recordAnswer(data.quiz, feedback.questionId, feedback.correct, ctx.now()));
    ctx.io.stdout(`\n${formatFeedback(feedback, ctx.width)}`);
    state = nextQuestion(state);
  }
  const summary = practiceSummary(state);
  ctx.io.stdout(`\nYou answered ${summary.answered} of ${summary.asked}${summary.skipped ? ` (${summary.skipped} skipped)` : ''}: ${summary.correct} right.\n`);
  if (summary.missed.length) ctx.io.stdout(`To reread: ${[...new Set(summary.missed.map((q) => q.note))].map((n) => `awslab notes ${n}`).join(', ')}\n`);
  return 0;
}

function clock(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

const EXAM_HELP = 'Letters answer and move on; n next, p previous, g N go to question N, f flag, r review list, s submit, q quit without saving.';

/** The practice exam, question by question with navigation, flags and a review list. */
export async function examSession(ctx: SessionContext, pool: readonly Question[], seed: number): Promise<number> {
  let state = startExam(pool, { seed, nowMs: ctx.now().getTime(), seen: ctx.store.read().quiz.results });
  ctx.io.stdout(`Practice exam: ${state.items.length} questions, ${Math.round((state.deadlineMs - state.startedAtMs) / 60000)} minutes, seed ${seed}.\n${EXAM_HELP}\n`);
  let index = 0;
  for (;;) {
    const now = ctx.now().getTime();
    if (examClock(state, now).expired) {
      ctx.io.stdout('\nTime is up: the exam is submitted with the answers given.\n');
      break;
    }
    const item = state.items[index]!;
    const marks = `${item.flagged ? ' [flagged]' : ''}${item.selected.length ? ` [answered ${toShownPositions(item, item.selected).map((p) => OPTION_LABELS[p]).join(',')}]` : ''}`;
    ctx.io.stdout(formatQuestion(item, `Question ${index + 1} of ${state.items.length}  (${clock(examClock(state, now).remainingMs)} left)${marks}`, ctx.width));
    const line = await ctx.prompt('> ');
    if (line === undefined || /^q(uit)?$/i.test(line.trim())) {
      ctx.io.stdout('Exam abandoned; nothing was saved.\n');
      return 0;
    }
    const command = line.trim().toLowerCase();
    const at = ctx.now().getTime();
    if (examClock(state, at).expired) continue;
    if (command === 'n' || command === '') index = Math.min(state.items.length - 1, index + 1);
    else if (command === 'p') index = Math.max(0, index - 1);
    else if (/^g\s*\d+$/.test(command)) index = Math.min(state.items.length, Math.max(1, Number(command.slice(1)))) - 1;
    else if (command === 'f') state = toggleFlag(state, index, at);
    else if (command === 'r') ctx.io.stdout(formatReviewList(state));
    else if (command === 's') {
      ctx.io.stdout(formatReviewList(state));
      const sure = await ctx.prompt('Submit the exam now? (y/n) ');
      if (sure !== undefined && /^y(es)?$/i.test(sure.trim())) break;
    } else {
      const shown = parseChoice(command, item.question.options.length);
      const problem = shown ? selectionProblem(item.question, shown) : EXAM_HELP;
      if (problem) ctx.io.stdout(`${problem}\n`);
      else {
        state = answerExam(state, index, shown!, at);
        index = Math.min(state.items.length - 1, index + 1);
      }
    }
  }
  const result = submitExam(state, ctx.now().getTime());
  ctx.store.update((data) => void recordExam(data.quiz, result));
  ctx.io.stdout(formatExamResult(result, state));
  return 0;
}

export function formatReviewList(state: ExamState): string {
  const list = reviewList(state);
  const numbers = (indices: number[]) => (indices.length ? indices.map((i) => i + 1).join(', ') : 'none');
  return `\nAnswered ${list.answered} of ${state.items.length}.\nUnanswered: ${numbers(list.unanswered)}\nFlagged for review: ${numbers(list.flagged)}\n`;
}

export function formatExamResult(result: ExamResult, state?: ExamState): string {
  const minutes = Math.floor((result.submittedAtMs - result.startedAtMs) / 60000);
  const lines = [
    '',
    `Scaled score: ${result.scaledScore} of 1000: ${result.passed ? 'PASS' : 'FAIL'} (700 passes)${result.timedOut ? ', time ran out' : ''}`,
    `Correct: ${result.correct} of ${result.total} in ${minutes} min (seed ${result.seed})`,
    '',
    'By domain:',
  ];
  const width = Math.max(...DOMAINS.map((d) => DOMAIN_TITLES[d].length));
  for (const d of DOMAINS) {
    const r = result.byDomain[d];
    lines.push(`  ${DOMAIN_TITLES[d].padEnd(width)}  ${`${r.correct}/${r.total}`.padStart(5)}  ${String(r.percent).padStart(3)}%  ${r.meets ? 'meets competencies' : 'needs improvement'}`);
  }
  if (result.study.length) {
    lines.push('', 'Study next:');
    for (const t of result.study) lines.push(`  ${t.topic} (${t.missed} of ${t.asked} missed): ${t.notes.map((n) => `awslab notes ${n}`).join(', ')}`);
  }
  if (state) {
    const missed = result.items.map((r, i) => ({ r, item: state.items[i]! })).filter(({ r }) => !r.correct);
    if (missed.length) lines.push('', `Missed questions: ${missed.map(({ item }) => item.question.id).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
