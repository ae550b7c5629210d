/**
 * Subnets: a block inside its VPC's range, /16 to /28, overlapping no other subnet of the
 * VPC, in one Availability Zone. AWS keeps five addresses of every subnet (the first four
 * and the last), so a /24 offers 251.
 * https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSubnet.html
 */
import { findRegion } from '../regions.js';
import type { Ec2 } from './context.js';
import { bigIntToAddress, containsCidr, overlaps, parseCidr, size, type Cidr } from './cidr.js';
import { clientError, invalidParameterValue, isWellFormedId, malformedId, missingParameter } from './errors.js';
import { applyFilters, type FilterTable } from './filters.js';
import { zoneId } from './default-vpc.js';
import { page, read, tagsMember, write, type Input } from './operation.js';
import { tagsFromSpecifications } from './tags.js';
import { requireVpc } from './vpcs.js';
import type { Subnet } from './state.js';

/** The first four addresses and the last of every subnet are AWS's. */
export const RESERVED_ADDRESSES_PER_SUBNET = 5;

export function requireSubnet(ec2: Ec2, subnetId: string): Subnet {
  const subnet = ec2.state.subnets.get(subnetId);
  if (subnet) return subnet;
  if (!isWellFormedId(subnetId, 'subnet')) throw malformedId('InvalidSubnetID.Malformed', subnetId);
  throw clientError('InvalidSubnetID.NotFound', `The subnet ID '${subnetId}' does not exist`);
}

export function availableAddressCount(subnet: Subnet): number {
  const cidr = parseCidr(subnet.CidrBlock)!;
  return Number(size(cidr)) - RESERVED_ADDRESSES_PER_SUBNET - subnet.usedAddresses.length;
}

/**
 * Takes the lowest free private address of the subnet (or `wanted`, when it is free and
 * usable), as EC2 does when no address is asked for. Throws when the subnet is full.
 */
export function takePrivateAddress(subnet: Subnet, wanted?: string): string {
  const cidr = parseCidr(subnet.CidrBlock)!;
  const used = new Set(subnet.usedAddresses);
  const first = cidr.network + 4n;
  const last = cidr.network + size(cidr) - 2n;
  if (wanted !== undefined) {
    const value = parseCidr(`${wanted}/32`);
    if (!value || value.network < first || value.network > last) {
      throw invalidParameterValue(`Address ${wanted} does not fall within the subnet's address range`);
    }
    if (used.has(wanted)) throw clientError('InvalidIPAddress.InUse', `Address ${wanted} is in use.`);
    subnet.usedAddresses.push(wanted);
    return wanted;
  }
  for (let a = first; a <= last; a++) {
    const text = bigIntToAddress(a, 4);
    if (!used.has(text)) {
      subnet.usedAddresses.push(text);
      return text;
    }
  }
  throw clientError('InsufficientFreeAddressesInSubnet', `There are not enough free addresses in subnet '${subnet.SubnetId}' to satisfy the requested number of instances.`);
}

export function releasePrivateAddress(subnet: Subnet, address: string): void {
  subnet.usedAddresses = subnet.usedAddresses.filter((a) => a !== address);
}

export function describeSubnet(ec2: Ec2, subnet: Subnet): Record<string, unknown> {
  return {
    AvailabilityZone: subnet.AvailabilityZone,
    AvailabilityZoneId: subnet.AvailabilityZoneId,
    AvailableIpAddressCount: availableAddressCount(subnet),
    CidrBlock: subnet.CidrBlock,
    DefaultForAz: subnet.DefaultForAz,
    MapPublicIpOnLaunch: subnet.MapPublicIpOnLaunch,
    State: subnet.State,
    SubnetId: subnet.SubnetId,
    VpcId: subnet.VpcId,
    OwnerId: ec2.accountId,
    AssignIpv6AddressOnCreation: false,
    Ipv6CidrBlockAssociationSet: [],
    ...tagsMember(subnet.Tags),
    SubnetArn: `arn:aws:ec2:${ec2.region}:${ec2.accountId}:subnet/${subnet.SubnetId}`,
  };
}

/** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSubnets.html */
const SUBNET_FILTERS = (ec2: Ec2): FilterTable<Subnet> => ({
  'availability-zone': (s) => s.AvailabilityZone,
  'availability-zone-id': (s) => s.AvailabilityZoneId,
  'available-ip-address-count': (s) => String(availableAddressCount(s)),
  'cidr-block': (s) => s.CidrBlock,
  cidr: (s) => s.CidrBlock,
  cidrBlock: (s) => s.CidrBlock,
  'default-for-az': (s) => String(s.DefaultForAz),
  defaultForAz: (s) => String(s.DefaultForAz),
  'map-public-ip-on-launch': (s) => String(s.MapPublicIpOnLaunch),
  'owner-id': () => ec2.accountId,
  state: (s) => s.State,
  'subnet-arn': (s) => `arn:aws:ec2:${ec2.region}:${ec2.accountId}:subnet/${s.SubnetId}`,
  'subnet-id': (s) => s.SubnetId,
  'vpc-id': (s) => s.VpcId,
});

