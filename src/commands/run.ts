import { splitScript, ScriptError } from '../console/script.js';
import { formatGrade, gradeSession } from '../lab/grade.js';
import { LabSession } from '../lab/session.js';
import { parseArgs, parseSeed } from './args.js';
import { AttemptRecorder } from '../app/attempt.js';
import { learnerSeed, loadLabOrReport, openStore } from './context.js';
import { UsageError, type CommandIO } from './io.js';
import { readScript } from './sandbox.js';

export const RUN_USAGE = 'awslab run LAB [--script FILE|-] [--json] [--seed N] [--no-save]';

/**
 * A lab without the app: setup, the script's lines (with the lab's events on the way), then
 * the grade. Exit 0 only when every task passed: this is what an autograder calls.
 */
export async function runCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const args = parseArgs(argv, { values: ['script', 'seed'], booleans: ['json', 'no-save'] });
  if (args.positional.length !== 1) throw new UsageError(`run takes one LAB, got ${args.positional.length}`);
  const entry = loadLabOrReport(args.positional[0]!, io);
  if (!entry) return 2;
  const save = !args.booleans.has('no-save');
  const store = save || args.values.seed === undefined ? openStore(io) : undefined;
  const seed = parseSeed(args.values.seed, store ? learnerSeed(store) : 1);
  const json = args.booleans.has('json');
  let text: string;
  try {
    text = await readScript(args.values.script ?? '-', io);
  } catch (error) {
    if (error instanceof ScriptError) {
      io.stderr(`awslab: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const start = performance.now();
  const session = new LabSession(entry.lab, { seed });
  const recorder = save && store ? new AttemptRecorder(store, entry, session) : undefined;
  if (!json) io.stdout(`# ${session.lab.title}\n`);
  for (const { text: line } of splitScript(text)) {
    const { result, messages } = session.run(line);
    if (json) {
      io.stdout(`${JSON.stringify({ line, exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, ...(messages.length ? { messages } : {}) })}\n`);
    } else {
      if (result.stdout) io.stdout(result.stdout);
      if (result.stderr) io.stderr(result.stderr);
      for (const m of messages) io.stdout(`${m.kind === 'passed' ? '✔' : '»'} ${m.text}\n`);
    }
  }
  const grade = gradeSession(session);
  recorder?.save(true);
  const realMs = Math.round(performance.now() - start);
  if (json) io.stdout(`${JSON.stringify({ grade: { ...grade, realMs } })}\n`);
  else io.stdout(`\n${formatGrade(grade, session.lab.title)}`);
  return grade.passed ? 0 : 1;
}
