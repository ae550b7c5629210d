import type { World } from '../runtime/world.js';
import { buildArguments, cliName } from './arguments.js';
import { commandNames } from './driver.js';
import { globalActions } from './globals.js';
import { operationCliName, serviceForCommand } from './names.js';
import { customisationFor, topLevelCommands } from './services/index.js';
import { waiterCliName, waiterNames } from './wait.js';
import { tokenize, TokenizeError } from '../lib/tokenize.js';

/**
 * Tab completion for the console: the words that could replace the last (partial)
 * word of a line, from the same tables the parser uses: `aws`, then services, then
 * operations, then an operation's parameters and global options, and for options with
 * a fixed set of values (enums, --output, --region) those values.
 */

/** The complete words before the cursor and the partial word being typed. */
function split(line: string): { words: string[]; partial: string } {
  try {
    const words = tokenize(line);
    if (line === '' || /\s$/.test(line)) return { words, partial: '' };
    return { words: words.slice(0, -1), partial: words[words.length - 1] ?? '' };
  } catch (error) {
    if (!(error instanceof TokenizeError)) throw error;
    // An open quote: complete what is typed inside it.
    const chars = [...line];
    const before = chars.slice(0, error.column - 1).join('');
    const inside = chars.slice(error.column).join('');
    const words = tokenize(before);
    const startsWord = before === '' || /\s$/.test(before);
    return startsWord ? { words, partial: inside } : { words: words.slice(0, -1), partial: (words[words.length - 1] ?? '') + inside };
  }
}

function matching(candidates: readonly string[], partial: string): string[] {
  return [...new Set(candidates.filter((c) => c.startsWith(partial)))];
}

export function complete(line: string, world: World): string[] {
  const { words, partial } = split(line);
  if (words.length === 0) return matching(['aws'], partial);
  if (words[0] !== 'aws') return [];
  const ctx = { world };
  const globals = globalActions([]);
  const globalOptions = globals.filter((a) => a.optionStrings.length > 0).flatMap((a) => a.optionStrings);
  const takesValue = (option: string): boolean => globals.some((a) => a.optionStrings.includes(option) && a.kind === 'store');
  const positionals: string[] = [];
  let previous: string | undefined;
  for (const word of words.slice(1)) {
    if (previous !== undefined && takesValue(previous)) previous = undefined;
    else if (word.startsWith('-')) previous = word;
    else {
      positionals.push(word);
      previous = undefined;
    }
  }
  const last = words[words.length - 1] ?? '';
  const valueFor = globals.find((a) => a.optionStrings.includes(last) && a.kind === 'store');
  if (valueFor) {
    if (valueFor.dest === 'region') return matching(world.regions.map((r) => r.name), partial);
    return matching(valueFor.choices ?? [], partial);
  }
  const [command, operation] = positionals;
  if (command === undefined) return matching(partial.startsWith('-') ? globalOptions : [...commandNames(ctx)].sort(), partial);
  const topLevel = topLevelCommands(world.serviceNames()).find((c) => c.name === command);
  if (topLevel) return operation === undefined ? matching([...topLevel.subcommands].sort(), partial) : [];
  const serviceName = serviceForCommand(command, world.serviceNames());
  const model = serviceName ? world.service(serviceName)?.model : undefined;
  if (!serviceName || !model) return [];
  const operations = Object.keys(model.operations);
  const waiters = waiterNames(model);
  const added = [...(customisationFor(serviceName)?.serviceCommands ?? []).map((c) => c.name), ...(waiters.length > 0 ? ['wait'] : [])];
  if (operation === undefined) return matching(partial.startsWith('-') ? globalOptions : [...operations.map(operationCliName), ...added, 'help'].sort(), partial);
  let name = operations.find((op) => operationCliName(op) === operation);
  if (operation === 'wait') {
    // `aws <service> wait <waiter>`, then the waiter's operation's options.
    const waiter = positionals[2];
    if (waiter === undefined) return matching(partial.startsWith('-') ? globalOptions : waiters.map(waiterCliName).sort(), partial);
    name = model.waiters?.[waiters.find((w) => waiterCliName(w) === waiter) ?? '']?.operation;
  }
  const op = name ? model.operations[name] : undefined;
  if (!op) return [];
  const table = buildArguments(model, command, op, serviceName).arguments.filter((a) => a.documented && a.kind !== 'outfile');
  const argument = table.find((a) => cliName(a) === last);
  if (argument) {
    const values = argument.shape?.shape.enum ?? (argument.kind === 'skeleton' ? ['input', 'output', 'yaml-input'] : []);
    if (values.length > 0 || !partial.startsWith('-')) return matching(values, partial);
  }
  if (!partial.startsWith('-')) return matching(['help'], partial);
  const used = new Set(words);
  const options = table.map(cliName).filter((option) => !used.has(option));
  return matching([...options, ...globalOptions], partial);
}
