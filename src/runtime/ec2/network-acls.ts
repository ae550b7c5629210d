/**
 * Network ACLs: numbered allow and deny entries per direction, evaluated lowest number first
 * (see packet-filters.ts), ending in the `*` entry that denies the rest. A custom ACL starts
 * with only the `*` entries, so it denies everything until rules are added. Every subnet is
 * associated with exactly one ACL: the VPC's default one until another replaces it.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
 * https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html
 *
 * The error codes are AWS's. Where AWS's exact text could not be found (the checks on rule
 * number, action, protocol and port range, the entry quota, deleting the default ACL), the
 * message is ours, written in the same style and naming the value that was wrong.
 */
import type { Ec2 } from './context.js';
import { clientError, invalidParameterValue, isWellFormedId, malformedId, missingParameter } from './errors.js';
import { applyFilters, type FilterTable } from './filters.js';
import { parseCidr } from './cidr.js';
import { page, read, tagsMember, write, type Input } from './operation.js';
import { tagsFromSpecifications } from './tags.js';
import { requireVpc } from './vpcs.js';
import type { NetworkAcl, NetworkAclEntry } from './state.js';

/** The default quota: 20 rules per direction (the `*` rule is not counted). */
export const ENTRIES_PER_DIRECTION = 20;
const CATCH_ALL = 32767;

export function requireAcl(ec2: Ec2, networkAclId: string): NetworkAcl {
  const acl = ec2.state.networkAcls.get(networkAclId);
  if (acl) return acl;
  if (!isWellFormedId(networkAclId, 'acl')) throw malformedId('InvalidNetworkAclID.Malformed', networkAclId);
  throw clientError('InvalidNetworkAclID.NotFound', `The network ACL '${networkAclId}' does not exist`);
}

function sortedEntries(acl: NetworkAcl): NetworkAclEntry[] {
  return [...acl.Entries].sort((a, b) => Number(b.Egress) - Number(a.Egress) || a.RuleNumber - b.RuleNumber);
}

function describeAcl(ec2: Ec2, acl: NetworkAcl): Record<string, unknown> {
  return {
    Associations: acl.Associations.map((a) => ({ ...a })),
    Entries: sortedEntries(acl).map((e) => ({
      ...(e.CidrBlock ? { CidrBlock: e.CidrBlock } : {}),
      Egress: e.Egress,
      ...(e.IcmpTypeCode ? { IcmpTypeCode: { ...e.IcmpTypeCode } } : {}),
      ...(e.Ipv6CidrBlock ? { Ipv6CidrBlock: e.Ipv6CidrBlock } : {}),
      ...(e.PortRange ? { PortRange: { ...e.PortRange } } : {}),
      Protocol: e.Protocol,
      RuleAction: e.RuleAction,
      RuleNumber: e.RuleNumber,
    })),
    IsDefault: acl.IsDefault,
    NetworkAclId: acl.NetworkAclId,
    ...tagsMember(acl.Tags),
    VpcId: acl.VpcId,
    OwnerId: ec2.accountId,
  };
}

const entries = (acl: NetworkAcl, read: (e: NetworkAclEntry) => string | number | boolean | undefined) => acl.Entries.map(read);

/** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNetworkAcls.html */
const ACL_FILTERS = (ec2: Ec2): FilterTable<NetworkAcl> => ({
  'association.association-id': (a) => a.Associations.map((x) => x.NetworkAclAssociationId),
  'association.network-acl-id': (a) => a.Associations.map((x) => x.NetworkAclId),
  'association.subnet-id': (a) => a.Associations.map((x) => x.SubnetId),
  default: (a) => String(a.IsDefault),
  'entry.cidr': (a) => entries(a, (e) => e.CidrBlock),
  'entry.egress': (a) => entries(a, (e) => String(e.Egress)),
  'entry.ipv6-cidr': (a) => entries(a, (e) => e.Ipv6CidrBlock),
  'entry.port-range.from': (a) => entries(a, (e) => e.PortRange?.From),
  'entry.port-range.to': (a) => entries(a, (e) => e.PortRange?.To),
  'entry.protocol': (a) => entries(a, (e) => e.Protocol),
  'entry.rule-action': (a) => entries(a, (e) => e.RuleAction),
  'entry.rule-number': (a) => entries(a, (e) => e.RuleNumber),
  'network-acl-id': (a) => a.NetworkAclId,
  'owner-id': () => ec2.accountId,
  'vpc-id': (a) => a.VpcId,
});

