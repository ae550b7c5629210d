import { createHash } from 'node:crypto';

/** What a submission file says it is; the grade always comes from replaying its lines. */
export interface SubmissionHeader {
  format: 'awslab-submission';
  version: 1;
  lab: { id: string; sha256: string };
  learner: string;
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

export class SubmissionError extends Error {}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function headerHash(h: SubmissionHeader): string {
  return sha256(JSON.stringify([h.format, h.version, h.lab.id, h.lab.sha256, h.learner, h.seed, h.awslabVersion, h.createdAt]));
}

/**
 * Builds a submission whose lines are hash-chained from the header, so an edit to any line,
 * or to the seed or lab it claims, shows. The chain has no secret: it catches hand edits and
 * damage, not a determined forger, which is why grading replays the lines rather than
 * trusting any score.
 */
export function createSubmission(header: Omit<SubmissionHeader, 'format' | 'version'>, lines: readonly string[]): Submission {
  const full: SubmissionHeader = { format: 'awslab-submission', version: 1, ...header };
  const hash = headerHash(full);
  let previous = hash;
  const chained = lines.map((line) => {
    previous = sha256(`${previous}\n${line}`);
    return { line, hash: previous };
  });
  return { ...full, hash, lines: chained };
}

/** Parses and verifies a submission file's text; throws SubmissionError saying exactly what is wrong. */
export function parseSubmission(text: string, source: string): Submission {
  if (Buffer.byteLength(text) > MAX_SUBMISSION_BYTES) throw new SubmissionError(`${source} is ${Buffer.byteLength(text)} bytes; a submission may be at most ${MAX_SUBMISSION_BYTES} bytes`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SubmissionError(`${source} is not a complete JSON file (${(error as Error).message}); was it truncated?`);
  }
  const s = raw as Partial<Submission>;
  if (!s || typeof s !== 'object' || s.format !== 'awslab-submission') throw new SubmissionError(`${source} is not an awslab submission (no "format": "awslab-submission")`);
  if (s.version !== 1) throw new SubmissionError(`${source} has submission version ${JSON.stringify(s.version)}; this awslab reads version 1`);
  const fields: Array<[string, boolean]> = [
    ['lab.id', typeof s.lab?.id === 'string'],
    ['lab.sha256', typeof s.lab?.sha256 === 'string'],
    ['learner', typeof s.learner === 'string'],
    ['seed', Number.isInteger(s.seed)],
    ['awslabVersion', typeof s.awslabVersion === 'string'],
    ['createdAt', typeof s.createdAt === 'string'],
    ['lines', Array.isArray(s.lines)],
  ];
  const missing = fields.filter(([, ok]) => !ok).map(([name]) => name);
  if (missing.length) throw new SubmissionError(`${source} is missing or has malformed ${missing.join(', ')}`);
  if (s.lines!.length > MAX_SUBMISSION_LINES) throw new SubmissionError(`${source} has ${s.lines!.length} lines; a submission may have at most ${MAX_SUBMISSION_LINES}`);
  let previous = headerHash(s as SubmissionHeader);
  if (s.hash !== previous) throw new SubmissionError(`${source}: the header (lab, learner, seed, version or date) was edited after the submission was made`);
  for (const [i, entry] of s.lines!.entries()) {
    if (!entry || typeof entry.line !== 'string' || typeof entry.hash !== 'string') throw new SubmissionError(`${source}: line ${i + 1} is malformed`);
    previous = sha256(`${previous}\n${entry.line}`);
    if (entry.hash !== previous) {
      throw new SubmissionError(`${source}: line ${i + 1} was edited, added or removed after the submission was made (the hash chain breaks there)`);
    }
  }
  return s as Submission;
}
