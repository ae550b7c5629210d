import { unknownOperation } from '../operation-names.js';
import { allowOnly, defineCheckKind, isRecord, type CheckBase, type CheckOutcome, type EvaluateContext } from './kind.js';
import { isSubset } from './match.js';

/** `used: service:Operation`: did the learner call it (optionally with these parameters)? */
export interface UsedCheck extends CheckBase {
  type: 'used';
  service: string;
  operation: string;
  /** Parameters the call must have had (a subset match). */
  with?: Record<string, unknown>;
  /** Only successful calls count unless this is true. */
  includeFailed?: boolean;
}

function evaluateUsed(check: UsedCheck, env: EvaluateContext): CheckOutcome {
  const { service, operation, with: params } = check;
  const name = `${service}:${operation}`;
  const calls = env.world.activity.filter((r) => r.service === service && r.operation === operation && env.learnerCallers.has(r.caller));
  const counted = calls.filter((r) => (check.includeFailed || !r.errorCode) && (!params || isSubset(params, r.input)));
  if (counted.length) return { passed: true, why: `You called ${name}${params ? ` with ${JSON.stringify(params)}` : ''}.` };
  if (calls.length === 0) return { passed: false, why: `You have not called ${name} yet.` };
  const failed = calls.filter((r) => r.errorCode);
  if (!check.includeFailed && failed.length === calls.length) return { passed: false, why: `You called ${name}, but it failed (${failed[failed.length - 1]!.errorCode}).` };
  return { passed: false, why: `You called ${name}, but not with ${JSON.stringify(params)}.` };
}

export const usedKind = defineCheckKind<UsedCheck>({
  key: 'used',
  keys: ['with', 'includeFailed'],
  summary: 'the learner made a call of service:Operation (with: these parameters; includeFailed: failed calls count)',
  parse(value, ctx) {
    allowOnly(value, ['used', 'with', 'includeFailed', 'message', 'note'], ctx);
    const used = value.used;
    const match = typeof used === 'string' ? /^([a-z0-9-]+):([A-Z][A-Za-z0-9]+)$/.exec(used) : null;
    if (!match) {
      ctx.report([...ctx.path, 'used'], 'used: expected service:Operation as in IAM, e.g. s3:DeleteObject');
      return undefined;
    }
    const [, service, operation] = match as unknown as [string, string, string];
    const unknown = unknownOperation(service, operation);
    if (unknown) ctx.report([...ctx.path, 'used'], `used: ${unknown}`);
    if (value.with !== undefined && !isRecord(value.with)) ctx.report([...ctx.path, 'with'], 'with: expected a mapping of parameter names to values, e.g. { Bucket: b }');
    if (value.includeFailed !== undefined && typeof value.includeFailed !== 'boolean') ctx.report([...ctx.path, 'includeFailed'], 'includeFailed: expected true or false');
    return {
      type: 'used',
      service,
      operation,
      ...(isRecord(value.with) ? { with: value.with } : {}),
      ...(value.includeFailed === true ? { includeFailed: true } : {}),
    };
  },
  evaluate: evaluateUsed,
  // The activity log grows on reads, which do not move the world's change count.
  reads: () => new Set(['world', 'activity']),
});