const PROTOCOL_NUMBERS: Readonly<Record<string, string>> = { tcp: '6', udp: '17', icmp: '1', icmpv6: '58', all: '-1' };

/** The API takes protocol numbers (`6`) and the CLI's names; AWS stores the number. */
function normaliseProtocol(given: unknown): string {
  const text = String(given ?? '').toLowerCase();
  const named = PROTOCOL_NUMBERS[text];
  if (named) return named;
  if (text === '-1' || (/^\d+$/.test(text) && Number(text) <= 255)) return String(Number(text));
  throw invalidParameterValue(`Invalid value '${String(given)}' for protocol. The protocol must be -1, a protocol number from 0 to 255, or tcp, udp or icmp.`);
}

/** One entry from a Create/ReplaceNetworkAclEntry request, checked before anything changes. */
function entryFrom(input: Input): NetworkAclEntry {
  const ruleNumber = input.RuleNumber as number;
  if (!Number.isInteger(ruleNumber) || ruleNumber < 1 || ruleNumber > 32766) {
    throw invalidParameterValue(`Invalid value '${String(ruleNumber)}' for ruleNumber. It must be an integer from 1 to 32766.`);
  }
  const action = String(input.RuleAction ?? '').toLowerCase();
  if (action !== 'allow' && action !== 'deny') throw invalidParameterValue(`Invalid value '${String(input.RuleAction)}' for ruleAction. It must be allow or deny.`);
  const protocol = normaliseProtocol(input.Protocol);
  const v4 = input.CidrBlock as string | undefined;
  const v6 = input.Ipv6CidrBlock as string | undefined;
  if ((v4 === undefined) === (v6 === undefined)) throw missingParameter('cidrBlock or ipv6CidrBlock (exactly one)');
  const block = parseCidr((v4 ?? v6)!);
  if (!block || block.version !== (v4 !== undefined ? 4 : 6)) throw invalidParameterValue(`CIDR block ${(v4 ?? v6)!} is malformed`);
  const entry: NetworkAclEntry = { RuleNumber: ruleNumber, Egress: input.Egress === true, Protocol: protocol, RuleAction: action, ...(v4 !== undefined ? { CidrBlock: block.text } : { Ipv6CidrBlock: block.text }) };
  if (protocol === '6' || protocol === '17') {
    const range = input.PortRange as { From?: number; To?: number } | undefined;
    if (range?.From === undefined || range.To === undefined) throw missingParameter('portRange');
    if (range.From < 0 || range.To > 65535 || range.From > range.To) throw invalidParameterValue(`Invalid value '${range.From}-${range.To}' for portRange. Ports run from 0 to 65535, lowest first.`);
    entry.PortRange = { From: range.From, To: range.To };
  }
  if (protocol === '1') {
    const icmp = input.IcmpTypeCode as { Type?: number; Code?: number } | undefined;
    if (icmp?.Type === undefined || icmp.Code === undefined) throw missingParameter('icmpTypeCode');
    entry.IcmpTypeCode = { Code: icmp.Code, Type: icmp.Type };
  }
  return entry;
}

function createNetworkAcl(ec2: Ec2, input: Input) {
  const vpc = requireVpc(ec2, input.VpcId as string);
  const tags = tagsFromSpecifications(input.TagSpecifications, 'network-acl');
  const id = ec2.newId('acl');
  const acl: NetworkAcl = {
    NetworkAclId: id,
    VpcId: vpc.VpcId,
    IsDefault: false,
    Entries: [true, false].map((Egress) => ({ RuleNumber: CATCH_ALL, Egress, Protocol: '-1', RuleAction: 'deny' as const, CidrBlock: '0.0.0.0/0' })),
    Associations: [],
    Tags: tags,
  };
  ec2.state.networkAcls.set(id, acl);
  return { NetworkAcl: describeAcl(ec2, acl) };
}

function deleteNetworkAcl(ec2: Ec2, input: Input) {
  const acl = requireAcl(ec2, input.NetworkAclId as string);
  if (acl.IsDefault) throw clientError('InvalidParameterValue', `cannot delete default network ACL ${acl.NetworkAclId}`);
  if (acl.Associations.length > 0) throw clientError('DependencyViolation', `The network ACL '${acl.NetworkAclId}' has dependencies and cannot be deleted.`);
  ec2.state.networkAcls.delete(acl.NetworkAclId);
  return {};
}

