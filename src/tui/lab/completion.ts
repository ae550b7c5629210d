import type { LabSession } from '../../lab/session.js';

/** Completion candidates for the word being typed at the end of `line`, from the lab's console. */
export function candidatesFor(line: string, session: LabSession): string[] {
  return session.complete(line);
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
