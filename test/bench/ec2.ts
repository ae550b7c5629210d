import { createWorld } from '../../src/runtime/index.js';
import { addressToBigInt, parseCidr } from '../../src/runtime/ec2/cidr.js';
import { probe, type Endpoint, type ProbeRequest } from '../../src/runtime/ec2/reachability.js';
import { createEc2RegionState, type Ec2RegionState, type Instance, type NetworkAclEntry, type SecurityGroupRule } from '../../src/runtime/ec2/state.js';
import { bestOf, type BenchResult } from './harness.js';

const GROUPS = 1000;
const RULES = 60;
const ACL_ENTRIES = 100;
const SUBNETS = 100;
const GROUPS_PER_INSTANCE = 5;
const PROBES = 1000;

let n = 0;
const id = (prefix: string) => `${prefix}-0${(++n).toString(16).padStart(16, '0')}`;

/**
 * The worst a classroom's account gets: 1,000 groups of 60 inbound rules, each subnet's ACL
 * with 100 entries a direction. Every packet has to read almost every rule: the only rule
 * that lets HTTPS in is the last one of an instance's last group, and the ACLs' allow comes
 * after 99 deny entries for other ranges.
 */
function bigNetwork(): { state: Ec2RegionState; instances: Instance[] } {
  const state = createEc2RegionState();
  const vpcId = id('vpc');
  state.vpcs.set(vpcId, { VpcId: vpcId, CidrBlock: '10.0.0.0/16', CidrAssociationId: id('vpc-cidr-assoc'), State: 'available', DhcpOptionsId: id('dopt'), InstanceTenancy: 'default', IsDefault: false, EnableDnsSupport: true, EnableDnsHostnames: true, Tags: [] });
  const igw = id('igw');
  state.internetGateways.set(igw, { InternetGatewayId: igw, Attachments: [{ VpcId: vpcId, State: 'available' }], Tags: [] });
  const table = id('rtb');
  state.routeTables.set(table, {
    RouteTableId: table,
    VpcId: vpcId,
    Routes: [
      { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable' },
      { DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw, Origin: 'CreateRoute' },
    ],
    Associations: [{ RouteTableAssociationId: id('rtbassoc'), RouteTableId: table, Main: true }],
    Tags: [],
  });
  const groupIds: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const groupId = id('sg');
    const last = g % GROUPS_PER_INSTANCE === GROUPS_PER_INSTANCE - 1;
    const rules: Omit<SecurityGroupRule, 'GroupId' | 'SecurityGroupRuleId' | 'Tags'>[] = [];
    for (let r = 0; r < RULES - 1; r++) rules.push({ IsEgress: false, IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIpv4: `198.${18 + (r >> 8)}.${r & 255}.0/24` });
    rules.push(last ? { IsEgress: false, IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIpv4: '0.0.0.0/0' } : { IsEgress: false, IpProtocol: 'tcp', FromPort: 8443, ToPort: 8443, CidrIpv4: '0.0.0.0/0' });
    rules.push({ IsEgress: true, IpProtocol: '-1', FromPort: -1, ToPort: -1, CidrIpv4: '0.0.0.0/0' });
    state.securityGroups.set(groupId, { GroupId: groupId, GroupName: groupId, Description: 'bench', VpcId: vpcId, rules: rules.map((r) => ({ ...r, GroupId: groupId, SecurityGroupRuleId: id('sgr'), Tags: [] })), Tags: [] });
    groupIds.push(groupId);
  }
  const entries = (egress: boolean): NetworkAclEntry[] => [
    ...Array.from({ length: ACL_ENTRIES - 2 }, (_, k): NetworkAclEntry => ({ RuleNumber: (k + 1) * 10, Egress: egress, Protocol: '6', RuleAction: 'deny', CidrBlock: `198.${18 + (k >> 8)}.${k & 255}.0/24`, PortRange: { From: 0, To: 65535 } })),
    { RuleNumber: 5000, Egress: egress, Protocol: '-1', RuleAction: 'allow', CidrBlock: '0.0.0.0/0' },
    { RuleNumber: 32767, Egress: egress, Protocol: '-1', RuleAction: 'deny', CidrBlock: '0.0.0.0/0' },
  ];
  const instances: Instance[] = [];
  for (let s = 0; s < SUBNETS; s++) {
    const subnetId = id('subnet');
    state.subnets.set(subnetId, { SubnetId: subnetId, VpcId: vpcId, CidrBlock: `10.0.${s}.0/24`, AvailabilityZone: 'us-east-1a', AvailabilityZoneId: 'use1-az1', DefaultForAz: false, MapPublicIpOnLaunch: true, State: 'available', Tags: [], usedAddresses: [] });
    const acl = id('acl');
    state.networkAcls.set(acl, { NetworkAclId: acl, VpcId: vpcId, IsDefault: false, Entries: [...entries(false), ...entries(true)], Associations: [{ NetworkAclAssociationId: id('aclassoc'), NetworkAclId: acl, SubnetId: subnetId }], Tags: [] });
    for (let k = 0; k < 2; k++) {
      const first = ((s * 2 + k) * GROUPS_PER_INSTANCE) % GROUPS;
      const instance: Instance = {
        InstanceId: id('i'), ImageId: 'ami-0', InstanceType: 't3.micro', SubnetId: subnetId, VpcId: vpcId, AvailabilityZone: 'us-east-1a', PrivateIpAddress: `10.0.${s}.${10 + k}`,
        PublicIpAddress: `54.0.${s}.${10 + k}`, publicIpOnLaunch: true, NetworkInterfaceId: id('eni'), SecurityGroupIds: groupIds.slice(first, first + GROUPS_PER_INSTANCE), State: 'running',
        StateTransitionReason: '', LaunchTimeMs: 0, AmiLaunchIndex: 0, ReservationId: id('r'), Architecture: 'x86_64', RootDeviceName: '/dev/xvda', SourceDestCheck: true, Tags: [],
      };
      state.instances.set(instance.InstanceId, instance);
      instances.push(instance);
    }
  }
  return { state, instances };
}

