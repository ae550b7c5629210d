import { proveCheck, type ProofTrial } from './checks/index.js';
import type { LabEntry } from './catalog.js';
import { DataFileError } from '../data/yaml-file.js';
import { gradeSession, type Grade } from './grade.js';
import { LabSession, LabSetupError } from './session.js';
import { splitScript } from '../console/script.js';

export interface Proof {
  problems: DataFileError[];
  empty?: Grade;
  solved?: Grade;
}

/** A fresh attempt in which a check kind may try a line and see the operations it called. */
function trialOf(entry: LabEntry, seed: number): ProofTrial {
  const session = new LabSession(entry.lab, { seed });
  return {
    run(line) {
      const before = session.world.activity.length;
      const { exitCode, stderr } = session.run(line).result;
      return { exitCode, stderr, calls: session.world.activity.slice(before) };
    },
  };
}

/**
 * Proves a lab is sound the way rustlings proves its exercises: the setup runs, every check
 * passes its kind's own proof (an aws check calls a valid read-only operation), a fresh
 * attempt scores 0, and the reference solution scores full marks.
 */
export function proveLab(entry: LabEntry, seed = 20_251): Proof {
  const problems: DataFileError[] = [];
  const file = entry.lab.file;
  const fail = (line: number, column: number, reason: string) => problems.push(new DataFileError(file, line, column, reason));
  let empty: LabSession;
  try {
    empty = new LabSession(entry.lab, { seed });
  } catch (error) {
    if (error instanceof LabSetupError) {
      fail(1, 1, error.message.replace(`${file}: `, ''));
      return { problems };
    }
    throw error;
  }
  for (const task of empty.lab.tasks) {
    for (const problem of proveCheck(task.check, () => trialOf(entry, seed))) fail(task.checkAt.line, task.checkAt.column, `task ${task.id}: ${problem}`);
  }
  const emptyGrade = gradeSession(empty);
  if (emptyGrade.score !== 0) {
    for (const t of emptyGrade.tasks.filter((t) => t.passed)) {
      const task = empty.lab.tasks.find((x) => x.id === t.id)!;
      fail(task.checkAt.line, task.checkAt.column, `task ${t.id} passes before the learner does anything: its check must fail on a fresh attempt`);
    }
  }
  if (!entry.solution.trim()) {
    fail(1, 1, `no reference solution: write the solving console lines in ${entry.lab.solution} beside the lab file`);
    return { problems, empty: emptyGrade };
  }
  const solved = new LabSession(entry.lab, { seed });
  for (const { text } of splitScript(entry.solution)) solved.run(solved.fill(text));
  const solvedGrade = gradeSession(solved);
  for (const t of solvedGrade.tasks.filter((t) => t.points !== t.maxPoints)) {
    const task = solved.lab.tasks.find((x) => x.id === t.id)!;
    fail(task.checkAt.line, task.checkAt.column, `task ${t.id}: the reference solution (${entry.lab.solution}) does not earn full marks (${t.points}/${t.maxPoints}): ${t.why}`);
  }
  return { problems, empty: emptyGrade, solved: solvedGrade };
}
