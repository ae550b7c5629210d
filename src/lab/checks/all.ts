import { allowOnly, defineCheckKind, type Check, type CheckBase, type CheckSource, type ParseContext } from './kind.js';

/** `all: [checks]`: every one holds. */
export interface AllCheck extends CheckBase { type: 'all'; all: Check[] }

/** Parses the non-empty list of checks under `key` (shared by `all` and `any`). */
export function parseList(value: Record<string, unknown>, key: string, ctx: ParseContext): Check[] | undefined {
  allowOnly(value, [key, 'message', 'note'], ctx);
  const list = value[key];
  if (!Array.isArray(list) || list.length === 0) {
    ctx.report([...ctx.path, key], `${key}: expected a non-empty list of checks`);
    return undefined;
  }
  const parts = list.map((c, i) => ctx.parseCheck(c, [...ctx.path, key, i]));
  return parts.every((p) => p !== undefined) ? (parts as Check[]) : undefined;
}

export function readsOfList(checks: readonly Check[], readsOf: (check: Check) => ReadonlySet<CheckSource>): Set<CheckSource> {
  return new Set(checks.flatMap((c) => [...readsOf(c)]));
}

export const allKind = defineCheckKind<AllCheck>({
  key: 'all',
  keys: [],
  summary: 'every one of a list of checks holds',
  parse(value, ctx) {
    const all = parseList(value, 'all', ctx);
    return all && { type: 'all', all };
  },
  evaluate(check, ctx) {
    const outcomes = check.all.map((c) => ctx.evaluate(c));
    return outcomes.find((o) => !o.passed) ?? { passed: true, why: outcomes.map((o) => o.why).join(' ') };
  },
  reads: (check, readsOf) => readsOfList(check.all, readsOf),
  prove: (check, _trial, proveNested) => check.all.flatMap(proveNested),
});
