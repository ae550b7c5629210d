import type { CliFileSystem } from '../../cli/types.js';
import type { Path } from '../../data/yaml-file.js';
import type { World } from '../../runtime/index.js';

/**
 * What every check carries, whatever its kind. A kind's own fields sit beside these; `type`
 * is the key that named the kind in the lab file (`aws`, `used`, `all`, …).
 */
export interface CheckBase {
  readonly type: string;
  /** Said to the learner when the check fails, instead of the generated explanation. */
  message?: string;
  /** The note section to read: `topic#heading-slug`. */
  note?: string;
}

/** A check of any kind. Each kind's file narrows it to its own shape (see CheckKind). */
export type Check = CheckBase;

/** What a check saw, so the learner is told why a task passed or not. */
export interface CheckOutcome {
  passed: boolean;
  /** One or two sentences: what was expected and what was observed. */
  why: string;
  /** The note section that explains the concept, `topic#section`. */
  note?: string;
}

export interface CheckProblem {
  path: Path;
  reason: string;
  atKey?: boolean;
}

/** Handed to a kind's parser: where the check is, where to report, and how to parse a nested check. */
export interface ParseContext {
  readonly path: Path;
  report(path: Path, reason: string, atKey?: boolean): void;
  /** Parses a nested check (for `all`, `any`, `not`) at `path`. */
  parseCheck(value: unknown, path: Path): Check | undefined;
}

export interface CheckEnvironment {
  world: World;
  files: CliFileSystem;
  region: string;
  /** Activity records with these callers count as the learner's own (for `used`). */
  learnerCallers: ReadonlySet<string>;
}

/** Handed to a kind's evaluator: the world to look at, and how to evaluate a nested check. */
export interface EvaluateContext extends CheckEnvironment {
  evaluate(check: Check): CheckOutcome;
}

/**
 * What a check reads. A task's check is re-run only when one of these has moved since it
 * last ran: `world` (World.changeCount: writes, time passing, faults) or `activity` (the
 * activity log, which grows on reads as well).
 */
export type CheckSource = 'world' | 'activity';

/**
 * A trial run for `awslab validate`: a fresh attempt's session, in which a kind may run a
 * console line as the learner would and see which operations it called.
 */
export interface ProofTrial {
  run(line: string): { exitCode: number; stderr: string; calls: ReadonlyArray<{ service: string; operation: string; readOnly: boolean }> };
}

/**
 * One kind of check, declared in one file: how it is written in a lab file and parsed (with
 * the problems reported at file:line:col), how it is evaluated, what it reads, and what
 * `awslab validate` proves about it beyond the rule every check obeys (fails on a fresh
 * attempt, passes after the reference solution).
 */
export interface CheckKind<C extends CheckBase = Check> {
  /** The key that names the kind in a lab file; also the check's `type`. */
  readonly key: string;
  /** The other keys this kind accepts beside `message` and `note`. */
  readonly keys: readonly string[];
  /** One line for labs/README.md's table and messages. */
  readonly summary: string;
  parse(value: Record<string, unknown>, ctx: ParseContext): C | undefined;
  evaluate(check: C, ctx: EvaluateContext): CheckOutcome;
  /** What the check reads, nested checks included (the registry passes `readsOf` for those). */
  reads(check: C, readsOf: (check: Check) => ReadonlySet<CheckSource>): ReadonlySet<CheckSource>;
  /**
   * Problems a fresh attempt shows with the check itself (an aws command that is not valid,
   * or changes the account). `trial` makes a fresh attempt; `proveNested` proves a nested check.
   */
  prove?(check: C, trial: () => ProofTrial, proveNested: (check: Check) => string[]): string[];
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reports every key of `value` this kind does not accept. */
export function allowOnly(value: Record<string, unknown>, allowed: readonly string[], ctx: ParseContext): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) ctx.report([...ctx.path, key], `unknown key '${key}' in this check (allowed: ${allowed.join(', ')})`, true);
  }
}

/** Declares a kind with its own check type, for the registry's heterogeneous table. */
export function defineCheckKind<C extends CheckBase>(kind: CheckKind<C>): CheckKind {
  return kind as unknown as CheckKind;
}
