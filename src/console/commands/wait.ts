import { formatDuration, parseDuration } from '../../lib/duration.js';
import { fail, isoSeconds, ok, type ConsoleCommand } from '../command.js';

export const waitCommand: ConsoleCommand = {
  name: 'wait',
  usage: 'wait DURATION',
  summary: "move the simulated clock forward (90s, 20m, 2h, 3d); a lab's timed events happen on the way",
  run(args, ctx) {
    const ms = args.length === 1 ? parseDuration(args[0]!) : undefined;
    if (ms === undefined) return fail('wait: expected one duration such as 90s, 20m, 2h or 3d (usage: wait DURATION)', 2);
    ctx.advance(ms);
    return ok(`Waited ${formatDuration(ms)}. The time is now ${isoSeconds(ctx.world.nowMs)}.\n`);
  },
};
