import type { Path } from '../../data/yaml-file.js';
import { accessKind } from './access.js';
import { allKind } from './all.js';
import { anyKind } from './any.js';
import { awsKind } from './aws.js';
import { isRecord, type Check, type CheckEnvironment, type CheckKind, type CheckOutcome, type CheckProblem, type CheckSource, type ParseContext, type ProofTrial } from './kind.js';
import { notKind } from './not.js';
import { probeKind } from './probe.js';
import { usedKind } from './used.js';

/**
 * Every kind of check a lab may write, keyed by the word that names it. A new kind is one
 * file (see kind.ts) and one line here; parsing, evaluation, re-checking and validation all
 * read this table.
 */
export const CHECK_KINDS: readonly CheckKind[] = [awsKind, usedKind, probeKind, accessKind, allKind, anyKind, notKind];

const byKey = new Map(CHECK_KINDS.map((k) => [k.key, k]));
const KEYS = CHECK_KINDS.map((k) => k.key);
const COMMON = ['message', 'note'] as const;

function kindOf(check: Check): CheckKind {
  const kind = byKey.get(check.type);
  if (!kind) throw new Error(`awslab internal error: no check kind '${check.type}'`);
  return kind;
}

export interface ParseCheckOptions {
  /** Why a `note:` link leads nowhere (the lab file knows the notes), or undefined when it resolves. */
  brokenNoteLink?(link: string): string | undefined;
}

/** Parses a check from a lab file, collecting every problem with its path. */
export function parseCheck(value: unknown, path: Path, problems: CheckProblem[], options: ParseCheckOptions = {}): Check | undefined {
  if (!isRecord(value)) {
    problems.push({ path, reason: `a check must be a mapping with one of ${KEYS.join(', ')}` });
    return undefined;
  }
  const named = KEYS.filter((k) => k in value);
  if (named.length !== 1) {
    problems.push({ path, reason: named.length ? `a check has exactly one of ${KEYS.join(', ')}; this one has ${named.join(' and ')}` : `a check needs one of ${KEYS.join(', ')}` });
    return undefined;
  }
  const common: { message?: string; note?: string } = {};
  for (const key of COMMON) {
    if (!(key in value)) continue;
    if (typeof value[key] !== 'string') problems.push({ path: [...path, key], reason: `${key}: expected text` });
    else common[key] = value[key];
  }
  const broken = common.note === undefined ? undefined : options.brokenNoteLink?.(common.note);
  if (broken) problems.push({ path: [...path, 'note'], reason: `note: ${broken}` });
  const ctx: ParseContext = {
    path,
    report: (at, reason, atKey) => problems.push({ path: at, reason, ...(atKey ? { atKey } : {}) }),
    parseCheck: (inner, at) => parseCheck(inner, at, problems, options),
  };
  const check = byKey.get(named[0]!)!.parse(value, ctx);
  return check && { ...check, ...common };
}

/** Evaluates a check against the world as it is now. Checks never change the world or its log. */
export function evaluate(check: Check, env: CheckEnvironment): CheckOutcome {
  const outcome = kindOf(check).evaluate(check, { ...env, evaluate: (inner) => evaluate(inner, env) });
  const why = !outcome.passed && check.message ? check.message : outcome.why;
  const note = check.note ?? outcome.note;
  return { passed: outcome.passed, why, ...(note ? { note } : {}) };
}

/** What a check reads, nested checks included: it is re-run only when one of these moved. */
export function readsOf(check: Check): ReadonlySet<CheckSource> {
  // Asked after every line for every task not yet passed, so worked out once per check.
  let sources = readsCache.get(check);
  if (!sources) readsCache.set(check, (sources = kindOf(check).reads(check, readsOf)));
  return sources;
}

const readsCache = new WeakMap<Check, ReadonlySet<CheckSource>>();

/** Problems a fresh attempt shows with the check itself, nested checks included. */
export function proveCheck(check: Check, trial: () => ProofTrial): string[] {
  return kindOf(check).prove?.(check, trial, (inner) => proveCheck(inner, trial)) ?? [];
}