/** HTTPS from the internet and between instances in different subnets, all allowed after reading nearly every rule. */
function requests(instances: Instance[]): ProbeRequest[] {
  const at = (i: Instance): Endpoint => ({ kind: 'instance', instance: i });
  return Array.from({ length: PROBES }, (_, k) => {
    const to = instances[(k * 7) % instances.length]!;
    const from: Endpoint = k % 2 ? { kind: 'internet', address: `203.0.113.${k % 250}` } : at(instances[(k * 13 + 1) % instances.length]!);
    return { protocol: 'tcp', port: 443, from, to: at(to) };
  });
}

/**
 * The floor: the same rules and entries read in a bare loop, CIDRs parsed beforehand into
 * numbers, no path, no explanation. What a probe could cost if it did nothing but match.
 */
function bareLoop(state: Ec2RegionState, reqs: ProbeRequest[]): number {
  type Range = { lo: bigint; hi: bigint };
  const range = (cidr: string): Range => {
    const c = parseCidr(cidr)!;
    const span = 1n << BigInt(32 - c.prefix);
    const lo = (c.network / span) * span;
    return { lo, hi: lo + span - 1n };
  };
  const groups = new Map([...state.securityGroups].map(([gid, g]) => [gid, g.rules.filter((r) => !r.IsEgress).map((r) => ({ from: r.FromPort, to: r.ToPort, ...range(r.CidrIpv4!) }))]));
  const acls = new Map([...state.networkAcls.values()].map((a) => [a.Associations[0]!.SubnetId, a.Entries.filter((e) => !e.Egress).map((e) => ({ number: e.RuleNumber, allow: e.RuleAction === 'allow', from: e.PortRange?.From ?? 0, to: e.PortRange?.To ?? 65535, ...range(e.CidrBlock!) }))]));
  let allowed = 0;
  for (const req of reqs) {
    const to = (req.to as { instance: Instance }).instance;
    const peer = addressToBigInt(req.from.kind === 'internet' ? req.from.address : req.from.instance.PrivateIpAddress)!;
    const acl = acls.get(to.SubnetId)!.find((e) => req.port >= e.from && req.port <= e.to && peer >= e.lo && peer <= e.hi);
    if (!acl?.allow) continue;
    if (to.SecurityGroupIds.some((g) => groups.get(g)!.some((r) => req.port >= r.from && req.port <= r.to && peer >= r.lo && peer <= r.hi))) allowed++;
  }
  return allowed;
}

