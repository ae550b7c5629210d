import type { ConsoleCommand } from '../command.js';
import { awsCommand } from './aws.js';
import { catCommand } from './cat.js';
import { dateCommand } from './date.js';
import { echoCommand } from './echo.js';
import { faultCommand } from './fault.js';
import { helpCommand } from './help.js';
import { lsCommand } from './ls.js';
import { mfaCommand } from './mfa.js';
import { probeCommand } from './probe.js';
import { rmCommand } from './rm.js';
import { waitCommand } from './wait.js';

/**
 * Every console's own commands, in the order help lists them. The console runs them, help
 * lists them and Tab completes them from this table; a lab adds its commands (hint, check,
 * tasks, undo, reset) after these the same way.
 */
export const CONSOLE_COMMANDS: readonly ConsoleCommand[] = [awsCommand, lsCommand, catCommand, echoCommand, rmCommand, waitCommand, dateCommand, mfaCommand, faultCommand, probeCommand, helpCommand];
