/**
 * VPCs: create (an IPv4 block from /16 to /28), describe, delete (only once nothing of the
 * learner's remains in it), and the DNS attributes.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpc.html
 */
import type { Ec2 } from './context.js';
import { clientError, invalidParameterValue, isWellFormedId, malformedId, missingParameter } from './errors.js';
import { applyFilters, type FilterTable } from './filters.js';
import { parseCidr } from './cidr.js';
import { createVpcCompanions } from './default-vpc.js';
import { page, read, tagsMember, write, type Input } from './operation.js';
import { tagsFromSpecifications } from './tags.js';
import type { Vpc } from './state.js';

export function vpcNotFound(vpcId: string) {
  return clientError('InvalidVpcID.NotFound', `The vpc ID '${vpcId}' does not exist`);
}

export function requireVpc(ec2: Ec2, vpcId: string): Vpc {
  const vpc = ec2.state.vpcs.get(vpcId);
  if (vpc) return vpc;
  if (!isWellFormedId(vpcId, 'vpc')) throw malformedId('InvalidVpcID.Malformed', vpcId);
  throw vpcNotFound(vpcId);
}

export function defaultVpc(ec2: Ec2): Vpc | undefined {
  for (const vpc of ec2.state.vpcs.values()) if (vpc.IsDefault) return vpc;
  return undefined;
}

export function describeVpc(ec2: Ec2, vpc: Vpc, state = vpc.State): Record<string, unknown> {
  return {
    CidrBlock: vpc.CidrBlock,
    DhcpOptionsId: vpc.DhcpOptionsId,
    State: state,
    VpcId: vpc.VpcId,
    OwnerId: ec2.accountId,
    InstanceTenancy: vpc.InstanceTenancy,
    CidrBlockAssociationSet: [{ AssociationId: vpc.CidrAssociationId, CidrBlock: vpc.CidrBlock, CidrBlockState: { State: 'associated' } }],
    IsDefault: vpc.IsDefault,
    ...tagsMember(vpc.Tags),
  };
}

/** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcs.html */
const VPC_FILTERS = (ec2: Ec2): FilterTable<Vpc> => ({
  cidr: (v) => v.CidrBlock,
  'cidr-block-association.cidr-block': (v) => v.CidrBlock,
  'cidr-block-association.association-id': (v) => v.CidrAssociationId,
  'cidr-block-association.state': () => 'associated',
  'dhcp-options-id': (v) => v.DhcpOptionsId,
  'is-default': (v) => String(v.IsDefault),
  'owner-id': () => ec2.accountId,
  state: (v) => v.State,
  'vpc-id': (v) => v.VpcId,
});

function createVpc(ec2: Ec2, input: Input) {
  const text = input.CidrBlock as string | undefined;
  if (text === undefined) throw missingParameter('cidrBlock');
  const cidr = parseCidr(text);
  if (!cidr || cidr.version !== 4) throw invalidParameterValue(`Value (${text}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`);
  if (cidr.prefix < 16 || cidr.prefix > 28) throw clientError('InvalidVpc.Range', `The CIDR '${text}' is invalid.`);
  const tags = tagsFromSpecifications(input.TagSpecifications, 'vpc');
  const vpcId = ec2.newId('vpc');
  const defaults = defaultVpc(ec2);
  const vpc: Vpc = {
    VpcId: vpcId,
    CidrBlock: cidr.text,
    CidrAssociationId: ec2.newId('vpc-cidr-assoc'),
    State: 'available',
    DhcpOptionsId: defaults?.DhcpOptionsId ?? ec2.newId('dopt'),
    InstanceTenancy: (input.InstanceTenancy as string | undefined) ?? 'default',
    IsDefault: false,
    EnableDnsSupport: true,
    EnableDnsHostnames: false,
    Tags: tags,
  };
  ec2.state.vpcs.set(vpcId, vpc);
  createVpcCompanions(ec2, vpcId, vpc.CidrBlock, ec2.newId);
  // AWS answers while the VPC is still pending; it is usable at once.
  return { Vpc: describeVpc(ec2, vpc, 'pending') };
}

