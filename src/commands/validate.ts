import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DataFileErrors, type DataFileError } from '../data/yaml-file.js';
import { LAB_FILE, loadLab } from '../lab/catalog.js';
import { proveLab } from '../lab/prove.js';
import { UsageError, type CommandIO } from './io.js';

export const VALIDATE_USAGE = 'awslab validate PATH...';

type Kind = 'lab' | 'quiz';

/** What a path names: a lab folder, a lab file, a quiz bank, or a folder of those. */
function collect(path: string): Array<{ kind: Kind; path: string }> {
  if (!existsSync(path)) throw new UsageError(`${path}: no such file or folder`);
  if (statSync(path).isDirectory()) {
    if (existsSync(join(path, LAB_FILE))) return [{ kind: 'lab', path }];
    const found = readdirSync(path).sort().flatMap((name): Array<{ kind: Kind; path: string }> => {
      const child = join(path, name);
      if (statSync(child).isDirectory()) return existsSync(join(child, LAB_FILE)) ? [{ kind: 'lab', path: child }] : [];
      return /\.ya?ml$/.test(name) ? [{ kind: 'quiz', path: child }] : [];
    });
    if (found.length === 0) throw new UsageError(`${path}: no lab folders (holding ${LAB_FILE}) or quiz banks (*.yaml) in it`);
    return found;
  }
  return [{ kind: basename(path) === LAB_FILE ? 'lab' : 'quiz', path }];
}

/**
 * Checks lab and quiz files. For a lab it also proves that a fresh attempt scores 0 and the
 * reference solution full marks. Prints file:line:col: message for each problem; exit 1 on any.
 */
export async function validateCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  if (argv.length === 0) throw new UsageError('validate needs at least one PATH (a lab folder, a lab.yaml, a quiz bank, or a folder of them)');
  const targets = argv.flatMap(collect);
  let bad = 0;
  for (const target of targets.filter((t) => t.kind === 'lab')) {
    const problems = validateLab(target.path, io);
    if (problems.length) bad++;
    for (const p of problems) io.stderr(`${p.message}\n`);
  }
  const quizPaths = targets.filter((t) => t.kind === 'quiz').map((t) => t.path);
  if (quizPaths.length) {
    // Banks are checked together: question ids and texts must be unique across all of them.
    const { validateQuizFiles } = await import('../quiz/banks.js');
    const problems = validateQuizFiles(quizPaths);
    const badFiles = new Set(problems.map((p) => resolve(p.file)));
    bad += badFiles.size;
    for (const p of problems) io.stderr(`${p.message}\n`);
    for (const path of quizPaths) if (!badFiles.has(resolve(path))) io.stdout(`ok ${path}\n`);
  }
  io.stdout(`${targets.length - bad} of ${targets.length} file${targets.length === 1 ? '' : 's'} valid\n`);
  return bad ? 1 : 0;
}

function validateLab(path: string, io: CommandIO): DataFileError[] {
  try {
    const entry = loadLab(path);
    const proof = proveLab(entry);
    if (proof.problems.length === 0 && proof.solved && proof.empty) {
      io.stdout(`ok ${entry.lab.id}: a fresh attempt scores ${proof.empty.score}/${proof.empty.maxScore}, the reference solution ${proof.solved.score}/${proof.solved.maxScore}\n`);
    }
    return proof.problems;
  } catch (error) {
    if (error instanceof DataFileErrors) return [...error.errors];
    throw error;
  }
}
