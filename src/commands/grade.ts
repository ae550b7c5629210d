import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LabEntry } from '../lab/catalog.js';
import { replaySubmission, type ReplayOptions, type ReplayResult } from '../lab/replay.js';
import { parseArgs } from './args.js';
import { loadLabOrReport } from './context.js';
import { classReport, summaryLine } from './grade-class.js';
import { writeFeedback } from './grade-feedback.js';
import { GRADE_FORMATS, toCsv, toGradescope, toJson, toJunit, toTable, type GradeFormat } from './grade-formats.js';
import { readRoster, RosterError, type RosterEntry } from './grade-roster.js';
import { gradeSources, readSubmission, type GradeJob } from './grade-sources.js';
import { UsageError, type CommandIO } from './io.js';

export const GRADE_USAGE = `awslab grade LAB SUBMISSION|FOLDER|PATTERN... [--format ${GRADE_FORMATS.join('|')}] [--out FILE] [--roster FILE] [--feedback DIR] [--allow-lab-change] [--jobs N]`;

/** Replays every submission, in worker threads when there are several and cores to spare. */
export async function gradeAll(entry: LabEntry, jobs: GradeJob[], workers: number, options: ReplayOptions = {}): Promise<ReplayResult[]> {
  const results: ReplayResult[] = new Array(jobs.length);
  const pending: number[] = [];
  jobs.forEach((job, i) => {
    if (job.text === undefined) results[i] = { ok: false, source: job.source, error: job.error!, status: job.status ?? 'unreadable' };
    else pending.push(i);
  });
  if (workers <= 1 || pending.length < 2) {
    for (const i of pending) results[i] = replaySubmission(entry, jobs[i]!.text!, jobs[i]!.source, options);
    return results;
  }
  const url = new URL('./grade-worker.js', import.meta.url);
  const pool = Array.from({ length: Math.min(workers, pending.length) }, () => new Worker(url, { workerData: { labPath: entry.dir, options } }));
  let next = 0;
  await Promise.all(pool.map((worker) => new Promise<void>((done, fail) => {
    const send = () => {
      if (next >= pending.length) return void worker.terminate().then(() => done());
      const index = pending[next++]!;
      worker.postMessage({ index, text: jobs[index]!.text, source: jobs[index]!.source });
    };
    worker.on('message', (m: { index: number; result: ReplayResult }) => {
      results[m.index] = m.result;
      send();
    });
    worker.on('error', fail);
    send();
  })));
  return results;
}

function writeProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such folder'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : code === 'EISDIR' ? 'it is a folder'
        : code === 'ENOTDIR' || code === 'EEXIST' ? 'a file stands where a folder should be'
          : (error as Error).message;
}

/** Replays and grades submissions; the grade comes from the replay, never from the file. */
export async function gradeCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'out', 'jobs', 'roster', 'feedback'], booleans: ['allow-lab-change'] });
  const [labArg, ...sourceArgs] = args.positional;
  if (!labArg || sourceArgs.length === 0) throw new UsageError(`grade needs a LAB and at least one SUBMISSION, folder or pattern (usage: ${GRADE_USAGE})`);
  const format = (args.values.format ?? 'table') as GradeFormat;
  if (!GRADE_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${GRADE_FORMATS.join(', ')}; got '${format}'`);
  const jobsFlag = args.values.jobs;
  if (jobsFlag !== undefined && !/^[1-9]\d*$/.test(jobsFlag)) throw new UsageError(`--jobs must be a whole number of at least 1; got '${jobsFlag}'`);
  const { files, unmatched } = gradeSources(sourceArgs);
  if (unmatched.length) throw new UsageError(`no submission files match ${unmatched.map((u) => `'${u}'`).join(', ')} (a folder is searched for .json files)`);
  if (format === 'gradescope' && files.length !== 1) throw new UsageError(`--format gradescope grades one submission: Gradescope runs the autograder once per submission (found ${files.length})`);
  let roster: RosterEntry[] | undefined;
  try {
    roster = args.values.roster === undefined ? undefined : readRoster(args.values.roster);
  } catch (error) {
    if (error instanceof RosterError) throw new UsageError(error.message);
    throw error;
  }
  const entry = loadLabOrReport(labArg, io);
  if (!entry) return 2;
  const workers = jobsFlag ? Number(jobsFlag) : availableParallelism();
  const results = await gradeAll(entry, files.map(readSubmission), workers, { allowLabChange: args.booleans.has('allow-lab-change') });
  const report = classReport(entry.lab, results, roster);
  const text = format === 'json' ? toJson(report)
    : format === 'csv' ? toCsv(report)
      : format === 'junit' ? toJunit(report)
        : format === 'gradescope' ? toGradescope(results[0]!)
          : toTable(report);
  let out = args.values.out;
  if (out !== undefined) {
    try {
      writeFileSync(out, text);
    } catch (error) {
      // The replays are done: print the report rather than lose it to a bad path.
      io.stderr(`awslab: cannot write ${out} (${writeProblem(error)}); the report follows on standard output\n`);
      out = undefined;
    }
  }
  if (out === undefined) io.stdout(text);
  // The table explains failed files and warnings itself; any other output is for a machine, so
  // the person running the command hears about them once, on stderr.
  if (out !== undefined || format !== 'table') {
    for (const r of results) if (!r.ok) io.stderr(`awslab: ${r.error}\n`);
    for (const w of report.warnings) io.stderr(`awslab: warning: ${w}\n`);
  }
  if (args.values.feedback !== undefined) {
    try {
      const written = writeFeedback(args.values.feedback, report);
      io.stderr(`awslab: wrote ${written.length} feedback file${written.length === 1 ? '' : 's'} to ${args.values.feedback}\n`);
    } catch (error) {
      io.stderr(`awslab: cannot write feedback to ${args.values.feedback} (${writeProblem(error)}); the grades above are unaffected\n`);
      return 1;
    }
  }
  if (out !== undefined) io.stderr(`awslab: wrote ${out}: ${summaryLine(report)}\n`);
  return results.every((r) => r.ok) ? 0 : 1;
}