function findEntry(acl: NetworkAcl, ruleNumber: unknown, egress: boolean): NetworkAclEntry | undefined {
  return acl.Entries.find((e) => e.RuleNumber === ruleNumber && e.Egress === egress);
}

function createNetworkAclEntry(ec2: Ec2, input: Input) {
  const acl = requireAcl(ec2, input.NetworkAclId as string);
  const entry = entryFrom(input);
  if (findEntry(acl, entry.RuleNumber, entry.Egress)) {
    throw clientError('NetworkAclEntryAlreadyExists', `The network acl entry identified by ${entry.RuleNumber} already exists.`);
  }
  if (acl.Entries.filter((e) => e.Egress === entry.Egress && e.RuleNumber !== CATCH_ALL).length >= ENTRIES_PER_DIRECTION) {
    throw clientError('NetworkAclEntryLimitExceeded', `The maximum number of network ACL entries (${ENTRIES_PER_DIRECTION} per direction) has been reached.`);
  }
  acl.Entries = [...acl.Entries, entry];
  return {};
}

function replaceNetworkAclEntry(ec2: Ec2, input: Input) {
  const acl = requireAcl(ec2, input.NetworkAclId as string);
  const entry = entryFrom(input);
  const existing = findEntry(acl, entry.RuleNumber, entry.Egress);
  if (!existing) throw clientError('InvalidNetworkAclEntry.NotFound', `The network acl entry identified by ${entry.RuleNumber} does not exist.`);
  acl.Entries = acl.Entries.map((e) => (e === existing ? entry : e));
  return {};
}

function deleteNetworkAclEntry(ec2: Ec2, input: Input) {
  const acl = requireAcl(ec2, input.NetworkAclId as string);
  const existing = findEntry(acl, input.RuleNumber, input.Egress === true);
  if (!existing || existing.RuleNumber === CATCH_ALL) {
    throw clientError('InvalidNetworkAclEntry.NotFound', `The network acl entry identified by ${String(input.RuleNumber)} does not exist.`);
  }
  acl.Entries = acl.Entries.filter((e) => e !== existing);
  return {};
}

/** Moves a subnet to another ACL of its VPC; the association gets a new ID, as in AWS. */
function replaceNetworkAclAssociation(ec2: Ec2, input: Input) {
  const associationId = input.AssociationId as string;
  const target = requireAcl(ec2, input.NetworkAclId as string);
  const current = [...ec2.state.networkAcls.values()].find((a) => a.Associations.some((x) => x.NetworkAclAssociationId === associationId));
  if (!current) throw clientError('InvalidAssociationID.NotFound', `The association ID '${associationId}' does not exist`);
  const association = current.Associations.find((x) => x.NetworkAclAssociationId === associationId)!;
  if (current.VpcId !== target.VpcId) throw invalidParameterValue(`Network ACL ${target.NetworkAclId} and subnet ${association.SubnetId} belong to different VPCs`);
  current.Associations = current.Associations.filter((x) => x !== association);
  const NewAssociationId = ec2.newId('aclassoc');
  target.Associations.push({ NetworkAclAssociationId: NewAssociationId, NetworkAclId: target.NetworkAclId, SubnetId: association.SubnetId });
  return { NewAssociationId };
}

function describeNetworkAcls(ec2: Ec2, input: Input) {
  const ids = (input.NetworkAclIds as string[] | undefined) ?? [];
  const chosen = ids.length > 0 ? ids.map((id) => requireAcl(ec2, id)) : [...ec2.state.networkAcls.values()];
  const { items, NextToken } = page(applyFilters(chosen, input.Filters, ACL_FILTERS(ec2)), input);
  return { NetworkAcls: items.map((a) => describeAcl(ec2, a)), ...(NextToken ? { NextToken } : {}) };
}

export const networkAclOperations = {
  CreateNetworkAcl: write(createNetworkAcl),
  DeleteNetworkAcl: write(deleteNetworkAcl),
  DescribeNetworkAcls: read(describeNetworkAcls),
  CreateNetworkAclEntry: write(createNetworkAclEntry),
  ReplaceNetworkAclEntry: write(replaceNetworkAclEntry),
  DeleteNetworkAclEntry: write(deleteNetworkAclEntry),
  ReplaceNetworkAclAssociation: write(replaceNetworkAclAssociation),
};
