import { splitScript, ScriptError } from '../console/script.js';
import { createInterface } from 'node:readline';
import type { ConsoleResult } from '../console/console-runner.js';
import { formatGrade, gradeSession } from '../lab/grade.js';
import { LabSession, type LabMessage } from '../lab/session.js';
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
  if (args.values.script === undefined && io.stdinIsTTY && !json) {
    const session = new LabSession(entry.lab, { seed });
    return interactive(session, save && store ? new AttemptRecorder(store, entry, session) : undefined, io);
  }
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
      printStep(io, result, messages);
    }
  }
  const grade = gradeSession(session);
  recorder?.save(true);
  const realMs = Math.round(performance.now() - start);
  if (json) io.stdout(`${JSON.stringify({ grade: { ...grade, realMs } })}\n`);
  else io.stdout(`\n${formatGrade(grade, session.lab.title)}`);
  return grade.passed ? 0 : 1;
}

function printStep(io: CommandIO, result: ConsoleResult, messages: readonly LabMessage[]): void {
  if (result.stdout) io.stdout(result.stdout);
  if (result.stderr) io.stderr(result.stderr);
  for (const m of messages) io.stdout(`${m.kind === 'passed' ? '✔' : '»'} ${m.text}\n`);
}

/**
 * `awslab run LAB` at a terminal: the briefing and the tasks, then a prompt. The attempt is
 * saved after every line, as in the app; `exit` or Ctrl+D ends it with the grade.
 */
async function interactive(session: LabSession, recorder: AttemptRecorder | undefined, io: CommandIO): Promise<number> {
  const lab = session.lab;
  const tasks = lab.tasks.map((t, i) => `  ${i + 1}. ${t.title} (${t.points} points)\n`).join('');
  io.stdout(`# ${lab.title}\n\n${lab.briefing.trim()}\n\nTasks:\n${tasks}\nType aws commands and the lab's own (check, hint, tasks, undo, help). exit or Ctrl+D finishes with your grade.\n`);
  const input = io.stdin ?? process.stdin;
  const rl = createInterface({ input, output: io.stdin ? undefined : process.stdout, prompt: `${lab.id} $ `, terminal: !io.stdin });
  const prompt = () => (io.stdin ? io.stdout(`${lab.id} $ `) : rl.prompt());
  prompt();
  let announced = session.allPassed;
  for await (const line of rl) {
    if (['exit', 'quit'].includes(line.trim())) break;
    const { result, messages } = session.run(line);
    printStep(io, result, messages);
    recorder?.save();
    if (session.allPassed && !announced) {
      announced = true;
      io.stdout('Every task has passed. Type exit to see your grade, or keep exploring.\n');
    }
    prompt();
  }
  rl.close();
  const grade = gradeSession(session);
  recorder?.save(true);
  io.stdout(`\n${formatGrade(grade, lab.title)}`);
  return grade.passed ? 0 : 1;
}
