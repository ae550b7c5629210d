import { readFileSync, writeFileSync } from 'node:fs';
import { mergeProgress } from '../progress/attempts.js';
import { ProgressFileError, parseProgress } from '../progress/store.js';
import { parseArgs } from './args.js';
import { openStore } from './context.js';
import { UsageError, type CommandIO } from './io.js';

export const PROGRESS_USAGE = 'awslab progress [--json] | awslab progress export [--out FILE] | awslab progress import FILE';

/** Shows the learner's progress, or moves it between machines (export / import). */
export async function progressCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'export') return exportProgress(rest, io);
  if (sub === 'import') return importProgress(rest, io);
  const args = parseArgs(argv, { booleans: ['json'] });
  if (args.positional.length) throw new UsageError(`unknown progress command '${args.positional[0]}' (usage: ${PROGRESS_USAGE})`);
  const store = openStore(io);
  const data = store.read();
  if (args.booleans.has('json')) {
    io.stdout(`${JSON.stringify(data, null, 2)}\n`);
    return 0;
  }
  const labs = Object.entries(data.labs);
  const done = labs.filter(([, l]) => l.completedAt).length;
  io.stdout(`${data.profile.name}: ${done} lab${done === 1 ? '' : 's'} completed, ${labs.length} started. Progress file: ${store.path}\n`);
  for (const [id, lab] of labs.sort(([a], [b]) => a.localeCompare(b))) {
    const last = lab.attempts[lab.attempts.length - 1];
    io.stdout(`  ${lab.completedAt ? '✔ done       ' : '… in progress'}  ${id}  best ${lab.bestScore}/${lab.maxScore}  ${lab.attempts.length} attempt${lab.attempts.length === 1 ? '' : 's'}${last ? `, last ${last.updatedAt.slice(0, 10)}` : ''}\n`);
  }
  return 0;
}

function exportProgress(argv: readonly string[], io: CommandIO): number {
  const args = parseArgs(argv, { values: ['out'] });
  if (args.positional.length) throw new UsageError(`progress export takes no arguments (usage: ${PROGRESS_USAGE})`);
  const text = `${JSON.stringify(openStore(io).read(), null, 2)}\n`;
  if (args.values.out) {
    writeFileSync(args.values.out, text);
    io.stderr(`Progress written to ${args.values.out}. On the other machine: awslab progress import ${args.values.out}\n`);
  } else io.stdout(text);
  return 0;
}

function importProgress(argv: readonly string[], io: CommandIO): number {
  const args = parseArgs(argv, {});
  if (args.positional.length !== 1) throw new UsageError(`progress import takes one FILE (usage: ${PROGRESS_USAGE})`);
  const file = args.positional[0]!;
  let incoming;
  try {
    incoming = parseProgress(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if (error instanceof ProgressFileError || (error as NodeJS.ErrnoException).code) {
      io.stderr(`awslab: cannot import ${file}: ${(error as Error).message}. Your progress was not changed.\n`);
      return 1;
    }
    throw error;
  }
  let added = 0;
  openStore(io).update((data) => void (added = mergeProgress(data, incoming).attempts));
  io.stdout(`Imported ${added} new attempt${added === 1 ? '' : 's'} from ${file}.\n`);
  return 0;
}
