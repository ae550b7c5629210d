import { allowOnly, defineCheckKind, type Check, type CheckBase } from './kind.js';

/** `not: check`: the check does not hold. */
export interface NotCheck extends CheckBase { type: 'not'; not: Check }

export const notKind = defineCheckKind<NotCheck>({
  key: 'not',
  keys: [],
  summary: 'a check does not hold',
  parse(value, ctx) {
    allowOnly(value, ['not', 'message', 'note'], ctx);
    const inner = ctx.parseCheck(value.not, [...ctx.path, 'not']);
    return inner && { type: 'not', not: inner };
  },
  evaluate(check, ctx) {
    const inner = ctx.evaluate(check.not);
    return { passed: !inner.passed, why: inner.passed ? `This should not hold, but it does: ${inner.why}` : `As required, this does not hold: ${inner.why}` };
  },
  reads: (check, readsOf) => readsOf(check.not),
  prove: (check, _trial, proveNested) => proveNested(check.not),
});
