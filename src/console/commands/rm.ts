import { completeFiles, fail, ok, type ConsoleCommand } from '../command.js';

export const rmCommand: ConsoleCommand = {
  name: 'rm',
  usage: 'rm FILE...',
  summary: 'delete working files',
  run(args, ctx) {
    if (args.length === 0) return fail('rm: missing operand (usage: rm FILE...)');
    const missing = args.filter((path) => !ctx.files.remove(path));
    return missing.length ? fail(missing.map((p) => `rm: cannot remove '${p}': No such file or directory`).join('\n')) : ok();
  },
  complete: completeFiles,
};
