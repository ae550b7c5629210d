/**
 * Can this traffic get there, and why? Walks a packet hop by hop through what AWS would
 * apply to it (instance state, route tables, internet and NAT gateways, network ACLs both
 * ways, security groups) and names the deciding item at every hop. Pure: it reads the
 * region's EC2 state and changes nothing.
 *
 * The reply travels back through the network ACLs to the client's ephemeral port, since
 * ACLs are stateless; security groups let replies back by themselves, since they are
 * stateful. https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html
 */
import type { Ec2RegionState, Instance, NatGateway, NetworkAcl, Subnet } from './state.js';
import { allowingRule, aclRuleName, decidingAclEntry, type Packet, type Protocol } from './packet-filters.js';
import { matchRoute, routeState, routeTableOf, routeTarget } from './routing.js';

/**
 * The client port a reply is sent to. 49152 lies inside every common ephemeral range
 * (Linux 32768-60999, Windows and IANA 49152-65535, NAT gateways and ELB 1024-65535), so
 * any ACL that allows a sensible range allows it.
 */
export const EPHEMERAL_PORT = 49152;

export type Endpoint = { kind: 'instance'; instance: Instance } | { kind: 'internet'; address: string };

export interface ProbeRequest {
  protocol: Protocol;
  /** TCP/UDP port, or the ICMP type (8, echo request, for a ping). */
  port: number;
  from: Endpoint;
  to: Endpoint;
}

export type HopKind = 'instance' | 'route' | 'gateway' | 'nacl-out' | 'nacl-in' | 'security-group-out' | 'security-group-in' | 'reply';

export interface Hop {
  kind: HopKind;
  /** What was consulted: an instance, route table, gateway, ACL or group id. */
  resource: string;
  /** allow: the hop lets the packet on; deny: it stops here; note: nothing to decide. */
  decision: 'allow' | 'deny' | 'note';
  /** The item that decided: `rule 100`, `rule *`, a security group rule id, a route. */
  rule?: string;
  detail: string;
}

export interface ProbeResult {
  allowed: boolean;
  hops: Hop[];
}

/** What the probe needs to know of the world beyond EC2's state: the faults in force. */
export interface ProbeConditions {
  isZoneDown(zone: string): boolean;
  isInstanceFailed(instanceId: string): boolean;
}

const NO_FAULTS: ProbeConditions = { isZoneDown: () => false, isInstanceFailed: () => false };

class Walk {
  readonly hops: Hop[] = [];
  denied = false;
  constructor(readonly state: Ec2RegionState, readonly conditions: ProbeConditions) {}

  add(hop: Hop): boolean {
    this.hops.push(hop);
    if (hop.decision === 'deny') this.denied = true;
    return hop.decision !== 'deny';
  }
}

const describePacket = (p: ProbeRequest) => (p.protocol === 'icmp' ? `ICMP type ${p.port}` : `${p.protocol.toUpperCase()} port ${p.port}`);

function subnetOf(walk: Walk, instance: Instance): Subnet {
  const subnet = walk.state.subnets.get(instance.SubnetId);
  if (!subnet) throw new Error(`awslab internal error: instance ${instance.InstanceId} has no subnet ${instance.SubnetId}`);
  return subnet;
}

function instanceUp(walk: Walk, instance: Instance, role: string): boolean {
  if (instance.State !== 'running') {
    return walk.add({ kind: 'instance', resource: instance.InstanceId, decision: 'deny', detail: `${role} ${instance.InstanceId} is ${instance.State}, not running` });
  }
  if (walk.conditions.isInstanceFailed(instance.InstanceId)) {
    return walk.add({ kind: 'instance', resource: instance.InstanceId, decision: 'deny', detail: `${role} ${instance.InstanceId} has failed (instance status check impaired)` });
  }
  if (walk.conditions.isZoneDown(instance.AvailabilityZone)) {
    return walk.add({ kind: 'instance', resource: instance.InstanceId, decision: 'deny', detail: `${role} ${instance.InstanceId} is in ${instance.AvailabilityZone}, which is down (zone outage)` });
  }
  return walk.add({ kind: 'instance', resource: instance.InstanceId, decision: 'note', detail: `${role} ${instance.InstanceId} is running in ${subnetOf(walk, instance).SubnetId} (${instance.AvailabilityZone})` });
}

function groupsOf(walk: Walk, instance: Instance) {
  return instance.SecurityGroupIds.map((id) => walk.state.securityGroups.get(id)).filter((g) => g !== undefined);
}

