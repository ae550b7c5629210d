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
import { addressRange } from './address-ranges.js';
import { Matcher, protocolBits, type Condition, type Packet } from './rule-matcher.js';
import type { NetworkAcl, NetworkAclEntry, SecurityGroup, SecurityGroupRule } from './state.js';

export type { Packet, Protocol } from './rule-matcher.js';

/**
 * Compiled once per list and kept while the list stands: the EC2 operations give a group or
 * ACL a new list when they add, replace or remove a rule or entry (state.ts), so the list
 * itself is the key; the length check also catches a push onto it.
 */
interface Compiled<T> {
  readonly length: number;
  readonly ingress: Matcher<T>;
  readonly egress: Matcher<T>;
}

function compile<T>(items: readonly T[], condition: (item: T) => Condition, isEgress: (item: T) => boolean): Compiled<T> {
  const all = items.map((item) => ({ item, condition: condition(item) }));
  return { length: items.length, ingress: new Matcher(all.filter((x) => !isEgress(x.item))), egress: new Matcher(all.filter((x) => isEgress(x.item))) };
}

const compiledLists = new WeakMap<readonly object[], Compiled<never>>();

function compiled<T extends object>(list: readonly T[], build: () => Compiled<T>): Compiled<T> {
  const cached = compiledLists.get(list) as Compiled<T> | undefined;
  if (cached && cached.length === list.length) return cached;
  const fresh = build();
  compiledLists.set(list, fresh as unknown as Compiled<never>);
  return fresh;
}

/** A security group rule: its protocol decides the port check; a group reference replaces the CIDR. */
function ruleCondition(rule: SecurityGroupRule): Condition {
  const p = rule.IpProtocol.toLowerCase();
  return {
    protocols: protocolBits(p), anyPort: p === '-1' || p === 'all', from: rule.FromPort, to: rule.ToPort, icmpType: rule.FromPort,
    range: rule.ReferencedGroupId ? undefined : addressRange(rule.CidrIpv4 ?? rule.CidrIpv6), group: rule.ReferencedGroupId,
  };
}

/** An ACL entry: protocol -1 takes every port; no port range or ICMP type named means any. */
function entryCondition(entry: NetworkAclEntry): Condition {
  const type = entry.IcmpTypeCode?.Type ?? -1;
  return {
    protocols: protocolBits(entry.Protocol), anyPort: entry.Protocol === '-1', from: entry.PortRange?.From ?? -Infinity, to: entry.PortRange?.To ?? Infinity,
    icmpType: type, range: addressRange(entry.CidrBlock ?? entry.Ipv6CidrBlock), group: undefined,
  };
}

function compiledGroup(group: SecurityGroup): Compiled<SecurityGroupRule> {
  return compiled(group.rules, () => compile(group.rules, ruleCondition, (r) => r.IsEgress));
}

/** Each direction in the order AWS evaluates it: lowest rule number first (a stable sort keeps ties as listed). */
function compiledAcl(acl: NetworkAcl): Compiled<NetworkAclEntry> {
  return compiled(acl.Entries, () => compile([...acl.Entries].sort((a, b) => a.RuleNumber - b.RuleNumber), entryCondition, (e) => e.Egress));
}

/** The first rule, over all the groups, that allows the packet in the given direction; none means denied. */
export function allowingRule(groups: readonly SecurityGroup[], egress: boolean, packet: Packet): { group: SecurityGroup; rule: SecurityGroupRule } | undefined {
  for (const group of groups) {
    const compiled = compiledGroup(group);
    const rule = (egress ? compiled.egress : compiled.ingress).first(packet);
    if (rule) return { group, rule };
  }
  return undefined;
}

/** The entry that decides the packet: the lowest-numbered match (the `*` entry is rule 32767). */
export function decidingAclEntry(acl: NetworkAcl, egress: boolean, packet: Packet): NetworkAclEntry | undefined {
  const compiled = compiledAcl(acl);
  return (egress ? compiled.egress : compiled.ingress).first(packet);
}

/** How AWS prints a NACL rule number: the catch-all is `*`. */
export function aclRuleName(entry: NetworkAclEntry): string {
  return entry.RuleNumber === 32767 ? '*' : String(entry.RuleNumber);
}
