import { z } from 'zod';
import { getCloseMatches } from '../lib/did-you-mean.js';
import { noteAnchors } from '../data/note-headings.js';
import { DOMAINS, TOPICS, topicById, type Domain } from '../data/topics.js';
import { DataFileError, DataFileErrors, formatPath, validateWith, YamlFile, type Path } from '../data/yaml-file.js';
import { EXAM_TASKS, examTaskById } from './exam-guide.js';

/** The quiz bank format's version; a bank without `format: 1` first is refused. */
export const QUIZ_FORMAT = 1;

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];
export const QUESTION_TYPES = ['single', 'multiple'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** How many options and correct options each question type has, as in the real exam. */
export const SHAPES: Readonly<Record<QuestionType, { options: number; correct: number }>> = {
  single: { options: 4, correct: 1 },
  multiple: { options: 5, correct: 2 },
};
export const CHOOSE_TWO = '(Choose two.)';

const text = z.string().trim().min(1, 'expected some text, found an empty string');

const optionSchema = z.strictObject({
  text,
  // Checked below, for a message that says what to do about `correct: false`.
  correct: z.unknown().optional(),
  why: text,
});

const questionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+-\d\d$/, 'expected <topic>-NN, e.g. s3-versioning-07'),
  topic: z.string(),
  domain: z.enum(DOMAINS),
  difficulty: z.enum(DIFFICULTIES),
  type: z.enum(QUESTION_TYPES),
  question: text,
  options: z.array(optionSchema),
  note: z.string().regex(/^[a-z0-9-]+#[\p{L}\p{M}\p{N}_-]+$/u, 'expected <topic>#<section anchor>, e.g. s3-versioning#delete-markers'),
  // source, exam and retired are checked below, for messages that say what to write instead.
  source: z.unknown().optional(),
  exam: z.unknown().optional(),
  // `task: 2.3` reads as a number in YAML; either spelling is taken.
  task: z.union([z.string(), z.number()]).optional(),
  retired: z.unknown().optional(),
});

const bankSchema = z.strictObject({
  format: z.literal(QUIZ_FORMAT),
  topic: z.string(),
  title: text,
  questions: z.array(questionSchema).min(1, 'a bank needs at least one question'),
});

export interface Option {
  text: string;
  correct: boolean;
  why: string;
}

/** Where a question was written, for messages that point an author at it. */
export interface SourceRef {
  file: string;
  line: number;
  column: number;
}

export interface Question {
  id: string;
  topic: string;
  domain: Domain;
  difficulty: Difficulty;
  type: QuestionType;
  question: string;
  options: Option[];
  /** `topic#anchor` of the note section that explains the answer. */
  note: string;
  /** The bank's `source:`: the AWS documentation page the answer rests on. */
  sourceUrl?: string;
  /** `exam: false` in the bank: associate depth, kept for topic practice, never drawn for the exam. */
  beyondExam?: boolean;
  /** The bank's `task:`: the exam guide task this question serves, when not its topic's. */
  task?: string;
  /** `retired: true` in the bank: the id stays taken, the engine never asks the question again. */
  retired?: boolean;
  /** Where the question was written. */
  source: SourceRef;
}

export interface Bank {
  format: 1;
  topic: string;
  title: string;
  /** The questions that are asked: every question not marked retired. */
  questions: Question[];
  /** Questions marked `retired: true`: never asked again, but their ids stay taken. */
  retired: Question[];
  file: string;
}

/** Whether the practice exam may draw the question: not retired and not beyond the exam. */
export function inExam(question: Question): boolean {
  return !question.retired && !question.beyondExam;
}

export interface BankContext {
  /** Topic id to the anchors of its note; the notes that ship with awslab when left out. */
  anchors?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Whether a question without `source:` is an error; SOURCE_REQUIRED when left out. */
  requireSource?: boolean;
}

/** Every question names the AWS page its answer rests on; a context may relax it for a draft. */
export const SOURCE_REQUIRED = true;

const SOURCE_EXAMPLE = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html';

