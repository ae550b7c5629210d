/**
 * Security group rules as the API takes them (IpPermissions, or the older top-level
 * IpProtocol/FromPort/ToPort/CidrIp members) and as it shows them (one IpPermission per
 * protocol and port range, grouping its sources). Each source of an IpPermission is one
 * rule with its own ID, and counts once against the quota.
 * https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html
 */
import { invalidParameterValue, clientError } from './errors.js';
import { parseCidr } from './cidr.js';
import type { Input } from './operation.js';
import type { SecurityGroupRule } from './state.js';

/** A rule before it has an ID: what authorize adds and revoke looks for. */
export type RuleSpec = Omit<SecurityGroupRule, 'SecurityGroupRuleId' | 'GroupId' | 'Tags'>;

const NAMED_PROTOCOLS: Readonly<Record<string, string>> = { tcp: 'tcp', '6': 'tcp', udp: 'udp', '17': 'udp', icmp: 'icmp', '1': 'icmp', icmpv6: 'icmpv6', '58': 'icmpv6', '-1': '-1', all: '-1' };

/** AWS stores tcp, udp, icmp and icmpv6 by name whatever was sent, and -1 for all. */
export function normaliseProtocol(given: unknown): string {
  if (given === undefined || given === null || given === '') {
    throw invalidParameterValue("Invalid value 'null' for protocol. VPC security group rules must specify protocols explicitly.");
  }
  const text = String(given).toLowerCase();
  const named = NAMED_PROTOCOLS[text];
  if (named) return named;
  const number = Number(text);
  if (/^\d+$/.test(text) && number >= 0 && number <= 255) return String(number);
  throw invalidParameterValue(`Invalid value '${String(given)}' for IP protocol. Unknown protocol.`);
}

/**
 * Ports as AWS checks them. Missing ports and out-of-range ports answer with the texts AWS
 * sends (seen in SDK and CloudFormation reports); AWS's text for a reversed range was not
 * found, so that one is ours, in the same form.
 */
function ports(protocol: string, from: unknown, to: unknown): { FromPort: number; ToPort: number } {
  if (protocol === '-1' || !['tcp', 'udp', 'icmp', 'icmpv6'].includes(protocol)) return { FromPort: -1, ToPort: -1 };
  const given = typeof from === 'number' && typeof to === 'number';
  if (protocol === 'icmpv6' && !given) return { FromPort: -1, ToPort: -1 };
  if (protocol === 'icmp' || protocol === 'icmpv6') {
    if (!given) throw invalidParameterValue("Invalid value 'Must specify both from and to ports with ICMP.' for portRange.");
    for (const value of [from, to] as number[]) if (value < -1 || value > 255) throw clientError('InvalidPermission.Malformed', `ICMP type or code (${value}) out of range`);
    return { FromPort: from as number, ToPort: to as number };
  }
  if (!given) throw invalidParameterValue("Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.");
  for (const value of [from, to] as number[]) if (value < 0 || value > 65535) throw clientError('InvalidPermission.Malformed', `TCP/UDP port (${value}) out of range`);
  if ((from as number) > (to as number)) throw clientError('InvalidPermission.Malformed', `TCP/UDP port range ${from as number}-${to as number} is reversed: the from port must not be greater than the to port`);
  return { FromPort: from as number, ToPort: to as number };
}

/** AWS keeps the canonical block: 203.0.113.9/24 is stored as 203.0.113.0/24. */
function cidr(text: string, version: 4 | 6): string {
  const parsed = parseCidr(text);
  if (!parsed || parsed.version !== version) throw invalidParameterValue(`CIDR block ${text} is malformed`);
  return parsed.text;
}

/**
 * Every rule the request names, one per source, validated whole before anything changes:
 * a batch with one bad rule adds none.
 */
