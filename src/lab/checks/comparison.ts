import { deepEqual, isSubset } from './match.js';

/** How an aws check compares what its command printed (after the query) with what the lab expects. */
export type Comparison =
  | { kind: 'succeeds' }
  | { kind: 'equals'; value: unknown }
  | { kind: 'contains'; value: unknown }
  | { kind: 'matches'; pattern: string }
  | { kind: 'exists'; value: boolean }
  | { kind: 'length'; value: number }
  | { kind: 'greaterThan'; value: number }
  | { kind: 'lessThan'; value: number }
  | { kind: 'error'; code: string };

/** The comparison keys a lab file may write beside `aws:`. */
export const COMPARISONS = ['equals', 'contains', 'matches', 'exists', 'length', 'greaterThan', 'lessThan', 'error'] as const;
export type ComparisonKey = (typeof COMPARISONS)[number];

const EXPECTED: Record<Exclude<ComparisonKey, 'equals' | 'contains'>, string> = {
  matches: 'a regular expression as text',
  exists: 'true or false',
  length: 'a number',
  greaterThan: 'a number',
  lessThan: 'a number',
  error: 'an AWS error code such as NoSuchKey',
};

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Parses the operand of `key`; a string is the problem to report when it is malformed. */
export function parseComparison(key: ComparisonKey | undefined, operand: unknown): Comparison | string {
  switch (key) {
    case undefined: return { kind: 'succeeds' };
    case 'equals':
    case 'contains':
      return { kind: key, value: operand };
    case 'matches':
      if (typeof operand !== 'string') break;
      try {
        new RegExp(operand);
      } catch (error) {
        return `matches: not a valid regular expression (${(error as Error).message})`;
      }
      return { kind: key, pattern: operand };
    case 'exists':
      if (typeof operand === 'boolean') return { kind: key, value: operand };
      break;
    case 'length':
    case 'greaterThan':
    case 'lessThan':
      if (isNumber(operand)) return { kind: key, value: operand };
      break;
    case 'error':
      if (typeof operand === 'string' && operand) return { kind: key, code: operand };
      break;
  }
  return `${key}: expected ${EXPECTED[key]}`;
}

export function compare(comparison: Comparison, observed: unknown): boolean {
  switch (comparison.kind) {
    case 'equals': return deepEqual(observed, comparison.value);
    case 'contains':
      if (Array.isArray(observed)) return observed.some((item) => deepEqual(item, comparison.value) || isSubset(comparison.value, item));
      if (typeof observed === 'string') return typeof comparison.value === 'string' && observed.includes(comparison.value);
      return isSubset(comparison.value, observed);
    case 'matches': return observed !== null && observed !== undefined && new RegExp(comparison.pattern).test(typeof observed === 'string' ? observed : JSON.stringify(observed));
    case 'exists': return (observed !== null && observed !== undefined) === comparison.value;
    case 'length': return (Array.isArray(observed) || typeof observed === 'string') && observed.length === comparison.value;
    case 'greaterThan': return typeof observed === 'number' && observed > comparison.value;
    case 'lessThan': return typeof observed === 'number' && observed < comparison.value;
    case 'succeeds': return true;
    case 'error': return false;
  }
}

export function describeExpectation(c: Comparison): string {
  switch (c.kind) {
    case 'equals': return `to equal ${JSON.stringify(c.value)}`;
    case 'contains': return `to contain ${JSON.stringify(c.value)}`;
    case 'matches': return `to match /${c.pattern}/`;
    case 'exists': return c.value ? 'to exist' : 'not to exist';
    case 'length': return `to have ${c.value} item${c.value === 1 ? '' : 's'}`;
    case 'greaterThan': return `to be more than ${c.value}`;
    case 'lessThan': return `to be less than ${c.value}`;
    default: return 'to succeed';
  }
}

export function describeObserved(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  const shown = text.length > 120 ? `${text.slice(0, 117)}...` : text;
  return Array.isArray(value) ? `${shown} (${value.length} item${value.length === 1 ? '' : 's'})` : shown;
}
