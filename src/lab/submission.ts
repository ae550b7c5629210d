import { createHash } from 'node:crypto';
import { z } from 'zod';
import { formatPath } from '../data/yaml-file.js';
import { GRADED_PARTS, type GradedPart } from './fingerprint.js';

/** What a submission file says it is; the grade always comes from replaying its lines. */
export interface SubmissionHeader {
  format: 'awslab-submission';
  version: 1;
  /** The lab's graded fingerprint, and its parts so that a changed lab can say what changed. */
  lab: { id: string; sha256: string; parts?: Partial<Record<GradedPart, string>> };
  learner: string;
  /** The school's id for the learner (student number, email), when the learner gave one. */
  learnerId?: string;
  seed: number;
  awslabVersion: string;
  createdAt: string;
}

export interface Submission extends SubmissionHeader {
  /** The hash of the header fields above: the start of the chain. */
  hash: string;
  /** The learner's console lines in order, each with the hash chaining it to the ones before. */
  lines: Array<{ line: string; hash: string }>;
}

export const MAX_SUBMISSION_LINES = 5000;
export const MAX_SUBMISSION_BYTES = 2 * 1024 * 1024;

/** Why a file is not a gradable submission; `status` is the few words a gradebook column shows. */
export class SubmissionError extends Error {
  constructor(message: string, readonly status: string) {
    super(message);
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function headerHash(h: SubmissionHeader): string {
  // The id joins the chain only when present, so files written before it existed still verify.
  const id = h.learnerId === undefined ? [] : [h.learnerId];
  const parts = h.lab.parts === undefined ? [] : [h.lab.parts];
  return sha256(JSON.stringify([h.format, h.version, h.lab.id, h.lab.sha256, h.learner, h.seed, h.awslabVersion, h.createdAt, ...id, ...parts]));
}

/**
 * Builds a submission whose lines are hash-chained from the header, so an edit to any line,
 * or to the seed or lab it claims, shows. The chain has no secret: it catches hand edits and
 * damage, not a determined forger, which is why grading replays the lines rather than
 * trusting any score.
 */
export function createSubmission(header: Omit<SubmissionHeader, 'format' | 'version'>, lines: readonly string[]): Submission {
  const full: SubmissionHeader = { format: 'awslab-submission', version: 1, ...header };
  if (full.learnerId === undefined) delete full.learnerId;
  const hash = headerHash(full);
  let previous = hash;
  const chained = lines.map((line) => {
    previous = sha256(`${previous}\n${line}`);
    return { line, hash: previous };
  });
  return { ...full, hash, lines: chained };
}

const text = z.string({ error: 'expected text' });
const submissionSchema = z.object({
  format: z.literal('awslab-submission'),
  version: z.literal(1),
  lab: z.object({
    id: text,
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected the lab\'s SHA-256 as 64 hex digits'),
    parts: z.partialRecord(z.enum(Object.keys(GRADED_PARTS) as [GradedPart, ...GradedPart[]]), text).optional(),
  }),
  learner: text,
  learnerId: text.optional(),
  seed: z.number().int().min(0).max(0xffffffff),
  awslabVersion: text,
  createdAt: text,
  hash: text,
  lines: z.array(z.object({ line: text, hash: text })),
});

const TYPE_WORDS: Record<string, string> = { string: 'text', number: 'a number', int: 'a whole number', array: 'a list', object: 'a mapping' };

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`;
  return `${typeof value} ${String(value)}`;
}

/** One field's problem, as `lines[3].hash: expected text, found number 3`. */
function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  let found: unknown = raw;
  for (const key of path) found = found && typeof found === 'object' ? (found as Record<string | number, unknown>)[key] : undefined;
  const where = formatPath(path);
  if (found === undefined) return `${where} is missing`;
  const expected = issue.code === 'invalid_type' ? `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`
    : issue.code === 'too_small' || issue.code === 'too_big' ? 'expected a whole number from 0 to 4294967295'
    : issue.message;
  return `${where}: ${expected}, found ${describeValue(found)}`;
}

/** Parses and verifies a submission file's text; throws SubmissionError saying exactly what is wrong. */
export function parseSubmission(text: string, source: string): Submission {
  if (Buffer.byteLength(text) > MAX_SUBMISSION_BYTES) throw new SubmissionError(`${source} is ${Buffer.byteLength(text)} bytes; a submission may be at most ${MAX_SUBMISSION_BYTES} bytes`, 'too large');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SubmissionError(`${source} is not a complete JSON file (${(error as Error).message}); was it truncated?`, 'truncated');
  }
  const s = raw as Partial<Submission>;
  if (!s || typeof s !== 'object' || s.format !== 'awslab-submission') throw new SubmissionError(`${source} is not an awslab submission (no "format": "awslab-submission")`, 'not a submission');
  if (s.version !== 1) throw new SubmissionError(`${source} has submission version ${JSON.stringify(s.version)}; this awslab reads version 1`, 'unknown version');
  const checked = submissionSchema.safeParse(raw);
  if (!checked.success) throw new SubmissionError(`${source}: ${checked.error.issues.slice(0, 3).map((issue) => describeIssue(issue, raw)).join('; ')}`, 'malformed');
  if (checked.data.lines.length > MAX_SUBMISSION_LINES) throw new SubmissionError(`${source} has ${checked.data.lines.length} lines; a submission may have at most ${MAX_SUBMISSION_LINES}`, 'too many lines');
  const submission: Submission = checked.data;
  let previous = headerHash(submission);
  if (submission.hash !== previous) throw new SubmissionError(`${source}: the header (lab, learner, seed, version or date) was edited after the submission was made`, 'edited');
  for (const [i, entry] of submission.lines.entries()) {
    previous = sha256(`${previous}\n${entry.line}`);
    if (entry.hash !== previous) {
      throw new SubmissionError(`${source}: line ${i + 1} was edited, added or removed after the submission was made (the hash chain breaks there)`, 'edited');
    }
  }
  return submission;
}
