import { completeFiles, fail, type ConsoleCommand } from '../command.js';

export const catCommand: ConsoleCommand = {
  name: 'cat',
  usage: 'cat FILE...',
  summary: 'print files',
  run(args, ctx) {
    if (args.length === 0) return fail('cat: missing file operand (usage: cat FILE...)');
    let stdout = '';
    let stderr = '';
    for (const path of args) {
      const data = ctx.files.readFile(path);
      if (data) stdout += new TextDecoder().decode(data);
      else stderr += `cat: ${path}: No such file or directory\n`;
    }
    return { exitCode: stderr ? 1 : 0, stdout, stderr };
  },
  complete: completeFiles,
};