export function ruleSpecs(input: Input, egress: boolean): RuleSpec[] {
  const permissions: Input[] = Array.isArray(input.IpPermissions) ? (input.IpPermissions as Input[]) : [];
  const specs: RuleSpec[] = [];
  if (input.IpProtocol !== undefined || input.CidrIp !== undefined || input.SourceSecurityGroupName !== undefined) {
    if (permissions.length > 0) throw invalidParameterValue('The parameter IpPermissions cannot be used with the parameters IpProtocol, FromPort, ToPort, CidrIp or SourceSecurityGroupName.');
    const protocol = normaliseProtocol(input.IpProtocol ?? (input.SourceSecurityGroupName !== undefined ? '-1' : undefined));
    const base = { IsEgress: egress, IpProtocol: protocol, ...ports(protocol, input.FromPort, input.ToPort) };
    if (input.CidrIp !== undefined) specs.push({ ...base, CidrIpv4: cidr(String(input.CidrIp), 4) });
    else throw clientError('MissingParameter', 'Either CidrIp or SourceSecurityGroupName must be specified.');
    return specs;
  }
  if (permissions.length === 0) throw clientError('MissingParameter', 'No IpPermissions were specified.');
  for (const permission of permissions) {
    const protocol = normaliseProtocol(permission.IpProtocol);
    const base = { IsEgress: egress, IpProtocol: protocol, ...ports(protocol, permission.FromPort, permission.ToPort) };
    const described = (description: unknown) => (typeof description === 'string' && description !== '' ? { Description: description } : {});
    const before = specs.length;
    for (const range of (permission.IpRanges as Input[] | undefined) ?? []) specs.push({ ...base, CidrIpv4: cidr(String(range.CidrIp ?? ''), 4), ...described(range.Description) });
    for (const range of (permission.Ipv6Ranges as Input[] | undefined) ?? []) specs.push({ ...base, CidrIpv6: cidr(String(range.CidrIpv6 ?? ''), 6), ...described(range.Description) });
    for (const pair of (permission.UserIdGroupPairs as Input[] | undefined) ?? []) {
      const groupId = pair.GroupId as string | undefined;
      if (!groupId) throw clientError('MissingParameter', 'A UserIdGroupPair must name a GroupId in a VPC security group rule.');
      specs.push({ ...base, ReferencedGroupId: groupId, ...described(pair.Description) });
    }
    for (const list of (permission.PrefixListIds as Input[] | undefined) ?? []) specs.push({ ...base, PrefixListId: String(list.PrefixListId ?? ''), ...described(list.Description) });
    if (specs.length === before) {
      throw invalidParameterValue(`The request must contain a source (IpRanges, Ipv6Ranges, UserIdGroupPairs or PrefixListIds) for every ${egress ? 'egress' : 'ingress'} rule.`);
    }
  }
  return specs;
}

/** Two rules are the same when protocol, ports and source match; descriptions do not count. */
export function sameRule(a: RuleSpec, b: RuleSpec): boolean {
  return (
    a.IsEgress === b.IsEgress &&
    a.IpProtocol === b.IpProtocol &&
    a.FromPort === b.FromPort &&
    a.ToPort === b.ToPort &&
    a.CidrIpv4 === b.CidrIpv4 &&
    a.CidrIpv6 === b.CidrIpv6 &&
    a.ReferencedGroupId === b.ReferencedGroupId &&
    a.PrefixListId === b.PrefixListId
  );
}

/**
 * EC2's words for a rule in its duplicate error: `peer: 0.0.0.0/0, TCP, from port: 22, to
 * port: 22, ALLOW`, `peer: sg-…, ALL, ALLOW`, `peer: 0.0.0.0/0, protocol: 50, ALLOW`
 * (the forms seen in AWS's InvalidPermission.Duplicate answers).
 */
export function describeRuleForError(rule: RuleSpec): string {
  const peer = rule.CidrIpv4 ?? rule.CidrIpv6 ?? rule.ReferencedGroupId ?? rule.PrefixListId ?? '';
  let what: string;
  if (rule.IpProtocol === '-1') what = 'ALL';
  else if (rule.IpProtocol === 'tcp' || rule.IpProtocol === 'udp') what = `${rule.IpProtocol.toUpperCase()}, from port: ${rule.FromPort}, to port: ${rule.ToPort}`;
  else if (rule.IpProtocol === 'icmp' || rule.IpProtocol === 'icmpv6') what = `${rule.IpProtocol.toUpperCase()}, type: ${rule.FromPort}, code: ${rule.ToPort}`;
  else what = `protocol: ${rule.IpProtocol}`;
  return `peer: ${peer}, ${what}, ALLOW`;
}

/** The IpPermissions view of rules: one entry per protocol and port range, sources grouped. */
export function toIpPermissions(rules: readonly SecurityGroupRule[], ownerId: string): Record<string, unknown>[] {
  const permissions: { key: string; value: Record<string, unknown[]> & Record<string, unknown> }[] = [];
  for (const rule of rules) {
    const key = `${rule.IpProtocol}|${rule.FromPort}|${rule.ToPort}`;
    let entry = permissions.find((p) => p.key === key);
    if (!entry) {
      const value: Record<string, any> = { IpProtocol: rule.IpProtocol };
      if (rule.IpProtocol !== '-1') Object.assign(value, { FromPort: rule.FromPort, ToPort: rule.ToPort });
      Object.assign(value, { IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] });
      entry = { key, value };
      permissions.push(entry);
    }
    const description = rule.Description !== undefined ? { Description: rule.Description } : {};
    if (rule.CidrIpv4) entry.value.IpRanges!.push({ CidrIp: rule.CidrIpv4, ...description });
    if (rule.CidrIpv6) entry.value.Ipv6Ranges!.push({ CidrIpv6: rule.CidrIpv6, ...description });
    if (rule.PrefixListId) entry.value.PrefixListIds!.push({ PrefixListId: rule.PrefixListId, ...description });
    if (rule.ReferencedGroupId) entry.value.UserIdGroupPairs!.push({ ...description, GroupId: rule.ReferencedGroupId, UserId: ownerId });
  }
  return permissions.map((p) => p.value);
}
