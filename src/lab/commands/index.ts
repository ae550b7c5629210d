import { checkCommand } from './check.js';
import { hintCommand } from './hint.js';
import type { LabCommand } from './lab-command.js';
import { resetCommand } from './reset.js';
import { tasksCommand } from './tasks.js';
import { undoCommand } from './undo.js';

export { consoleCommand, type LabCommand } from './lab-command.js';

/** The commands a lab adds to its console, in the order help lists them after the console's own. */
export const LAB_COMMANDS: readonly LabCommand[] = [tasksCommand, checkCommand, hintCommand, undoCommand, resetCommand];