/** What still uses the VPC and must be deleted or detached first. */
function vpcHasDependencies(ec2: Ec2, vpcId: string): boolean {
  const s = ec2.state;
  const inVpc = <T extends { VpcId: string }>(items: Iterable<T>, extra: (item: T) => boolean = () => true) => [...items].some((item) => item.VpcId === vpcId && extra(item));
  return (
    inVpc(s.subnets.values()) ||
    inVpc(s.securityGroups.values(), (g) => g.GroupName !== 'default') ||
    inVpc(s.routeTables.values(), (t) => !t.Associations.some((a) => a.Main)) ||
    inVpc(s.networkAcls.values(), (a) => !a.IsDefault) ||
    [...s.internetGateways.values()].some((g) => g.Attachments.some((a) => a.VpcId === vpcId)) ||
    [...s.instances.values()].some((i) => i.VpcId === vpcId && i.State !== 'terminated')
  );
}

function deleteVpc(ec2: Ec2, input: Input) {
  const vpc = requireVpc(ec2, input.VpcId as string);
  if (vpcHasDependencies(ec2, vpc.VpcId)) throw clientError('DependencyViolation', `The vpc '${vpc.VpcId}' has dependencies and cannot be deleted.`);
  const s = ec2.state;
  for (const [id, table] of s.routeTables) if (table.VpcId === vpc.VpcId) s.routeTables.delete(id);
  for (const [id, acl] of s.networkAcls) if (acl.VpcId === vpc.VpcId) s.networkAcls.delete(id);
  for (const [id, group] of s.securityGroups) if (group.VpcId === vpc.VpcId) s.securityGroups.delete(id);
  s.vpcs.delete(vpc.VpcId);
  return {};
}

function describeVpcs(ec2: Ec2, input: Input) {
  const ids = (input.VpcIds as string[] | undefined) ?? [];
  const chosen = ids.length > 0 ? ids.map((id) => requireVpc(ec2, id)) : [...ec2.state.vpcs.values()];
  const matched = applyFilters(chosen, input.Filters, VPC_FILTERS(ec2));
  const { items, NextToken } = page(matched, input);
  return { Vpcs: items.map((v) => describeVpc(ec2, v)), ...(NextToken ? { NextToken } : {}) };
}

const DNS_ATTRIBUTES = { enableDnsSupport: 'EnableDnsSupport', enableDnsHostnames: 'EnableDnsHostnames' } as const;

function modifyVpcAttribute(ec2: Ec2, input: Input) {
  const vpc = requireVpc(ec2, input.VpcId as string);
  const given = (['EnableDnsSupport', 'EnableDnsHostnames'] as const).filter((k) => input[k] !== undefined);
  if (given.length !== 1) throw invalidParameterValue('Exactly one attribute must be specified per call: EnableDnsSupport or EnableDnsHostnames.');
  const member = given[0]!;
  const value = (input[member] as { Value?: boolean }).Value;
  if (typeof value !== 'boolean') throw missingParameter(`${member}.Value`);
  vpc[member] = value;
  return {};
}

function describeVpcAttribute(ec2: Ec2, input: Input) {
  const vpc = requireVpc(ec2, input.VpcId as string);
  const attribute = input.Attribute as keyof typeof DNS_ATTRIBUTES;
  const member = DNS_ATTRIBUTES[attribute];
  if (!member) throw invalidParameterValue(`Value (${String(attribute)}) for parameter attribute is invalid. Unknown attribute.`);
  return { VpcId: vpc.VpcId, [member]: { Value: vpc[member] } };
}

export const vpcOperations = {
  CreateVpc: write(createVpc),
  DeleteVpc: write(deleteVpc),
  DescribeVpcs: read(describeVpcs),
  ModifyVpcAttribute: write(modifyVpcAttribute),
  DescribeVpcAttribute: read(describeVpcAttribute),
};
