import { isoSeconds, ok, type ConsoleCommand } from '../command.js';

export const dateCommand: ConsoleCommand = {
  name: 'date',
  usage: 'date',
  summary: 'print the simulated time',
  run: (_args, ctx) => ok(`${isoSeconds(ctx.world.nowMs)}\n`),
};
