import { writeFileSync } from 'node:fs';
import { latestAttempt } from '../progress/attempts.js';
import { createSubmission } from '../lab/submission.js';
import { parseArgs } from './args.js';
import { loadLabOrReport, openStore } from './context.js';
import { UsageError, type CommandIO } from './io.js';

export const SUBMIT_USAGE = 'awslab submit LAB [--out FILE]';

/** Writes the learner's latest attempt at a lab as a submission file for an instructor. */
export async function submitCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const args = parseArgs(argv, { values: ['out'] });
  if (args.positional.length !== 1) throw new UsageError(`submit takes one LAB (usage: ${SUBMIT_USAGE})`);
  const entry = loadLabOrReport(args.positional[0]!, io);
  if (!entry) return 2;
  const data = openStore(io).read();
  const attempt = latestAttempt(data, entry.lab.id);
  if (!attempt) {
    io.stderr(`awslab: you have no attempt at ${entry.lab.id} yet: do the lab (awslab, or awslab run ${entry.lab.id}) first\n`);
    return 1;
  }
  if (attempt.labSha256 !== entry.sha256) io.stderr(`awslab: warning: your last attempt was made on an earlier version of ${entry.lab.id}; an instructor grading with the current lab will reject it\n`);
  const submission = createSubmission(
    { lab: { id: entry.lab.id, sha256: attempt.labSha256 }, learner: data.profile.name, seed: attempt.seed, awslabVersion: attempt.awslabVersion, createdAt: new Date().toISOString() },
    attempt.transcript.map((t) => t.line),
  );
  const out = args.values.out ?? `${entry.lab.id}-${data.profile.name.replace(/[^A-Za-z0-9._-]+/g, '_')}.submission.json`;
  writeFileSync(out, `${JSON.stringify(submission, null, 2)}\n`);
  io.stdout(`Wrote ${out}: ${submission.lines.length} lines, score ${attempt.score}/${attempt.maxScore} when you ran it. Hand this file to your instructor.\n`);
  return 0;
}
