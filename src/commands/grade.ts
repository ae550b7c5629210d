import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LabEntry } from '../lab/catalog.js';
import { DEFAULT_REPLAY_LIMIT_MS, replaySubmission, type ReplayResult } from '../lab/replay.js';
import { MAX_SUBMISSION_BYTES } from '../lab/submission.js';
import { parseArgs } from './args.js';
import { loadLabOrReport } from './context.js';
import { GRADE_FORMATS, toCsv, toGradescope, toJunit, toTable, type GradeFormat } from './grade-formats.js';
import { UsageError, type CommandIO } from './io.js';

export const GRADE_USAGE = `awslab grade LAB SUBMISSION... [--format ${GRADE_FORMATS.join('|')}] [--out FILE] [--jobs N]`;

interface Job {
  source: string;
  text?: string;
  error?: string;
}

function readSubmission(source: string): Job {
  try {
    const size = statSync(source).size;
    if (size > MAX_SUBMISSION_BYTES) return { source, error: `${source} is ${size} bytes; a submission may be at most ${MAX_SUBMISSION_BYTES} bytes` };
    return { source, text: readFileSync(source, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { source, error: `${source}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (error as Error).message}` };
  }
}

/** Replays every submission, in worker threads when there are several and cores to spare. */
export async function gradeAll(entry: LabEntry, jobs: Job[], workers: number, limitMs = DEFAULT_REPLAY_LIMIT_MS): Promise<ReplayResult[]> {
  const results: ReplayResult[] = new Array(jobs.length);
  const pending: number[] = [];
  jobs.forEach((job, i) => {
    if (job.text === undefined) results[i] = { ok: false, source: job.source, error: job.error! };
    else pending.push(i);
  });
  if (workers <= 1 || pending.length < 2) {
    for (const i of pending) results[i] = replaySubmission(entry, jobs[i]!.text!, jobs[i]!.source, limitMs);
    return results;
  }
  const url = new URL('./grade-worker.js', import.meta.url);
  const pool = Array.from({ length: Math.min(workers, pending.length) }, () => new Worker(url, { workerData: { labPath: entry.dir, limitMs } }));
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

/** Replays and grades submissions; the grade comes from the replay, never from the file. */
export async function gradeCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'out', 'jobs'] });
  const [labArg, ...sources] = args.positional;
  if (!labArg || sources.length === 0) throw new UsageError(`grade needs a LAB and at least one SUBMISSION (usage: ${GRADE_USAGE})`);
  const format = (args.values.format ?? 'table') as GradeFormat;
  if (!GRADE_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${GRADE_FORMATS.join(', ')}; got '${format}'`);
  if (format === 'gradescope' && sources.length !== 1) throw new UsageError('--format gradescope grades one submission: Gradescope runs the autograder once per submission');
  const jobsFlag = args.values.jobs;
  if (jobsFlag !== undefined && !/^[1-9]\d*$/.test(jobsFlag)) throw new UsageError(`--jobs must be a whole number of at least 1; got '${jobsFlag}'`);
  const entry = loadLabOrReport(labArg, io);
  if (!entry) return 2;
  const workers = jobsFlag ? Number(jobsFlag) : availableParallelism();
  const results = await gradeAll(entry, sources.map(readSubmission), workers);
  const lab = entry.lab;
  const text = format === 'json' ? `${JSON.stringify(results, null, 2)}\n`
    : format === 'csv' ? toCsv(lab, results)
      : format === 'junit' ? toJunit(lab, results)
        : format === 'gradescope' ? toGradescope(results[0]!)
          : toTable(lab, results);
  if (args.values.out) writeFileSync(args.values.out, text);
  else io.stdout(text);
  for (const r of results) if (!r.ok) io.stderr(`awslab: ${r.error}\n`);
  return results.every((r) => r.ok) ? 0 : 1;
}
