import { REGIONS, isKnownRegion } from '../../runtime/index.js';
import { PROBE_PROTOCOLS, PROBE_SYNTAX, decidingHop, parseProbeWords, probeWorld } from '../../runtime/ec2/probe-request.js';
import type { Hop, ProbeResult } from '../../runtime/ec2/reachability.js';
import type { Ec2RegionState } from '../../runtime/ec2/state.js';
import { fail, type ConsoleCommand, type ConsoleResult } from '../command.js';

const USAGE = `usage: probe ${PROBE_SYNTAX} [--region REGION] [--json]
  PROTOCOL is tcp, udp or icmp (for icmp, PORT is the ICMP type: 8 for ping)
  SOURCE and DESTINATION: an instance ID, an instance's Name tag, an IPv4 address, or internet`;

const usage = (reason: string): ConsoleResult => fail(`probe: ${reason}\n${USAGE}`, 2);

const MARK: Record<Hop['decision'], string> = { allow: '✔', deny: '✘', note: '·' };

/** ALLOWED or DENIED with the reason, then the path hop by hop, the deciding hop marked. */
export function formatProbe(result: ProbeResult): string {
  const deciding = decidingHop(result);
  const head = result.allowed ? 'ALLOWED' : `DENIED: ${deciding?.detail ?? 'no hop allowed it'}`;
  const lines = result.hops.map((h) => `  ${MARK[h.decision]} ${h.detail}${h === deciding ? '   <- deciding' : ''}`);
  return `${[head, ...lines].join('\n')}\n`;
}

export const probeCommand: ConsoleCommand = {
  name: 'probe',
  usage: `probe ${PROBE_SYNTAX}`,
  summary: 'can this traffic get there, and why? (probe tcp 22 from 203.0.113.9 to web; --json)',
  run(args, ctx) {
    const words: string[] = [];
    let region = ctx.region;
    let json = false;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (arg === '--json') json = true;
      else if (arg === '--region') {
        const value = args[++i];
        if (value === undefined) return usage('--region needs a region name, e.g. --region us-east-1');
        if (!isKnownRegion(value)) return usage(`unknown region '${value}' (regions: ${REGIONS.map((r) => r.name).join(', ')})`);
        region = value;
      } else if (arg.startsWith('--')) return usage(`unknown option '${arg}' (options: --region REGION, --json)`);
      else words.push(arg);
    }
    const spec = parseProbeWords(words);
    if (!spec.ok) return usage(spec.error);
    const result = probeWorld(ctx.world, region, spec.value);
    if (!result.ok) return fail(`probe: ${result.error}`, 2);
    const stdout = json ? `${JSON.stringify({ allowed: result.value.allowed, hops: result.value.hops }, null, 2)}\n` : formatProbe(result.value);
    return { exitCode: result.value.allowed ? 0 : 1, stdout, stderr: '' };
  },
  complete({ args, partial }, ctx) {
    // The probe's own words, leaving out the options and --region's value.
    const words = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--region');
    const last = args[args.length - 1];
    const endpoints = () => {
      const state = ctx.world.serviceState<Ec2RegionState>('ec2', ctx.region);
      const live = [...state.instances.values()].filter((i) => i.State !== 'terminated');
      const names = live.flatMap((i) => i.Tags.filter((t) => t.Key === 'Name').map((t) => t.Value));
      return ['internet', ...new Set(names), ...live.map((i) => i.InstanceId)];
    };
    let offered: readonly string[];
    if (last === '--region') offered = REGIONS.map((r) => r.name);
    else if (words.length === 0) offered = PROBE_PROTOCOLS;
    else if (words.length === 1) offered = words[0] === 'icmp' ? ['8', '0'] : ['22', '80', '443', '3306', '5432'];
    else if (words.length === 2) offered = ['from'];
    else if (words.length === 3 || words.length === 5) offered = endpoints();
    else if (words.length === 4) offered = ['to'];
    else offered = ['--json', '--region'];
    return offered.filter((w) => w.startsWith(partial));
  },
};
