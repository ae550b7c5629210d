import { completeFiles, fail, ok, type ConsoleCommand } from '../command.js';

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}

export const echoCommand: ConsoleCommand = {
  name: 'echo',
  usage: 'echo TEXT [> FILE | >> FILE]',
  summary: 'print text, or write it to a file',
  ownRedirection: true,
  run(args, ctx) {
    const redirect = args.findIndex((a) => a === '>' || a === '>>');
    if (redirect === -1) return ok(`${args.join(' ')}\n`);
    const target = args[redirect + 1];
    if (!target || args.length > redirect + 2) return fail('echo: expected exactly one file after > (usage: echo TEXT > FILE, or >> FILE to append)', 2);
    const text = new TextEncoder().encode(`${args.slice(0, redirect).join(' ')}\n`);
    const previous = args[redirect] === '>>' ? ctx.files.readFile(target) : undefined;
    ctx.files.writeFile(target, previous ? concat(previous, text) : text);
    return ok();
  },
  // Only the file after a redirection is a path.
  complete: (request, ctx) => (['>', '>>'].includes(request.args[request.args.length - 1] ?? '') ? completeFiles(request, ctx) : []),
};
