import type { LabCommand } from './lab-command.js';

export const REWIND_USAGE = 'usage: undo (take back the last line) | reset (start the lab again) | reset --to N (keep the first N lines)\n';

export const undoCommand: LabCommand = {
  name: 'undo',
  usage: 'undo',
  summary: 'take back your last line',
  rewinds: true,
  run(args, session) {
    if (args.length) return { exitCode: 2, stdout: '', stderr: REWIND_USAGE };
    if (session.transcript.length === 0) return { exitCode: 1, stdout: '', stderr: 'undo: there is nothing to undo yet.\n' };
    return session.rewind(session.transcript.length - 1);
  },
};
