import { fail, type CompletionRequest, type ConsoleCommand, type ConsoleResult } from '../../console/command.js';
import type { LabSession } from '../session.js';

/**
 * A command a lab adds to its console (`hint`, `check`, `tasks`, `undo`, `reset`): like a
 * console command, but run on the lab session. Help and Tab see it beside the console's own.
 */
export interface LabCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  /**
   * Rewinds the session (undo, reset): typed as a line of its own, run before the console
   * sees the line and never recorded in the transcript it rewinds.
   */
  readonly rewinds?: boolean;
  run(args: string[], session: LabSession): ConsoleResult;
  complete?(request: CompletionRequest, session: LabSession): readonly string[];
}

/** The command as the session's console holds it. */
export function consoleCommand(command: LabCommand, session: LabSession): ConsoleCommand {
  return {
    name: command.name,
    usage: command.usage,
    summary: command.summary,
    // Reached only from inside a line ($(undo)): rewinding there would pull the line from under itself.
    run: command.rewinds ? () => fail(`${command.name}: type ${command.name} on a line of its own`, 2) : (args) => command.run(args, session),
    ...(command.complete ? { complete: (request: CompletionRequest) => command.complete!(request, session) } : {}),
  };
}

export const text = (stdout: string): ConsoleResult => ({ exitCode: 0, stdout, stderr: '' });
export const matching = (words: readonly string[], partial: string) => words.filter((w) => w.startsWith(partial));
