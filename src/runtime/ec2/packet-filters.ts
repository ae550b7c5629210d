/**
 * The two firewalls a packet meets in a VPC, each as AWS documents it.
 *
 * Security groups are stateful and allow-only: a packet is let in when any rule of any
 * group on the interface allows it, and replies to allowed traffic are let back whatever
 * the rules say. https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html
 *
 * Network ACLs are stateless, with numbered allow and deny entries evaluated lowest number
 * first; the first entry that matches decides, and the `*` entry denies what none matched.
 * Replies are separate packets, so they need their own rule (ephemeral ports).
 * https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html
 */
import { addressToBigInt, containsAddress, parseCidr, type Cidr } from './cidr.js';
import type { NetworkAcl, NetworkAclEntry, SecurityGroup, SecurityGroupRule } from './state.js';

export type Protocol = 'tcp' | 'udp' | 'icmp';

/** What a firewall looks at: protocol, destination port (ICMP: type), and the other end's address. */
export interface Packet {
  protocol: Protocol;
  /** TCP/UDP destination port, or the ICMP type. */
  port: number;
  /** The address on the other side: the source for inbound rules, the destination for outbound. */
  peer: string;
  /** The security groups of the peer, when it is an instance in the same VPC using its private address. */
  peerGroupIds?: readonly string[];
}

const PROTOCOL_NUMBERS: Readonly<Record<Protocol, string>> = { tcp: '6', udp: '17', icmp: '1' };

function protocolMatches(ruleProtocol: string, protocol: Protocol): boolean {
  const p = ruleProtocol.toLowerCase();
  return p === '-1' || p === 'all' || p === protocol || p === PROTOCOL_NUMBERS[protocol];
}

// A probe reads every rule of every group and ACL on its path, so parsing each CIDR and
// address once (rather than per rule per packet) is what keeps a large account fast.
const parsedCidrs = new Map<string, Cidr | undefined>();
const parsedAddresses = new Map<string, bigint | undefined>();

function cached<T>(cache: Map<string, T>, key: string, parse: (text: string) => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  if (cache.size > 100_000) cache.clear();
  const value = parse(key);
  cache.set(key, value);
  return value;
}

function cidrMatches(cidrText: string | undefined, address: string): boolean {
  if (!cidrText) return false;
  const cidr = cached(parsedCidrs, cidrText, (t) => parseCidr(t));
  const value = cached(parsedAddresses, address, addressToBigInt);
  return cidr !== undefined && value !== undefined && containsAddress(cidr, value, address.includes(':') ? 6 : 4);
}

function portMatches(rule: { IpProtocol: string; FromPort: number; ToPort: number }, packet: Packet): boolean {
  const p = rule.IpProtocol.toLowerCase();
  if (p === '-1' || p === 'all') return true;
  if (packet.protocol === 'icmp') return rule.FromPort === -1 || rule.FromPort === packet.port;
  return packet.port >= rule.FromPort && packet.port <= rule.ToPort;
}

export function securityGroupRuleMatches(rule: SecurityGroupRule, packet: Packet): boolean {
  if (!protocolMatches(rule.IpProtocol, packet.protocol) || !portMatches(rule, packet)) return false;
  if (rule.ReferencedGroupId) return packet.peerGroupIds?.includes(rule.ReferencedGroupId) ?? false;
  return cidrMatches(rule.CidrIpv4 ?? rule.CidrIpv6, packet.peer);
}

/** The first rule, over all the groups, that allows the packet in the given direction; none means denied. */
export function allowingRule(groups: readonly SecurityGroup[], egress: boolean, packet: Packet): { group: SecurityGroup; rule: SecurityGroupRule } | undefined {
  for (const group of groups) {
    for (const rule of group.rules) {
      if (rule.IsEgress === egress && securityGroupRuleMatches(rule, packet)) return { group, rule };
    }
  }
  return undefined;
}

export function aclEntryMatches(entry: NetworkAclEntry, packet: Packet): boolean {
  if (!protocolMatches(entry.Protocol, packet.protocol)) return false;
  if (!cidrMatches(entry.CidrBlock ?? entry.Ipv6CidrBlock, packet.peer)) return false;
  if (entry.Protocol === '-1') return true;
  if (packet.protocol === 'icmp') return !entry.IcmpTypeCode || entry.IcmpTypeCode.Type === -1 || entry.IcmpTypeCode.Type === packet.port;
  return !entry.PortRange || (packet.port >= entry.PortRange.From && packet.port <= entry.PortRange.To);
}

/** The entry that decides the packet: the lowest-numbered match (the `*` entry is rule 32767). */
export function decidingAclEntry(acl: NetworkAcl, egress: boolean, packet: Packet): NetworkAclEntry | undefined {
  let best: NetworkAclEntry | undefined;
  for (const entry of acl.Entries) {
    if (entry.Egress !== egress || !aclEntryMatches(entry, packet)) continue;
    if (!best || entry.RuleNumber < best.RuleNumber) best = entry;
  }
  return best;
}

/** How AWS prints a NACL rule number: the catch-all is `*`. */
export function aclRuleName(entry: NetworkAclEntry): string {
  return entry.RuleNumber === 32767 ? '*' : String(entry.RuleNumber);
}