/** Why a `source:` value is not an AWS documentation address, or undefined when it is one. */
export function sourceProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return `expected the https:// address of the AWS page the answer rests on, e.g. ${SOURCE_EXAMPLE}`;
  if (/\s/.test(value.trim())) return `'${value}' has a space in it; a web address has none (write %20 if the page's address really holds one)`;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return `'${value}' is not a web address; expected one such as ${SOURCE_EXAMPLE}`;
  }
  if (url.protocol !== 'https:') return `'${value}' must use https://, as AWS's own pages do`;
  const host = url.hostname;
  if (host !== 'amazon.com' && !host.endsWith('.amazon.com') && !host.endsWith('.aws')) {
    return `'${value}' is on ${host}; a source is AWS's own page, on docs.aws.amazon.com, aws.amazon.com or another *.amazon.com or *.aws host`;
  }
  return undefined;
}

/** Like option `correct`, the `exam` and `retired` flags are written only in the form that changes something. */
function flagProblem(value: unknown, written: boolean, field: string, meaning: string): string | undefined {
  if (value === undefined || value === written) return undefined;
  return `only ${field}: ${written} is written (${meaning}); leave it out otherwise`;
}

/** Question text reduced to its words, so that two phrasings differing only in case or punctuation match. */
export function normaliseText(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function unknownTopic(id: string): string {
  const near = getCloseMatches(id, TOPICS.map((t) => t.id), 3, 0.6);
  return `unknown topic '${id}'${near.length ? ` (did you mean ${near.map((n) => `'${n}'`).join(' or ')}?)` : ' (topic ids are listed in quizzes/README.md)'}`;
}

/** Parses and validates one quiz bank; throws DataFileErrors listing every problem with file:line:col. */
export function parseBank(source: string, file: string, context: BankContext = {}): Bank {
  const yaml = YamlFile.parse(source, file);
  const value = yaml.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new DataFileErrors([yaml.errorAt([], `a quiz bank is a mapping that starts with format: ${QUIZ_FORMAT}`)]);
  const firstKey = Object.keys(value)[0];
  if (firstKey !== 'format') throw new DataFileErrors([yaml.errorAt([], `the first key of a quiz bank must be format: ${QUIZ_FORMAT} (found ${firstKey ?? 'nothing'})`)]);
  const raw = validateWith(bankSchema, yaml);
  const errors: DataFileError[] = [];
  const at = (path: Path, reason: string) => errors.push(yaml.errorAt(path, reason));
  const anchors = context.anchors ?? noteAnchors();

  if (!topicById(raw.topic)) at(['topic'], `topic: ${unknownTopic(raw.topic)}`);
  const ids = new Map<string, number>();
  const texts = new Map<string, number>();
  const questions = raw.questions.map((q, i): Question => {
    const here = (...rest: Path) => ['questions', i, ...rest];
    checkIdentity(q, i, ids, at);
    const first = texts.get(normaliseText(q.question));
    if (first !== undefined) at(here('question'), `questions[${i}].question: the same question as questions[${first}] (${raw.questions[first]!.id})`);
    else texts.set(normaliseText(q.question), i);
    checkShape(q, here, at);
    checkNoteLink(q.note, anchors, here('note'), at);
    const keys = Object.keys((yaml.value as { questions: Array<Record<string, unknown>> }).questions[i]!);
    checkExtras(q, keys, context.requireSource ?? SOURCE_REQUIRED, here, at);
    const idNode = yaml.errorAt(here('id'), '');
    const task = q.task === undefined ? undefined : String(q.task);
    return {
      id: q.id,
      topic: q.topic,
      domain: q.domain,
      difficulty: q.difficulty,
      type: q.type,
      question: q.question,
      options: q.options.map((o) => ({ text: o.text, correct: o.correct === true, why: o.why })),
      note: q.note,
      ...(typeof q.source === 'string' ? { sourceUrl: q.source.trim() } : {}),
      ...(q.exam === false ? { beyondExam: true } : {}),
      ...(task === undefined ? {} : { task }),
      ...(q.retired === true ? { retired: true } : {}),
      source: { file, line: idNode.line, column: idNode.column },
    };
  });

  if (errors.length) throw new DataFileErrors(errors);
  return { format: QUIZ_FORMAT, topic: raw.topic, title: raw.title, questions: questions.filter((q) => !q.retired), retired: questions.filter((q) => q.retired), file };
}

type RawQuestion = z.infer<typeof questionSchema>;
type At = (path: Path, reason: string) => void;

/** The id is <topic>-NN for the question's own topic, used once, and the domain is the topic's. */
function checkIdentity(q: RawQuestion, i: number, ids: Map<string, number>, at: At): void {
  const topic = topicById(q.topic);
  if (!topic) at(['questions', i, 'topic'], `questions[${i}].topic: ${unknownTopic(q.topic)}`);
  else if (q.domain !== topic.domain) at(['questions', i, 'domain'], `questions[${i}].domain: topic '${q.topic}' is in the ${topic.domain} domain, not ${q.domain}`);
  if (!q.id.startsWith(`${q.topic}-`)) at(['questions', i, 'id'], `questions[${i}].id: '${q.id}' must start with its topic, as in ${q.topic}-${String(i + 1).padStart(2, '0')}`);
  const first = ids.get(q.id);
  if (first !== undefined) at(['questions', i, 'id'], `questions[${i}].id: '${q.id}' is already used by questions[${first}]`);
  else ids.set(q.id, i);
}

/** A single question has 4 options with 1 correct; a multiple one 5 with 2 and says "(Choose two.)". */
function checkShape(q: RawQuestion, here: (...rest: Path) => Path, at: At): void {
  const shape = SHAPES[q.type];
  const where = formatPath(here());
  const correct = q.options.filter((o) => o.correct === true).length;
  if (q.options.length !== shape.options) at(here('options'), `${where}.options: a ${q.type} question has exactly ${shape.options} options, found ${q.options.length}`);
  if (correct !== shape.correct) {
    at(here('options'), `${where}.options: a ${q.type} question has exactly ${shape.correct} correct option${shape.correct > 1 ? 's' : ''} (marked correct: true), found ${correct}`);
  }
  if (q.type === 'multiple' && !q.question.endsWith(CHOOSE_TWO)) at(here('question'), `${where}.question: a multiple question ends with "${CHOOSE_TWO}"`);
  if (q.type === 'single' && q.question.endsWith(CHOOSE_TWO)) at(here('type'), `${where}.type: the question says "${CHOOSE_TWO}", so its type is multiple`);
  const seen = new Set<string>();
  q.options.forEach((o, j) => {
    if (o.correct !== undefined && o.correct !== true) at(here('options', j, 'correct'), `${where}.options[${j}].correct: only correct: true is written; leave it out on a wrong option`);
    const key = normaliseText(o.text);
    if (seen.has(key)) at(here('options', j, 'text'), `${where}.options[${j}].text: the same option text appears twice`);
    seen.add(key);
  });
}

/** source (right after note), exam, task and retired. */
function checkExtras(q: RawQuestion, keys: readonly string[], requireSource: boolean, here: (...rest: Path) => Path, at: At): void {
  const where = formatPath(here());
  if (q.source === undefined) {
    if (requireSource) at(here('note'), `${where}.source: required after note: the https:// address of the AWS documentation page the answer rests on, e.g. source: ${SOURCE_EXAMPLE}`);
  } else {
    const problem = sourceProblem(q.source);
    if (problem) at(here('source'), `${where}.source: ${problem}`);
    else if (keys[keys.indexOf('source') - 1] !== 'note') at(here('source'), `${where}.source: write source: on the line right after note:, where reviewers look for it`);
  }
  const exam = flagProblem(q.exam, false, 'exam', 'the question is beyond the Cloud Practitioner exam');
  if (exam) at(here('exam'), `${where}.exam: ${exam}`);
  const retired = flagProblem(q.retired, true, 'retired', 'the question is no longer asked and its id stays taken');
  if (retired) at(here('retired'), `${where}.retired: ${retired}`);
  if (q.task !== undefined && !examTaskById(String(q.task))) {
    at(here('task'), `${where}.task: '${String(q.task)}' is not a CLF-C02 exam guide task; expected one of ${EXAM_TASKS.map((t) => t.id).join(', ')}`);
  }
}

function checkNoteLink(link: string, anchors: ReadonlyMap<string, ReadonlySet<string>>, path: Path, at: At): void {
  const where = formatPath(path);
  const [topic, anchor] = link.split('#') as [string, string];
  const known = anchors.get(topic);
  if (!known) {
    at(path, `${where}: there is no note for topic '${topic}'${topicById(topic) ? ' yet' : ` (${unknownTopic(topic)})`}`);
    return;
  }
  if (known.has(anchor)) return;
  const near = getCloseMatches(anchor, [...known], 3, 0.6);
  at(path, `${where}: the note ${topic}.md has no heading with the anchor #${anchor}${near.length ? ` (did you mean ${near.map((n) => `#${n}`).join(' or ')}?)` : ''}`);
}
