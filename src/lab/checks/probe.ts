import { decidingHop, parseProbeWords, probeText, probeWorld, PROBE_SYNTAX, type ProbeSpec } from '../../runtime/ec2/probe-request.js';
import { allowOnly, defineCheckKind, type CheckBase, type CheckOutcome, type EvaluateContext } from './kind.js';

/**
 * `probe: tcp 22 from 203.0.113.9 to web` + `expect: allowed|denied`: can this traffic get
 * there? Any rule set that lets the traffic through (or stops it) passes, so a lab grades
 * the effect of the learner's rules, not their exact wording.
 */
export interface ProbeCheck extends CheckBase {
  type: 'probe';
  spec: ProbeSpec;
  expect: 'allowed' | 'denied';
}

function evaluateProbe(check: ProbeCheck, env: EvaluateContext): CheckOutcome {
  const text = probeText(check.spec);
  const result = probeWorld(env.world, env.region, check.spec);
  if (!result.ok) return { passed: false, why: `Expected ${text} to be ${check.expect}, but the probe cannot run: ${result.error}.` };
  const found = result.value.allowed ? 'allowed' : 'denied';
  const hop = decidingHop(result.value);
  const because = hop ? `: ${hop.detail}` : '';
  if (found === check.expect) return { passed: true, why: `${text} is ${found}${because}.` };
  return { passed: false, why: `Expected ${text} to be ${check.expect}, but the probe found it ${found}${because}.` };
}

export const probeKind = defineCheckKind<ProbeCheck>({
  key: 'probe',
  keys: ['expect'],
  summary: `the traffic \`${PROBE_SYNTAX}\` gets through (expect: denied: it is stopped), as the console's probe says`,
  parse(value, ctx) {
    allowOnly(value, ['probe', 'expect', 'message', 'note'], ctx);
    let spec: ProbeSpec | undefined;
    if (typeof value.probe !== 'string') ctx.report([...ctx.path, 'probe'], `probe: expected the words of a probe, ${PROBE_SYNTAX}, e.g. tcp 22 from 203.0.113.9 to web`);
    else {
      const words = value.probe.trim().split(/\s+/).filter(Boolean);
      const option = words.find((w) => w.startsWith('--'));
      const parsed = parseProbeWords(words);
      if (option) ctx.report([...ctx.path, 'probe'], `probe: '${option}' is for the console; a probe check runs in the lab's region and is graded, not printed`);
      else if (!parsed.ok) ctx.report([...ctx.path, 'probe'], `probe: ${parsed.error}`);
      else spec = parsed.value;
    }
    const expect = value.expect ?? 'allowed';
    if (expect !== 'allowed' && expect !== 'denied') ctx.report([...ctx.path, 'expect'], `expect: expected allowed or denied, found ${JSON.stringify(expect)}`);
    if (!spec || (expect !== 'allowed' && expect !== 'denied')) return undefined;
    return { type: 'probe', spec, expect };
  },
  evaluate: evaluateProbe,
  // The probe reads EC2's state and the faults, both of which move the world's change count.
  reads: () => new Set(['world']),
});
