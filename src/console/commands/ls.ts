import { normalisePath } from '../../lib/path.js';
import { completeFiles, fail, ok, type ConsoleCommand } from '../command.js';

export const lsCommand: ConsoleCommand = {
  name: 'ls',
  usage: 'ls [FOLDER]',
  summary: 'list your working files',
  run(args, ctx) {
    const target = args[0] === undefined ? '' : normalisePath(args[0]);
    if (target && ctx.files.readFile(target)) return ok(`${target}\n`);
    const prefix = target ? `${target}/` : '';
    const names = new Set<string>();
    for (const path of ctx.files.list()) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf('/');
      names.add(slash === -1 ? rest : rest.slice(0, slash + 1));
    }
    if (target && names.size === 0) return fail(`ls: cannot access '${args[0]}': No such file or directory`, 2);
    return ok(names.size ? `${[...names].join('\n')}\n` : '');
  },
  complete: completeFiles,
};
