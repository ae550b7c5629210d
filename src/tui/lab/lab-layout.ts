/**
 * Where the lab screen's panes go for a window size. Wide windows put the task list beside
 * the console and the notes beside it too; narrower ones stack the task list above the
 * console and lay the notes over it (the prompt stays, so the learner can read and type).
 */
export const SIDE_TASKS_MIN_COLUMNS = 110;
export const NOTES_BESIDE_MIN_COLUMNS = 100;
const SIDE_TASKS_WIDTH = 34;
const MAX_TOP_TASKS = 6;

export interface LabLayout {
  tasks: { placement: 'side' | 'top'; width: number; height: number };
  /** The console's column: console (or notes over it), extras and the prompt. */
  column: { width: number; height: number };
  /** Width of the console when the notes are beside it. */
  consoleWidth: number;
  notes?: { placement: 'beside' | 'over'; width: number };
}

export function labLayout(width: number, height: number, taskCount: number, notesOpen: boolean): LabLayout {
  // With the notes open, the task list moves above the console unless the console keeps 60 columns.
  const side = width >= SIDE_TASKS_MIN_COLUMNS && (!notesOpen || width >= SIDE_TASKS_WIDTH + 44 + 60);
  const tasks = side
    ? { placement: 'side' as const, width: SIDE_TASKS_WIDTH, height }
    : { placement: 'top' as const, width, height: Math.min(taskCount, MAX_TOP_TASKS, Math.max(1, height - 8)) + 1 };
  // One column of space between the task pane and the console.
  const column = side ? { width: width - SIDE_TASKS_WIDTH - 1, height } : { width, height: height - tasks.height };
  if (!notesOpen) return { tasks, column, consoleWidth: column.width };
  if (width >= NOTES_BESIDE_MIN_COLUMNS) {
    const notesWidth = Math.max(44, Math.floor(column.width * 0.5));
    return { tasks, column, consoleWidth: column.width - notesWidth, notes: { placement: 'beside', width: notesWidth } };
  }
  return { tasks, column, consoleWidth: column.width, notes: { placement: 'over', width: column.width } };
}
