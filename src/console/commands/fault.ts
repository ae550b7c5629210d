import { FAULT_KINDS, isFaultError } from '../../runtime/index.js';
import { fail, isoSeconds, ok, type ConsoleCommand } from '../command.js';

const USAGE = `usage: fault KIND TARGET | fault recover KIND TARGET | fault list\n  KIND is one of: ${FAULT_KINDS.join(', ')}`;

export const faultCommand: ConsoleCommand = {
  name: 'fault',
  usage: 'fault KIND TARGET',
  summary: `inject a fault (${FAULT_KINDS.join(', ')}); fault recover KIND TARGET ends it; fault list`,
  run(args, { world }) {
    const [first, ...rest] = args;
    if (first === undefined) return fail(USAGE, 2);
    if (first === 'list') {
      const lines = world.faults.map((f) => `${f.kind} ${f.target} (since ${isoSeconds(f.sinceMs)})`);
      return ok(lines.length ? `${lines.join('\n')}\n` : 'No faults are active.\n');
    }
    const recovering = first === 'recover';
    const [kind, target, ...extra] = recovering ? rest : args;
    if (!kind || !target || extra.length || !FAULT_KINDS.includes(kind)) return fail(USAGE, 2);
    try {
      if (recovering) {
        return world.recoverFault(kind, target) ? ok(`Recovered: ${kind} ${target}.\n`) : fail(`fault: no active ${kind} for ${target} (fault list shows the active ones)`);
      }
      world.injectFault(kind, target);
      return ok(`Injected: ${kind} ${target}.\n`);
    } catch (error) {
      // The world refuses a target no service knows, with a message naming the right ones.
      if (isFaultError(error)) return fail(`fault: ${error.message}`, 2);
      throw error;
    }
  },
  complete({ args, partial }) {
    const words = args.length === 0 ? ['list', 'recover', ...FAULT_KINDS] : args.length === 1 && args[0] === 'recover' ? FAULT_KINDS : [];
    return words.filter((w) => w.startsWith(partial));
  },
};
