import { labRows, loadCatalog } from '../app/lab-catalog.js';
import { parseArgs } from './args.js';
import { openStore } from './context.js';
import { UsageError, type CommandIO } from './io.js';

/** `awslab labs [--json]`: the labs that ship with awslab, with the learner's progress in each. */
export async function labsCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const args = parseArgs(argv, { booleans: ['json'] });
  if (args.positional.length) throw new UsageError(`labs takes no arguments, got '${args.positional[0]}'`);
  const data = openStore(io).read();
  const catalog = loadCatalog();
  for (const error of catalog.errors) io.stderr(`awslab: ${error}\n`);
  const rows = labRows(catalog.entries, data).map((r) => ({
    id: r.id,
    title: r.title,
    level: r.level,
    minutes: r.minutes,
    topics: r.topics,
    status: r.status,
    bestScore: r.bestScore,
    maxScore: r.maxScore,
    attempts: r.attempts,
  }));
  if (args.booleans.has('json')) {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const header = ['LAB', 'LEVEL', 'MIN', 'STATUS', 'BEST', 'TITLE'];
  const table = rows.map((r) => [r.id, r.level, String(r.minutes), r.status, `${r.bestScore}/${r.maxScore}`, r.title]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  for (const row of [header, ...table]) io.stdout(`${row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join('  ')}\n`);
  return 0;
}
