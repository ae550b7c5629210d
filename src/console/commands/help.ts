import { ok, type ConsoleCommand } from '../command.js';

export const helpCommand: ConsoleCommand = {
  name: 'help',
  usage: 'help',
  summary: 'this list',
  run(_args, ctx) {
    const rows: Array<[string, string]> = [...ctx.commands.filter((c) => c.name !== 'help').map((c): [string, string] => [c.usage, c.summary]), ['# text', 'a comment']];
    const width = Math.max(...rows.map(([usage]) => usage.length));
    return ok(`${rows.map(([usage, summary]) => `  ${usage.padEnd(width)}  ${summary}`).join('\n')}\n`);
  },
};
