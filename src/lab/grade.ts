import type { Lab } from './lab-file.js';
import type { LabSession } from './session.js';

/** The points a lab is out of: every task's points, before hints. */
export function maxScore(lab: Pick<Lab, 'tasks'>): number {
  return lab.tasks.reduce((sum, t) => sum + t.points, 0);
}

export interface TaskGrade {
  id: string;
  title: string;
  passed: boolean;
  /** Points earned: the task's points less the hints taken, never below zero; zero when not passed. */
  points: number;
  maxPoints: number;
  hintsUsed: number;
  hintCost: number;
  why: string;
  note?: string;
}

export interface Grade {
  labId: string;
  passed: boolean;
  score: number;
  maxScore: number;
  tasks: TaskGrade[];
  /** Virtual time from the end of setup to the last line. */
  virtualMs: number;
  lines: number;
}

export function gradeSession(session: LabSession): Grade {
  session.check();
  const tasks = session.lab.tasks.map((task): TaskGrade => {
    const state = session.taskState(task.id);
    const note = state.outcome.note ?? task.note;
    return {
      id: task.id,
      title: task.title,
      passed: state.passed,
      points: state.passed ? Math.max(0, task.points - state.hintCost) : 0,
      maxPoints: task.points,
      hintsUsed: state.hintsTaken,
      hintCost: state.hintCost,
      why: state.outcome.why,
      ...(note ? { note } : {}),
    };
  });
  return {
    labId: session.lab.id,
    passed: tasks.every((t) => t.passed),
    score: tasks.reduce((sum, t) => sum + t.points, 0),
    maxScore: maxScore(session.lab),
    tasks,
    virtualMs: session.world.nowMs - session.startMs,
    lines: session.transcript.length,
  };
}

/** The grade as a person reads it in a terminal: a line per task with a glyph and a word, never colour alone. */
export function formatGrade(grade: Grade, title: string): string {
  const rows = grade.tasks.map((t) => {
    const mark = t.passed ? '✔ passed' : '✘ failed';
    const hints = t.hintsUsed ? `, ${t.hintsUsed} hint${t.hintsUsed === 1 ? '' : 's'} -${t.hintCost}` : '';
    return `  ${mark}  ${t.title}  ${t.points}/${t.maxPoints}${hints}${t.passed ? '' : `\n            ${t.why}${t.note ? ` (read: notes ${t.note})` : ''}`}`;
  });
  return `${title}: ${grade.score}/${grade.maxScore} ${grade.passed ? '(all tasks passed)' : '(not all tasks passed)'}\n${rows.join('\n')}\n`;
}