function securityGroup(walk: Walk, instance: Instance, egress: boolean, packet: Packet, what: string): boolean {
  const groups = groupsOf(walk, instance);
  const match = allowingRule(groups, egress, packet);
  const kind = egress ? 'security-group-out' : 'security-group-in';
  const names = groups.map((g) => g.GroupId).join(', ');
  if (!match) {
    return walk.add({ kind, resource: names, decision: 'deny', detail: `no ${egress ? 'outbound' : 'inbound'} rule of ${names} allows ${what} (security groups allow only what a rule names)` });
  }
  const source = match.rule.ReferencedGroupId ? `group ${match.rule.ReferencedGroupId}` : (match.rule.CidrIpv4 ?? match.rule.CidrIpv6);
  return walk.add({ kind, resource: match.group.GroupId, decision: 'allow', rule: match.rule.SecurityGroupRuleId, detail: `${match.group.GroupId} ${egress ? 'outbound' : 'inbound'} rule ${match.rule.SecurityGroupRuleId} allows ${what} (the rule's ${egress ? 'destination' : 'source'}: ${source})` });
}

function aclOf(state: Ec2RegionState, subnet: Subnet): NetworkAcl | undefined {
  for (const acl of state.networkAcls.values()) {
    for (const association of acl.Associations) if (association.SubnetId === subnet.SubnetId) return acl;
  }
  return undefined;
}

function networkAcl(walk: Walk, subnet: Subnet, egress: boolean, packet: Packet, what: string, kind: HopKind = egress ? 'nacl-out' : 'nacl-in'): boolean {
  const acl = aclOf(walk.state, subnet);
  if (!acl) return walk.add({ kind, resource: subnet.SubnetId, decision: 'deny', detail: `${subnet.SubnetId} has no network ACL` });
  const entry = decidingAclEntry(acl, egress, packet);
  const direction = egress ? 'outbound' : 'inbound';
  if (!entry || entry.RuleAction === 'deny') {
    const rule = entry ? aclRuleName(entry) : '*';
    return walk.add({ kind, resource: acl.NetworkAclId, decision: 'deny', rule: `rule ${rule}`, detail: `${acl.NetworkAclId} ${direction} rule ${rule} denies ${what} (${subnet.SubnetId})` });
  }
  return walk.add({ kind, resource: acl.NetworkAclId, decision: 'allow', rule: `rule ${aclRuleName(entry)}`, detail: `${acl.NetworkAclId} ${direction} rule ${aclRuleName(entry)} allows ${what} (${subnet.SubnetId})` });
}

/** Where the subnet's route table sends traffic for `address`; undefined when there is no usable route. */
function route(walk: Walk, subnet: Subnet, address: string, why: string): string | undefined {
  const found = routeTableOf(walk.state, subnet);
  if (!found) {
    walk.add({ kind: 'route', resource: subnet.SubnetId, decision: 'deny', detail: `${subnet.SubnetId} has no route table` });
    return undefined;
  }
  const { table, explicit } = found;
  const how = explicit ? 'associated' : 'main';
  const r = matchRoute(table, address);
  if (!r) {
    walk.add({ kind: 'route', resource: table.RouteTableId, decision: 'deny', detail: `${table.RouteTableId} (${how} route table of ${subnet.SubnetId}) has no route to ${address} ${why}` });
    return undefined;
  }
  const destination = r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? '';
  if (routeState(walk.state, table, r) === 'blackhole') {
    walk.add({ kind: 'route', resource: table.RouteTableId, decision: 'deny', rule: `${destination} -> ${routeTarget(r)}`, detail: `${table.RouteTableId} sends ${address} to ${routeTarget(r)} by ${destination}, but that route is a blackhole: its target is gone or detached` });
    return undefined;
  }
  walk.add({ kind: 'route', resource: table.RouteTableId, decision: 'allow', rule: `${destination} -> ${routeTarget(r)}`, detail: `${table.RouteTableId} (${how} route table of ${subnet.SubnetId}) sends ${address} to ${routeTarget(r)} by ${destination} ${why}` });
  return routeTarget(r);
}

function publicAddressOf(instance: Instance): string | undefined {
  return instance.PublicIpAddress;
}

