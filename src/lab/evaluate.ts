import jmespath from 'jmespath';
import { runAws } from '../cli/index.js';
import { tokenize } from '../cli/tokenize.js';
import type { CliFileSystem } from '../cli/types.js';
import type { World } from '../runtime/index.js';
import type { Check, Comparison } from './check-spec.js';

/** What a check saw, so the learner is told why a task passed or not. */
export interface CheckOutcome {
  passed: boolean;
  /** One or two sentences: what was expected and what was observed. */
  why: string;
  /** The note section that explains the concept, `topic#section`. */
  note?: string;
}

export interface CheckEnvironment {
  world: World;
  files: CliFileSystem;
  region: string;
  /** Activity records with these callers count as the learner's own (for `used`). */
  learnerCallers: ReadonlySet<string>;
}

/** Evaluates a check against the world as it is now. Checks never change the world or its log. */
export function evaluate(check: Check, env: CheckEnvironment): CheckOutcome {
  const outcome = evaluateInner(check, env);
  const why = !outcome.passed && check.message ? check.message : outcome.why;
  const note = check.note ?? outcome.note;
  return { passed: outcome.passed, why, ...(note ? { note } : {}) };
}

function evaluateInner(check: Check, env: CheckEnvironment): CheckOutcome {
  switch (check.type) {
    case 'aws': return evaluateAws(check.aws, check.query, check.comparison, env);
    case 'used': return evaluateUsed(check.service, check.operation, check.with, check.includeFailed ?? false, env);
    case 'probe': return { passed: false, why: 'probe checks are not available in this version' };
    case 'all': {
      const outcomes = check.all.map((c) => evaluate(c, env));
      const failed = outcomes.find((o) => !o.passed);
      return failed ?? { passed: true, why: outcomes.map((o) => o.why).join(' ') };
    }
    case 'any': {
      const outcomes = check.any.map((c) => evaluate(c, env));
      const passed = outcomes.find((o) => o.passed);
      return passed ?? { passed: false, why: `None of these held: ${outcomes.map((o) => o.why).join(' / ')}` };
    }
    case 'not': {
      const inner = evaluate(check.not, env);
      return { passed: !inner.passed, why: inner.passed ? `This should not hold, but it does: ${inner.why}` : `As required, this does not hold: ${inner.why}` };
    }
  }
}

function evaluateAws(command: string, query: string | undefined, comparison: Comparison, env: CheckEnvironment): CheckOutcome {
  const argv = [...tokenize(command), '--output', 'json'];
  const result = env.world.unrecorded(() => runAws(argv, { world: env.world, files: env.files, defaultRegion: env.region, caller: 'check' }));
  const shown = `aws ${command}`;
  if (result.exitCode !== 0) {
    const code = /An error occurred \(([^)]+)\)/.exec(result.stderr)?.[1];
    if (comparison.kind === 'error') {
      return code === comparison.code
        ? { passed: true, why: `${shown} fails with ${code}, as it should.` }
        : { passed: false, why: `Expected ${shown} to fail with ${comparison.code}; it failed with ${code ?? 'another error'}: ${firstLine(result.stderr)}` };
    }
    return { passed: false, why: `${shown} failed: ${firstLine(result.stderr)}` };
  }
  if (comparison.kind === 'error') return { passed: false, why: `Expected ${shown} to fail with ${comparison.code}, but it succeeded.` };
  if (comparison.kind === 'succeeds') return { passed: true, why: `${shown} succeeds.` };
  let observed: unknown = result.stdout.trim() ? JSON.parse(result.stdout) : null;
  if (query) {
    try {
      observed = jmespath.search(observed, query);
    } catch (error) {
      // A function given the wrong type (length(null) when a list is absent) is a failed check, not a crash.
      return { passed: false, why: `The query ${query} could not be applied to the output of ${shown}: ${(error as Error).message.replace(/^TypeError: /, '')}.` };
    }
  }
  const subject = query ? `${query} from ${shown}` : `the output of ${shown}`;
  const passed = compare(comparison, observed);
  return { passed, why: `Expected ${subject} ${describeExpectation(comparison)}; found ${describeObserved(observed)}.` };
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

function describeExpectation(c: Comparison): string {
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

function describeObserved(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  const shown = text.length > 120 ? `${text.slice(0, 117)}...` : text;
  return Array.isArray(value) ? `${shown} (${value.length} item${value.length === 1 ? '' : 's'})` : shown;
}

function evaluateUsed(service: string, operation: string, params: Record<string, unknown> | undefined, includeFailed: boolean, env: CheckEnvironment): CheckOutcome {
  const name = `${service}:${operation}`;
  const calls = env.world.activity.filter((r) => r.service === service && r.operation === operation && env.learnerCallers.has(r.caller));
  const counted = calls.filter((r) => (includeFailed || !r.errorCode) && (!params || isSubset(params, r.input)));
  if (counted.length) return { passed: true, why: `You called ${name}${params ? ` with ${JSON.stringify(params)}` : ''}.` };
  if (calls.length === 0) return { passed: false, why: `You have not called ${name} yet.` };
  const failed = calls.filter((r) => r.errorCode);
  if (!includeFailed && failed.length === calls.length) return { passed: false, why: `You called ${name}, but it failed (${failed[failed.length - 1]!.errorCode}).` };
  return { passed: false, why: `You called ${name}, but not with ${JSON.stringify(params)}.` };
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** True when every member of `expected` is in `actual` with the same value (recursively). */
export function isSubset(expected: unknown, actual: unknown): boolean {
  if (typeof expected !== 'object' || expected === null || Array.isArray(expected)) return deepEqual(expected, actual);
  if (typeof actual !== 'object' || actual === null) return false;
  return Object.entries(expected).every(([k, v]) => isSubset(v, (actual as Record<string, unknown>)[k]));
}

function firstLine(text: string): string {
  return text.trim().split('\n').find((l) => l.trim()) ?? '(no message)';
}
