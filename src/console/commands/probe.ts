import { REGIONS, isKnownRegion } from '../../runtime/index.js';
import { PROBE_PROTOCOLS, PROBE_SYNTAX, decidingHop, parseProbeWords, probeWorld, resolveProbe, type ProbeSpec } from '../../runtime/ec2/probe-request.js';
import type { Endpoint, Hop, ProbeResult } from '../../runtime/ec2/reachability.js';
import type { Ec2RegionState, Tag } from '../../runtime/ec2/state.js';
import { fail, type ConsoleCommand, type ConsoleResult, type ProbeView } from '../command.js';

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

const nameTag = (tags: readonly Tag[]) => tags.find((t) => t.Key === 'Name')?.Value;

/** Names for the ids a probe's hops mention: a group's name, other resources' Name tags. */
function namesOf(state: Ec2RegionState, hops: readonly Hop[]): Record<string, string> {
  const names: Record<string, string> = {};
  const ids = new Set(hops.flatMap((h) => h.resource.split(', ')));
  for (const id of ids) {
    const name = state.securityGroups.get(id)?.GroupName ?? nameTag(
      (state.instances.get(id) ?? state.networkAcls.get(id) ?? state.routeTables.get(id) ?? state.subnets.get(id) ?? state.internetGateways.get(id) ?? state.natGateways.get(id) ?? state.vpcs.get(id))?.Tags ?? [],
    );
    if (name !== undefined) names[id] = name;
  }
  return names;
}

function endpointText(endpoint: Endpoint): string {
  if (endpoint.kind === 'internet') return `internet ${endpoint.address}`;
  const name = nameTag(endpoint.instance.Tags);
  return name === undefined ? endpoint.instance.InstanceId : `${endpoint.instance.InstanceId} (${name})`;
}

/** The result as data for a front end that draws the path (the lab screen). */
function probeView(state: Ec2RegionState, spec: ProbeSpec, region: string, result: ProbeResult, json: boolean): ProbeView | undefined {
  const request = resolveProbe(state, spec, region);
  if (!request.ok) return undefined;
  const deciding = decidingHop(result);
  return {
    allowed: result.allowed,
    hops: result.hops,
    ...(deciding ? { deciding: result.hops.indexOf(deciding) } : {}),
    traffic: spec.protocol === 'icmp' ? `ICMP type ${spec.port}` : `${spec.protocol.toUpperCase()} port ${spec.port}`,
    from: endpointText(request.value.from),
    to: endpointText(request.value.to),
    names: namesOf(state, result.hops),
    printed: json ? 'json' : 'text',
  };
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
    const view = probeView(ctx.world.serviceState<Ec2RegionState>('ec2', region), spec.value, region, result.value, json);
    return { exitCode: result.value.allowed ? 0 : 1, stdout, stderr: '', ...(view ? { probe: view } : {}) };
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
