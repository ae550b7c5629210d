import { DataFileErrors } from '../data/yaml-file.js';
import { builtInLabsDir, labFolders, loadLab } from '../lab/catalog.js';
import { labStatus } from '../progress/attempts.js';
import { parseArgs } from './args.js';
import { openStore } from './context.js';
import { UsageError, type CommandIO } from './io.js';

/** `awslab labs [--json]`: the labs that ship with awslab, with the learner's progress in each. */
export async function labsCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const args = parseArgs(argv, { booleans: ['json'] });
  if (args.positional.length) throw new UsageError(`labs takes no arguments, got '${args.positional[0]}'`);
  const data = openStore(io).read();
  const rows = [];
  for (const dir of labFolders(builtInLabsDir())) {
    try {
      const { lab } = loadLab(dir);
      const progress = data.labs[lab.id];
      rows.push({
        id: lab.id,
        title: lab.title,
        level: lab.level,
        minutes: lab.minutes,
        topics: lab.topics,
        status: labStatus(data, lab.id),
        bestScore: progress?.bestScore ?? 0,
        maxScore: lab.tasks.reduce((sum, t) => sum + t.points, 0),
        attempts: progress?.attempts.length ?? 0,
      });
    } catch (error) {
      if (!(error instanceof DataFileErrors)) throw error;
      io.stderr(`awslab: skipping a broken lab: ${error.errors[0]!.message}\n`);
    }
  }
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
