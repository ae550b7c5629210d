import type { ConsoleResult } from '../../console/command.js';
import type { LabSession } from '../session.js';
import { matching, text, type LabCommand } from './lab-command.js';

function hint(args: string[], session: LabSession): ConsoleResult {
  const { tasks } = session.lab;
  const take = args[0] === 'take';
  const id = take ? args[1] : args[0];
  const task = id ? tasks.find((t) => t.id === id) : session.currentTask;
  if (id && !task) return { exitCode: 2, stdout: '', stderr: `hint: no task '${id}' (tasks: ${tasks.map((t) => t.id).join(', ')})\n` };
  if (!task) return text('Every task has passed: no hints needed.\n');
  const state = session.taskState(task.id);
  const next = task.hints[state.hintsTaken];
  const shown = task.hints.slice(0, state.hintsTaken).map((h, i) => `  Hint ${i + 1}: ${h.text}\n`).join('');
  if (!next) return text(`${shown}No more hints for "${task.title}".\n`);
  const cost = state.passed ? 0 : next.cost;
  if (!take) {
    const which = id ? ` ${task.id}` : '';
    return text(`${shown}Hint ${state.hintsTaken + 1} of ${task.hints.length} for "${task.title}" costs ${cost} point${cost === 1 ? '' : 's'}. Type: hint take${which}\n`);
  }
  session.chargeHint(task.id, cost);
  const note = next.note ? `\n  Read: notes ${next.note}` : '';
  return text(`Hint ${state.hintsTaken} for "${task.title}" (-${cost}): ${next.text}${note}\n`);
}

export const hintCommand: LabCommand = {
  name: 'hint',
  usage: 'hint [take] [TASK]',
  summary: 'hint shows what the next hint costs; hint take shows it',
  run: hint,
  complete({ args, partial }, session) {
    const ids = session.lab.tasks.map((t) => t.id);
    if (args.length === 0) return matching(['take', ...ids], partial);
    return args.length === 1 && args[0] === 'take' ? matching(ids, partial) : [];
  },
};
