import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { ConsoleRunner, type ConsoleResult } from '../console/console-runner.js';
import { decodeScript, splitScript, ScriptError } from '../console/script.js';
import { DEFAULT_REGION, createWorld, isKnownRegion, REGIONS } from '../runtime/index.js';
import { parseArgs, parseSeed } from './args.js';
import { UsageError, type CommandIO } from './io.js';

export const SANDBOX_USAGE = 'awslab sandbox [--script FILE|-] [--json] [--seed N] [--region R]';

/**
 * Free play against a fresh simulated account: console lines from a script, from piped
 * stdin, or typed at a prompt. Bad lines print their error and the run goes on; the exit
 * code is 0 when every line succeeded and 1 otherwise.
 */
export async function sandboxCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const args = parseArgs(argv, { values: ['script', 'seed', 'region'], booleans: ['json'] });
  if (args.positional.length) throw new UsageError(`unexpected argument '${args.positional[0]}'`);
  const region = args.values.region ?? DEFAULT_REGION;
  if (!isKnownRegion(region)) throw new UsageError(`--region must be one of ${REGIONS.map((r) => r.name).join(', ')}; got '${region}'`);
  const world = createWorld({ seed: parseSeed(args.values.seed, 1) });
  const console = new ConsoleRunner({ world, region });
  const json = args.booleans.has('json');

  const script = args.values.script;
  if (script === undefined && io.stdinIsTTY && !json) return interactive(console, io);
  let text: string;
  try {
    text = await readScript(script ?? '-', io);
  } catch (error) {
    if (error instanceof ScriptError) {
      io.stderr(`awslab: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  let failed = false;
  for (const { text: line } of splitScript(text)) {
    const result = console.run(line);
    failed ||= result.exitCode !== 0;
    emit(io, line, result, json);
  }
  return failed ? 1 : 0;
}

export async function readScript(path: string, io: CommandIO): Promise<string> {
  if (path === '-') return decodeScript(Buffer.from(await io.readStdin(), 'utf8'), 'standard input');
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : String((error as Error).message);
    throw new ScriptError(`cannot read script '${path}': ${why}`);
  }
  return decodeScript(bytes, `'${path}'`);
}

function emit(io: CommandIO, line: string, result: ConsoleResult, json: boolean): void {
  if (json) {
    io.stdout(`${JSON.stringify({ line, exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr })}\n`);
    return;
  }
  if (result.stdout) io.stdout(result.stdout);
  if (result.stderr) io.stderr(result.stderr);
}

async function interactive(console: ConsoleRunner, io: CommandIO): Promise<number> {
  io.stdout('awslab sandbox: a fresh simulated AWS account. Type aws commands, help for the others, exit to leave.\n');
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: `sandbox:${console.region} $ ` });
  rl.prompt();
  for await (const line of rl) {
    if (['exit', 'quit'].includes(line.trim())) break;
    emit(io, line, console.run(line), false);
    rl.prompt();
  }
  rl.close();
  return 0;
}
