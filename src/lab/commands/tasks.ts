import type { LabSession } from '../session.js';
import { text, type LabCommand } from './lab-command.js';

/** One line per task (and, with `withWhy`, what its check saw and the note to read). */
export function describeTasks(session: LabSession, withWhy: boolean): string {
  return session.lab.tasks.map((task, i) => {
    const state = session.taskState(task.id);
    const head = `${state.passed ? '[x] passed ' : '[ ] to do  '} ${i + 1}. ${task.title} (${task.points} points${state.hintCost ? `, hints -${state.hintCost}` : ''})`;
    if (!withWhy) return `${head}\n`;
    const note = state.outcome.note ?? task.note;
    return `${head}\n      ${state.outcome.why}${note && !state.passed ? `\n      Read: notes ${note}` : ''}\n`;
  }).join('');
}

export const tasksCommand: LabCommand = {
  name: 'tasks',
  usage: 'tasks',
  summary: 'list the tasks and whether each has passed',
  run: (_args, session) => text(describeTasks(session, false)),
};
