import { defineCheckKind, type CheckBase } from './kind.js';

/**
 * `probe:` (can this traffic reach that port?) is reserved for EC2 networking: the key is
 * taken so that no lab uses it for something else, and a lab that writes it is told why it
 * cannot run yet. EC2's engineer replaces this file with the real kind.
 */
export interface ProbeCheck extends CheckBase { type: 'probe'; probe: string }

export const probeKind = defineCheckKind<ProbeCheck>({
  key: 'probe',
  keys: [],
  summary: 'reserved for network reachability (arrives with EC2)',
  parse(_value, ctx) {
    ctx.report([...ctx.path, 'probe'], 'probe checks (can this traffic reach that port?) arrive with EC2 networking; this version cannot run them', true);
    return undefined;
  },
  // Never reached: parse refuses every probe check.
  evaluate: () => ({ passed: false, why: 'probe checks are not available in this version' }),
  reads: () => new Set(['world']),
});
