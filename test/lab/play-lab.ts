import { expect } from 'vitest';
import { builtInLabsDir, labFolders, loadLab } from '../../src/lab/catalog.js';
import { gradeSession, type Grade } from '../../src/lab/grade.js';
import { LabSession } from '../../src/lab/session.js';

const labs = labFolders(builtInLabsDir()).map(loadLab);

/**
 * Plays a shipped lab as a learner would: every line filled with the attempt's templates and
 * required to succeed, then graded. The session is returned for a look at the world after.
 */
export function playLab(id: string, lines: readonly string[], seed = 7): { grade: Grade; session: LabSession } {
  const entry = labs.find((l) => l.lab.id === id);
  if (!entry) throw new Error(`no shipped lab ${id}`);
  const session = new LabSession(entry.lab, { seed });
  for (const line of lines) {
    const { result } = session.run(session.fill(line));
    expect(result.exitCode, `${line}\n${result.stderr}`).toBe(0);
  }
  return { grade: gradeSession(session), session };
}

/** Points per task id: what a right, a partial and a wrong attempt are compared by. */
export const pointsByTask = (grade: Grade) => Object.fromEntries(grade.tasks.map((t) => [t.id, t.points]));

/** Why a task passed or failed, as the learner is told. */
export const whyOf = (grade: Grade, task: string) => grade.tasks.find((t) => t.id === task)!.why;