/** Through a NAT gateway: it must be available, and its own subnet must reach an internet gateway. */
function throughNat(walk: Walk, nat: NatGateway | undefined, natId: string, source: Instance, packet: ProbeRequest, internet: string): boolean {
  if (!nat || nat.State !== 'available') {
    return walk.add({ kind: 'gateway', resource: natId, decision: 'deny', detail: `NAT gateway ${natId} is ${nat?.State ?? 'gone'}, not available` });
  }
  if (nat.ConnectivityType === 'private') {
    return walk.add({ kind: 'gateway', resource: natId, decision: 'deny', detail: `NAT gateway ${natId} is private: it cannot reach the internet` });
  }
  const natSubnet = walk.state.subnets.get(nat.SubnetId);
  if (!natSubnet) return walk.add({ kind: 'gateway', resource: natId, decision: 'deny', detail: `NAT gateway ${natId} has no subnet` });
  const what = describePacket(packet);
  const ok =
    networkAcl(walk, natSubnet, false, { protocol: packet.protocol, port: packet.port, peer: source.PrivateIpAddress }, `${what} from ${source.PrivateIpAddress} into the NAT gateway's subnet`) &&
    walk.add({ kind: 'gateway', resource: natId, decision: 'allow', detail: `NAT gateway ${natId} (${nat.PublicIp ?? 'no public IP'}) sends the traffic on from its own address` }) &&
    route(walk, natSubnet, internet, "from the NAT gateway's subnet") !== undefined;
  if (!ok) return false;
  const last = walk.hops[walk.hops.length - 1]!;
  if (!last.rule?.includes('igw-')) {
    return walk.add({ kind: 'gateway', resource: natId, decision: 'deny', detail: `the NAT gateway's subnet ${natSubnet.SubnetId} does not route ${internet} to an internet gateway, so the NAT gateway cannot reach the internet` });
  }
  const reply: Packet = { protocol: packet.protocol, port: EPHEMERAL_PORT, peer: internet };
  return (
    networkAcl(walk, natSubnet, true, { protocol: packet.protocol, port: packet.port, peer: internet }, `${what} to ${internet} out of the NAT gateway's subnet`) &&
    networkAcl(walk, natSubnet, false, reply, `the reply from ${internet} to the NAT gateway's port ${EPHEMERAL_PORT}`, 'reply') &&
    networkAcl(walk, natSubnet, true, { ...reply, peer: source.PrivateIpAddress }, `the reply to ${source.PrivateIpAddress} port ${EPHEMERAL_PORT}`, 'reply')
  );
}

function toInternet(walk: Walk, source: Instance, packet: ProbeRequest, internet: string): void {
  const what = describePacket(packet);
  const subnet = subnetOf(walk, source);
  const out: Packet = { protocol: packet.protocol, port: packet.port, peer: internet };
  if (!instanceUp(walk, source, 'source') || !securityGroup(walk, source, true, out, `${what} to ${internet}`) || !networkAcl(walk, subnet, true, out, `${what} to ${internet}`)) return;
  const target = route(walk, subnet, internet, 'for the internet');
  if (target === undefined) return;
  if (target.startsWith('igw-')) {
    const address = publicAddressOf(source);
    if (!address) {
      walk.add({ kind: 'gateway', resource: target, decision: 'deny', detail: `${source.InstanceId} has no public IPv4 address, so internet gateway ${target} cannot carry its traffic (use a NAT gateway for a private instance)` });
      return;
    }
    walk.add({ kind: 'gateway', resource: target, decision: 'allow', detail: `internet gateway ${target} translates ${source.PrivateIpAddress} to public ${address}` });
  } else if (target.startsWith('nat-')) {
    if (!throughNat(walk, walk.state.natGateways.get(target), target, source, packet, internet)) return;
  } else if (target === 'local') {
    walk.add({ kind: 'route', resource: target, decision: 'deny', detail: `${internet} is not in the VPC, and only the local route matches it` });
    return;
  } else {
    walk.add({ kind: 'gateway', resource: target, decision: 'deny', detail: `the simulation does not carry internet traffic through ${target}` });
    return;
  }
  // The reply: stateless ACLs need a rule for it; the security group lets it back by itself.
  if (networkAcl(walk, subnet, false, { protocol: packet.protocol, port: EPHEMERAL_PORT, peer: internet }, `the reply from ${internet} to port ${EPHEMERAL_PORT}`, 'reply')) {
    walk.add({ kind: 'reply', resource: source.SecurityGroupIds.join(', '), decision: 'note', detail: 'security groups are stateful: the reply is allowed back without an inbound rule' });
  }
}