function chooseZone(ec2: Ec2, input: Input): { name: string; id: string } {
  const zones = findRegion(ec2.region)?.availabilityZones ?? [];
  const byName = input.AvailabilityZone as string | undefined;
  const byId = input.AvailabilityZoneId as string | undefined;
  if (byName === undefined && byId === undefined) {
    // AWS picks a zone for you; the simulation picks the first, so that results replay.
    return { name: zones[0]!, id: zoneId(ec2.region, 0) };
  }
  const index = byName !== undefined ? zones.indexOf(byName) : zones.findIndex((_, i) => zoneId(ec2.region, i) === byId);
  if (index < 0) {
    const parameter = byName !== undefined ? 'availabilityZone' : 'availabilityZoneId';
    throw invalidParameterValue(`Value (${byName ?? byId}) for parameter ${parameter} is invalid. Subnets can currently only be created in the following availability zones: ${zones.join(', ')}.`);
  }
  return { name: zones[index]!, id: zoneId(ec2.region, index) };
}

function createSubnet(ec2: Ec2, input: Input) {
  const vpc = requireVpc(ec2, input.VpcId as string);
  const text = input.CidrBlock as string | undefined;
  if (text === undefined) throw missingParameter('cidrBlock');
  const cidr = parseCidr(text);
  if (!cidr || cidr.version !== 4) throw invalidParameterValue(`Value (${text}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`);
  const vpcCidr = parseCidr(vpc.CidrBlock)!;
  if (cidr.prefix < 16 || cidr.prefix > 28 || !containsCidr(vpcCidr, cidr)) throw clientError('InvalidSubnet.Range', `The CIDR '${text}' is invalid.`);
  if (subnetsOf(ec2, vpc.VpcId).some((other) => overlaps(parseCidr(other.CidrBlock)! as Cidr, cidr))) {
    throw clientError('InvalidSubnet.Conflict', `The CIDR '${text}' conflicts with another subnet`);
  }
  const zone = chooseZone(ec2, input);
  const tags = tagsFromSpecifications(input.TagSpecifications, 'subnet');
  const subnetId = ec2.newId('subnet');
  const subnet: Subnet = {
    SubnetId: subnetId,
    VpcId: vpc.VpcId,
    CidrBlock: cidr.text,
    AvailabilityZone: zone.name,
    AvailabilityZoneId: zone.id,
    DefaultForAz: false,
    MapPublicIpOnLaunch: false,
    State: 'available',
    Tags: tags,
    usedAddresses: [],
  };
  ec2.state.subnets.set(subnetId, subnet);
  // A new subnet belongs to its VPC's default network ACL until another is associated.
  for (const acl of ec2.state.networkAcls.values()) {
    if (acl.VpcId === vpc.VpcId && acl.IsDefault) acl.Associations.push({ NetworkAclAssociationId: ec2.newId('aclassoc'), NetworkAclId: acl.NetworkAclId, SubnetId: subnetId });
  }
  return { Subnet: describeSubnet(ec2, subnet) };
}

export function subnetsOf(ec2: Ec2, vpcId: string): Subnet[] {
  return [...ec2.state.subnets.values()].filter((s) => s.VpcId === vpcId);
}

function deleteSubnet(ec2: Ec2, input: Input) {
  const subnet = requireSubnet(ec2, input.SubnetId as string);
  const s = ec2.state;
  const inUse =
    [...s.instances.values()].some((i) => i.SubnetId === subnet.SubnetId && i.State !== 'terminated') ||
    [...s.natGateways.values()].some((n) => n.SubnetId === subnet.SubnetId && n.State !== 'deleted');
  if (inUse) throw clientError('DependencyViolation', `The subnet '${subnet.SubnetId}' has dependencies and cannot be deleted.`);
  for (const acl of s.networkAcls.values()) acl.Associations = acl.Associations.filter((a) => a.SubnetId !== subnet.SubnetId);
  for (const table of s.routeTables.values()) table.Associations = table.Associations.filter((a) => a.SubnetId !== subnet.SubnetId);
  s.subnets.delete(subnet.SubnetId);
  return {};
}

function describeSubnets(ec2: Ec2, input: Input) {
  const ids = (input.SubnetIds as string[] | undefined) ?? [];
  const chosen = ids.length > 0 ? ids.map((id) => requireSubnet(ec2, id)) : [...ec2.state.subnets.values()];
  const { items, NextToken } = page(applyFilters(chosen, input.Filters, SUBNET_FILTERS(ec2)), input);
  return { Subnets: items.map((s) => describeSubnet(ec2, s)), ...(NextToken ? { NextToken } : {}) };
}

function modifySubnetAttribute(ec2: Ec2, input: Input) {
  const subnet = requireSubnet(ec2, input.SubnetId as string);
  const value = (input.MapPublicIpOnLaunch as { Value?: boolean } | undefined)?.Value;
  if (typeof value !== 'boolean') throw invalidParameterValue('Specify one subnet attribute to modify: MapPublicIpOnLaunch.');
  subnet.MapPublicIpOnLaunch = value;
  return {};
}

export const subnetOperations = {
  CreateSubnet: write(createSubnet),
  DeleteSubnet: write(deleteSubnet),
  DescribeSubnets: read(describeSubnets),
  ModifySubnetAttribute: write(modifySubnetAttribute),
};
