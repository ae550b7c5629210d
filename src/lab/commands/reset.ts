import { matching, type LabCommand } from './lab-command.js';
import { REWIND_USAGE } from './undo.js';

export const resetCommand: LabCommand = {
  name: 'reset',
  usage: 'reset [--to N]',
  summary: 'start the lab again (reset --to N keeps the first N lines)',
  rewinds: true,
  run(args, session) {
    const keep = args.length === 0 ? 0 : args.length === 2 && args[0] === '--to' && /^\d+$/.test(args[1]!) ? Number(args[1]) : undefined;
    if (keep === undefined) return { exitCode: 2, stdout: '', stderr: REWIND_USAGE };
    if (keep > session.transcript.length) return { exitCode: 1, stdout: '', stderr: `reset: the transcript has only ${session.transcript.length} lines.\n` };
    return session.rewind(keep);
  },
  complete: ({ args, partial }) => (args.length === 0 ? matching(['--to'], partial) : []),
};