function fromInternet(walk: Walk, internet: string, destination: Instance, packet: ProbeRequest): void {
  const what = describePacket(packet);
  const subnet = subnetOf(walk, destination);
  if (!instanceUp(walk, destination, 'destination')) return;
  const address = publicAddressOf(destination);
  if (!address) {
    walk.add({ kind: 'gateway', resource: destination.InstanceId, decision: 'deny', detail: `${destination.InstanceId} has only a private address (${destination.PrivateIpAddress}); nothing on the internet can address it` });
    return;
  }
  const gateway = [...walk.state.internetGateways.values()].find((g) => g.Attachments.some((a) => a.VpcId === destination.VpcId));
  if (!gateway) {
    walk.add({ kind: 'gateway', resource: destination.VpcId, decision: 'deny', detail: `${destination.VpcId} has no internet gateway attached` });
    return;
  }
  walk.add({ kind: 'gateway', resource: gateway.InternetGatewayId, decision: 'allow', detail: `internet gateway ${gateway.InternetGatewayId} translates public ${address} to ${destination.PrivateIpAddress}` });
  // The subnet is public only if its route table sends the reply back to that gateway.
  const back = route(walk, subnet, internet, 'for the reply');
  if (back === undefined) return;
  if (!back.startsWith('igw-')) {
    walk.add({ kind: 'route', resource: back, decision: 'deny', detail: `replies to ${internet} go to ${back}, not to the internet gateway: ${subnet.SubnetId} is not a public subnet` });
    return;
  }
  const inbound: Packet = { protocol: packet.protocol, port: packet.port, peer: internet };
  if (!networkAcl(walk, subnet, false, inbound, `${what} from ${internet}`) || !securityGroup(walk, destination, false, inbound, `${what} from ${internet}`)) return;
  if (networkAcl(walk, subnet, true, { protocol: packet.protocol, port: EPHEMERAL_PORT, peer: internet }, `the reply to ${internet} port ${EPHEMERAL_PORT}`, 'reply')) {
    walk.add({ kind: 'reply', resource: destination.SecurityGroupIds.join(', '), decision: 'note', detail: 'security groups are stateful: the reply is allowed out without an outbound rule' });
  }
}

function betweenInstances(walk: Walk, source: Instance, destination: Instance, packet: ProbeRequest): void {
  const what = describePacket(packet);
  if (!instanceUp(walk, source, 'source') || !instanceUp(walk, destination, 'destination')) return;
  if (source.VpcId !== destination.VpcId) {
    walk.add({ kind: 'route', resource: source.VpcId, decision: 'deny', detail: `${source.InstanceId} is in ${source.VpcId} and ${destination.InstanceId} in ${destination.VpcId}: VPCs do not route to each other without peering` });
    return;
  }
  const from = subnetOf(walk, source);
  const to = subnetOf(walk, destination);
  const out: Packet = { protocol: packet.protocol, port: packet.port, peer: destination.PrivateIpAddress, peerGroupIds: destination.SecurityGroupIds };
  const inbound: Packet = { protocol: packet.protocol, port: packet.port, peer: source.PrivateIpAddress, peerGroupIds: source.SecurityGroupIds };
  if (!securityGroup(walk, source, true, out, `${what} to ${destination.PrivateIpAddress}`)) return;
  const crossesSubnets = from.SubnetId !== to.SubnetId;
  if (crossesSubnets) {
    if (!networkAcl(walk, from, true, out, `${what} to ${destination.PrivateIpAddress}`)) return;
    const target = route(walk, from, destination.PrivateIpAddress, 'within the VPC');
    if (target === undefined) return;
    if (!networkAcl(walk, to, false, inbound, `${what} from ${source.PrivateIpAddress}`)) return;
  } else {
    walk.add({ kind: 'route', resource: from.SubnetId, decision: 'note', detail: `both instances are in ${from.SubnetId}: traffic inside a subnet meets no network ACL` });
  }
  if (!securityGroup(walk, destination, false, inbound, `${what} from ${source.PrivateIpAddress}`)) return;
  if (crossesSubnets) {
    const reply = (peer: string): Packet => ({ protocol: packet.protocol, port: EPHEMERAL_PORT, peer });
    if (!networkAcl(walk, to, true, reply(source.PrivateIpAddress), `the reply to ${source.PrivateIpAddress} port ${EPHEMERAL_PORT}`, 'reply')) return;
    if (!networkAcl(walk, from, false, reply(destination.PrivateIpAddress), `the reply from ${destination.PrivateIpAddress} to port ${EPHEMERAL_PORT}`, 'reply')) return;
  }
  walk.add({ kind: 'reply', resource: destination.SecurityGroupIds.join(', '), decision: 'note', detail: 'security groups are stateful: the reply needs no rule of its own' });
}

/** Evaluates one probe against a region's EC2 state. */
export function probe(state: Ec2RegionState, request: ProbeRequest, conditions: ProbeConditions = NO_FAULTS): ProbeResult {
  const walk = new Walk(state, conditions);
  const { from, to } = request;
  if (from.kind === 'instance' && to.kind === 'instance') betweenInstances(walk, from.instance, to.instance, request);
  else if (from.kind === 'instance' && to.kind === 'internet') toInternet(walk, from.instance, request, to.address);
  else if (from.kind === 'internet' && to.kind === 'instance') fromInternet(walk, from.address, to.instance, request);
  else walk.add({ kind: 'route', resource: 'internet', decision: 'deny', detail: 'a probe needs an instance at one end at least' });
  return { allowed: !walk.denied, hops: walk.hops };
}
