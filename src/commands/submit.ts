import { writeFileSync } from 'node:fs';
import { createSubmission } from '../lab/submission.js';
import type { Attempt } from '../progress/schema.js';
import { parseArgs } from './args.js';
import { loadLabOrReport, openStore } from './context.js';
import { UsageError, type CommandIO } from './io.js';

export const SUBMIT_USAGE = 'awslab submit LAB [--out FILE] [--attempt N] [--list] [--name NAME] [--id ID]';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A lab's attempts oldest first, numbered from 1 as `--attempt` counts them. */
function numbered(attempts: readonly Attempt[]): Attempt[] {
  return [...attempts].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
}

/**
 * The attempt to hand in when the learner names none: the best finished one (latest on a tie),
 * or, with none finished, the best there is. Never simply the latest: reopening a finished lab
 * and typing one line must not replace a full-marks attempt.
 */
export function chooseAttempt(attempts: readonly Attempt[]): Attempt | undefined {
  const pool = attempts.some((a) => a.finishedAt) ? attempts.filter((a) => a.finishedAt) : attempts;
  return [...pool].sort((a, b) => a.score - b.score || a.updatedAt.localeCompare(b.updatedAt)).pop();
}

function describe(attempt: Attempt, n: number): string {
  const state = attempt.finishedAt ? `finished ${attempt.finishedAt.slice(0, 16).replace('T', ' ')}` : `unfinished, last line ${attempt.updatedAt.slice(0, 16).replace('T', ' ')}`;
  return `attempt ${n}: ${attempt.score}/${attempt.maxScore}, ${plural(attempt.transcript.length, 'line')}, ${state}`;
}

/** Writes one of the learner's attempts at a lab as a submission file for an instructor. */
export async function submitCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const args = parseArgs(argv, { values: ['out', 'attempt', 'name', 'id'], booleans: ['list'] });
  if (args.positional.length !== 1) throw new UsageError(`submit takes one LAB (usage: ${SUBMIT_USAGE})`);
  const chosen = args.values.attempt;
  if (chosen !== undefined && !/^[1-9]\d*$/.test(chosen)) throw new UsageError(`--attempt must be an attempt number from awslab submit LAB --list; got '${chosen}'`);
  for (const flag of ['name', 'id'] as const) {
    const value = args.values[flag];
    if (value !== undefined && value.trim() === '') throw new UsageError(`--${flag} needs a value that is not blank`);
  }
  const entry = loadLabOrReport(args.positional[0]!, io);
  if (!entry) return 2;
  const store = openStore(io);
  const data = store.read();
  const attempts = numbered(data.labs[entry.lab.id]?.attempts ?? []);
  if (attempts.length === 0) {
    io.stderr(`awslab: you have no attempt at ${entry.lab.id} yet: do the lab (awslab, or awslab run ${entry.lab.id}) first\n`);
    return 1;
  }
  if (args.booleans.has('list')) {
    io.stdout(`${entry.lab.title} (${entry.lab.id}): ${plural(attempts.length, 'attempt')}\n${attempts.map((a, i) => `  ${describe(a, i + 1)}\n`).join('')}`);
    return 0;
  }
  const attempt = chosen === undefined ? chooseAttempt(attempts)! : attempts[Number(chosen) - 1];
  if (!attempt) {
    io.stderr(`awslab: there is no attempt ${chosen}: you have ${plural(attempts.length, 'attempt')} at ${entry.lab.id} (awslab submit ${entry.lab.id} --list shows them)\n`);
    return 1;
  }
  const n = attempts.indexOf(attempt) + 1;
  // A name or id given here is the learner's from now on: asked once, not at every submission.
  const name = args.values.name?.trim();
  const id = args.values.id?.trim();
  const profile = name !== undefined || id !== undefined
    ? store.update((d) => {
      if (name !== undefined) d.profile.name = name;
      if (id !== undefined) d.profile.learnerId = id;
      d.profile.nameConfirmed = true;
    }).profile
    : data.profile;
  if (attempt.labSha256 !== entry.sha256) io.stderr(`awslab: warning: attempt ${n} was made on an earlier version of ${entry.lab.id}; an instructor grading with the current lab may reject it\n`);
  const submission = createSubmission(
    { lab: { id: entry.lab.id, sha256: attempt.labSha256, ...(attempt.labParts ? { parts: attempt.labParts } : {}) }, learner: profile.name, ...(profile.learnerId ? { learnerId: profile.learnerId } : {}), seed: attempt.seed, awslabVersion: attempt.awslabVersion, createdAt: new Date().toISOString() },
    attempt.transcript.map((t) => t.line),
  );
  const out = args.values.out ?? `${entry.lab.id}-${profile.name.replace(/[^A-Za-z0-9._-]+/g, '_')}.submission.json`;
  writeFileSync(out, `${JSON.stringify(submission, null, 2)}\n`);
  const why = chosen !== undefined ? 'the one you chose'
    : attempts.length === 1 ? 'your only attempt'
      : attempt.finishedAt ? `your best finished attempt of ${attempts.length}` : `your best of ${attempts.length}; none is finished`;
  const other = attempts.length > 1 && chosen === undefined ? ` (--attempt N hands in another; --list shows them)` : '';
  io.stdout(`Wrote ${out} for ${profile.name}${profile.learnerId ? ` (${profile.learnerId})` : ''}: ${describe(attempt, n)}, ${why}${other}.\nHand this file to your instructor.\n`);
  if (!profile.nameConfirmed) io.stderr(`awslab: the file names you "${profile.name}"; if your instructor knows you by another name or a student id, run again with --name "Your Name" --id ID (it is remembered)\n`);
  return 0;
}
