import { defineCheckKind, type Check, type CheckBase } from './kind.js';
import { parseList, readsOfList } from './all.js';

/** `any: [checks]`: at least one holds. */
export interface AnyCheck extends CheckBase { type: 'any'; any: Check[] }

export const anyKind = defineCheckKind<AnyCheck>({
  key: 'any',
  keys: [],
  summary: 'at least one of a list of checks holds',
  parse(value, ctx) {
    const any = parseList(value, 'any', ctx);
    return any && { type: 'any', any };
  },
  evaluate(check, ctx) {
    const outcomes = check.any.map((c) => ctx.evaluate(c));
    return outcomes.find((o) => o.passed) ?? { passed: false, why: `None of these held: ${outcomes.map((o) => o.why).join(' / ')}` };
  },
  reads: (check, readsOf) => readsOfList(check.any, readsOf),
  prove: (check, _trial, proveNested) => check.any.flatMap(proveNested),
});
