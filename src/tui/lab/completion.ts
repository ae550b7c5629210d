import { complete } from '../../cli/index.js';
import { FAULT_KINDS } from '../../runtime/index.js';
import type { LabSession } from '../../lab/session.js';

/** The console's first words: the aws CLI, the lab's commands and the learner's shell. */
export const CONSOLE_COMMANDS = ['aws', 'hint', 'check', 'tasks', 'wait', 'undo', 'reset', 'ls', 'cat', 'echo', 'rm', 'date', 'mfa', 'fault', 'help'];

const matching = (words: readonly string[], partial: string) => [...new Set(words.filter((w) => w.startsWith(partial)))].sort();

/**
 * Completion candidates for the word being typed at the end of `line`: aws services,
 * operations and parameters from the CLI's own tables, and the lab's commands and their
 * arguments (task ids for hint, fault kinds, the learner's files).
 */
export function candidatesFor(line: string, session: LabSession): string[] {
  const words = line.trimStart().split(/\s+/);
  const first = words[0] ?? '';
  if (words.length <= 1) return matching(CONSOLE_COMMANDS, first);
  if (first === 'aws') return complete(line.trimStart(), session.world);
  const partial = words[words.length - 1] ?? '';
  const position = words.length - 1;
  switch (first) {
    case 'hint':
      return position === 1 ? matching(['take', ...session.lab.tasks.map((t) => t.id)], partial) : position === 2 && words[1] === 'take' ? matching(session.lab.tasks.map((t) => t.id), partial) : [];
    case 'fault':
      return position === 1 ? matching(['list', 'recover', ...FAULT_KINDS], partial) : position === 2 && words[1] === 'recover' ? matching(FAULT_KINDS, partial) : [];
    case 'cat':
    case 'rm':
    case 'ls':
      return matching(session.files.list(), partial);
    case 'mfa':
      return position === 1 ? matching(['--value'], partial) : [];
    case 'reset':
      return position === 1 ? matching(['--to'], partial) : [];
    default:
      return [];
  }
}

function commonPrefix(words: readonly string[]): string {
  if (!words.length) return '';
  let prefix = words[0]!;
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * Tab at the end of `before` (the text before the cursor): one candidate completes the word
 * and adds a space; several extend it to their common start and are listed.
 */
export function applyCompletion(before: string, candidates: readonly string[]): { text: string; shown: readonly string[] } {
  if (!candidates.length) return { text: before, shown: [] };
  const partial = /(\S*)$/.exec(before)![1]!;
  const stem = before.slice(0, before.length - partial.length);
  if (candidates.length === 1) return { text: `${stem}${candidates[0]} `, shown: [] };
  const prefix = commonPrefix(candidates);
  return { text: `${stem}${prefix.length > partial.length ? prefix : partial}`, shown: candidates };
}