function probeBenchmark(): BenchResult[] {
  const { state, instances } = bigNetwork();
  const reqs = requests(instances);
  const allowed = reqs.filter((r) => probe(state, r).allowed).length;
  if (allowed !== reqs.length) throw new Error(`bench network: ${reqs.length - allowed} of ${reqs.length} probes were denied; every one should be allowed`);
  if (bareLoop(state, reqs) !== reqs.length) throw new Error('bench baseline: the bare loop disagrees with the probe');
  const ms = bestOf(3, () => reqs.forEach((r) => probe(state, r)));
  const base = bestOf(3, () => bareLoop(state, reqs));
  const rate = (t: number) => (reqs.length / t) * 1000;
  return [{ name: 'probes/s, 1,000 groups of 60 rules, ACLs of 100 entries (baseline: bare loop over the same rules)', value: rate(ms), baseline: rate(base), unit: 'probes/s', goal: '>= 10,000/s', pass: rate(ms) >= 10_000 }];
}

const INSTANCES = 5000;

/** DescribeInstances with two filters over 5,000 instances, beside the same filter on a bare array. */
function describeBenchmark(): BenchResult[] {
  const world = createWorld({ seed: 1 });
  world.call('ec2', 'DescribeVpcs', {});
  const state = world.serviceState<Ec2RegionState>('ec2', 'us-east-1');
  const subnets = [...state.subnets.values()];
  const group = [...state.securityGroups.keys()][0]!;
  for (let k = 0; k < INSTANCES; k++) {
    const subnet = subnets[k % subnets.length]!;
    const i: Instance = {
      InstanceId: id('i'), ImageId: 'ami-0', InstanceType: k % 3 ? 't3.micro' : 'm5.large', SubnetId: subnet.SubnetId, VpcId: subnet.VpcId, AvailabilityZone: subnet.AvailabilityZone,
      PrivateIpAddress: `172.31.${k >> 8}.${k & 255}`, publicIpOnLaunch: false, NetworkInterfaceId: id('eni'), SecurityGroupIds: [group], State: k % 4 ? 'running' : 'stopped',
      StateTransitionReason: '', LaunchTimeMs: 0, AmiLaunchIndex: 0, ReservationId: id('r'), Architecture: 'x86_64', RootDeviceName: '/dev/xvda', SourceDestCheck: true,
      Tags: [{ Key: 'Name', Value: `node-${k}` }, { Key: 'team', Value: k % 50 ? 'red' : 'blue' }],
    };
    state.instances.set(i.InstanceId, i);
  }
  const Filters = [{ Name: 'instance-state-name', Values: ['running'] }, { Name: 'tag:team', Values: ['blue'] }];
  const all = [...state.instances.values()];
  const bare = () => all.filter((i) => i.State === 'running' && i.Tags.some((t) => t.Key === 'team' && t.Value === 'blue'));
  const described = (world.call('ec2', 'DescribeInstances', { Filters }) as { Reservations: unknown[] }).Reservations.length;
  if (described !== bare().length || described === 0) throw new Error(`describe-instances matched ${described}, the bare filter ${bare().length}`);
  const ms = bestOf(20, () => world.call('ec2', 'DescribeInstances', { Filters }));
  const base = bestOf(20, bare);
  return [{ name: `describe-instances, 2 filters over ${INSTANCES.toLocaleString('en')} instances (baseline: bare array filter)`, value: ms, baseline: base, unit: 'ms', goal: '<= 5x baseline', pass: ms <= 5 * base }];
}

export function ec2Benchmarks(): BenchResult[] {
  return [...probeBenchmark(), ...describeBenchmark()];
}
