import { expect } from 'vitest';
import { parseCheck, type Check, type CheckProblem } from '../../../src/lab/checks/index.js';

/** Parses a check value as a lab file's `check:` would be, with its problems as `path: reason`. */
export function parse(value: unknown): { check?: Check; problems: string[] } {
  const problems: CheckProblem[] = [];
  const check = parseCheck(value, ['check'], problems);
  return { ...(check ? { check } : {}), problems: problems.map((p) => `${p.path.join('.')}: ${p.reason}`) };
}

/** A check that must parse without problems. */
export function parsed(value: unknown): Check {
  const { check, problems } = parse(value);
  expect(problems).toEqual([]);
  return check!;
}
