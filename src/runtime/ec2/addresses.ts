/**
 * Elastic IP addresses and the public IPv4 addresses instances get at launch. An Elastic IP
 * stays the account's until released; associating it with an instance replaces the
 * instance's launch-time public address, and taking it away gives the instance a new one
 * if it had one at launch.
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses
 */
import { nextInt } from '../../lib/random.js';
import type { Ec2 } from './context.js';
import { clientError, isWellFormedId, malformedId } from './errors.js';
import { applyFilters, type FilterTable } from './filters.js';
import { read, tagsMember, write, type Input } from './operation.js';
import { tagsFromSpecifications } from './tags.js';
import type { Address, Instance } from './state.js';

/** First octets of Amazon-owned ranges, so that simulated public addresses look like AWS's. */
const AMAZON_FIRST_OCTETS = [3, 18, 34, 35, 44, 52, 54];

/** A public IPv4 address no one else in the region holds, drawn from the seeded generator. */
export function allocatePublicAddress(ec2: Ec2): string {
  for (;;) {
    const first = AMAZON_FIRST_OCTETS[nextInt(ec2.random, AMAZON_FIRST_OCTETS.length)]!;
    const address = `${first}.${nextInt(ec2.random, 256)}.${nextInt(ec2.random, 256)}.${1 + nextInt(ec2.random, 254)}`;
    if (!ec2.state.publicAddresses.includes(address)) {
      ec2.state.publicAddresses.push(address);
      return address;
    }
  }
}

export function releasePublicAddress(ec2: Ec2, address: string): void {
  ec2.state.publicAddresses = ec2.state.publicAddresses.filter((a) => a !== address);
}

export function requireAddress(ec2: Ec2, input: Input): Address {
  const allocationId = input.AllocationId as string | undefined;
  if (allocationId !== undefined) {
    const address = ec2.state.addresses.get(allocationId);
    if (address) return address;
    if (!isWellFormedId(allocationId, 'eipalloc')) throw malformedId('InvalidAllocationID.Malformed', allocationId);
    throw clientError('InvalidAllocationID.NotFound', `The allocation ID '${allocationId}' does not exist`);
  }
  const publicIp = input.PublicIp as string | undefined;
  const byIp = [...ec2.state.addresses.values()].find((a) => a.PublicIp === publicIp);
  if (!byIp) throw clientError('InvalidAddress.NotFound', `The address '${publicIp ?? ''}' does not exist`);
  return byIp;
}

function describeAddress(address: Address): Record<string, unknown> {
  return {
    ...(address.InstanceId ? { InstanceId: address.InstanceId } : {}),
    PublicIp: address.PublicIp,
    AllocationId: address.AllocationId,
    ...(address.AssociationId ? { AssociationId: address.AssociationId } : {}),
    Domain: address.Domain,
    ...(address.NetworkInterfaceId ? { NetworkInterfaceId: address.NetworkInterfaceId } : {}),
    ...(address.PrivateIpAddress ? { PrivateIpAddress: address.PrivateIpAddress } : {}),
    ...tagsMember(address.Tags),
    PublicIpv4Pool: 'amazon',
  };
}

/** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeAddresses.html */
const ADDRESS_FILTERS: FilterTable<Address> = {
  'allocation-id': (a) => a.AllocationId,
  'association-id': (a) => a.AssociationId,
  domain: (a) => a.Domain,
  'instance-id': (a) => a.InstanceId,
  'network-interface-id': (a) => a.NetworkInterfaceId,
  'private-ip-address': (a) => a.PrivateIpAddress,
  'public-ip': (a) => a.PublicIp,
};

function allocateAddress(ec2: Ec2, input: Input) {
  const tags = tagsFromSpecifications(input.TagSpecifications, 'elastic-ip');
  const address: Address = { AllocationId: ec2.newId('eipalloc'), PublicIp: allocatePublicAddress(ec2), Domain: 'vpc', Tags: tags };
  ec2.state.addresses.set(address.AllocationId, address);
  return { PublicIp: address.PublicIp, AllocationId: address.AllocationId, PublicIpv4Pool: 'amazon', NetworkBorderGroup: ec2.region, Domain: 'vpc' };
}

function detachFromInstance(ec2: Ec2, address: Address): void {
  const instance = address.InstanceId ? ec2.state.instances.get(address.InstanceId) : undefined;
  if (instance && instance.publicIpSource === 'elastic') {
    delete instance.PublicIpAddress;
    delete instance.publicIpSource;
    if (instance.publicIpOnLaunch && instance.State !== 'terminated' && instance.State !== 'stopped') {
      instance.PublicIpAddress = allocatePublicAddress(ec2);
      instance.publicIpSource = 'launch';
    }
  }
  clearAssociation(address);
}

/** Frees an Elastic IP from whatever held it (an instance or a NAT gateway's interface). */
export function clearAssociation(address: Address): void {
  delete address.AssociationId;
  delete address.InstanceId;
  delete address.NetworkInterfaceId;
  delete address.PrivateIpAddress;
  delete address.natGatewayId;
}

/** Gives an instance the Elastic IP, releasing the public address it had from launch. */
export function attachToInstance(ec2: Ec2, address: Address, instance: Instance): string {
  if (instance.PublicIpAddress && instance.publicIpSource === 'launch') releasePublicAddress(ec2, instance.PublicIpAddress);
  instance.PublicIpAddress = address.PublicIp;
  instance.publicIpSource = 'elastic';
  address.AssociationId = ec2.newId('eipassoc');
  address.InstanceId = instance.InstanceId;
  address.NetworkInterfaceId = instance.NetworkInterfaceId;
  address.PrivateIpAddress = instance.PrivateIpAddress;
  return address.AssociationId;
}

function associateAddress(ec2: Ec2, input: Input) {
  const address = requireAddress(ec2, input);
  const instanceId = input.InstanceId as string | undefined;
  const instance = instanceId ? ec2.state.instances.get(instanceId) : undefined;
  if (!instance) throw clientError('InvalidInstanceID.NotFound', `The instance ID '${instanceId ?? ''}' does not exist`);
  if (instance.State !== 'running' && instance.State !== 'stopped') {
    throw clientError('IncorrectInstanceState', `The instance '${instance.InstanceId}' is not in a valid state for this operation.`);
  }
  if (address.AssociationId) {
    if (input.AllowReassociation !== true) throw clientError('Resource.AlreadyAssociated', `resource ${address.AllocationId} is already associated with associate-id ${address.AssociationId}`);
    detachFromInstance(ec2, address);
  }
  const held = [...ec2.state.addresses.values()].find((a) => a.InstanceId === instance.InstanceId);
  if (held) detachFromInstance(ec2, held);
  return { AssociationId: attachToInstance(ec2, address, instance) };
}

function disassociateAddress(ec2: Ec2, input: Input) {
  const associationId = input.AssociationId as string | undefined;
  const address = associationId
    ? [...ec2.state.addresses.values()].find((a) => a.AssociationId === associationId)
    : [...ec2.state.addresses.values()].find((a) => a.PublicIp === input.PublicIp);
  if (!address) throw clientError('InvalidAssociationID.NotFound', `The association ID '${associationId ?? String(input.PublicIp)}' does not exist`);
  if (address.natGatewayId) throw clientError('InvalidParameterValue', `The address ${address.PublicIp} is used by NAT gateway ${address.natGatewayId}; delete the NAT gateway to free it`);
  detachFromInstance(ec2, address);
  return {};
}

function releaseAddress(ec2: Ec2, input: Input) {
  const address = requireAddress(ec2, input);
  if (address.AssociationId || address.natGatewayId) throw clientError('InvalidIPAddress.InUse', `Address ${address.PublicIp} is in use.`);
  ec2.state.addresses.delete(address.AllocationId);
  releasePublicAddress(ec2, address.PublicIp);
  return {};
}

function describeAddresses(ec2: Ec2, input: Input) {
  let chosen = [...ec2.state.addresses.values()];
  const ids = (input.AllocationIds as string[] | undefined) ?? [];
  const ips = (input.PublicIps as string[] | undefined) ?? [];
  if (ids.length > 0) chosen = ids.map((id) => requireAddress(ec2, { AllocationId: id }));
  if (ips.length > 0) chosen = ips.map((ip) => requireAddress(ec2, { PublicIp: ip }));
  return { Addresses: applyFilters(chosen, input.Filters, ADDRESS_FILTERS).map(describeAddress) };
}

export const addressOperations = {
  AllocateAddress: write(allocateAddress),
  AssociateAddress: write(associateAddress),
  DisassociateAddress: write(disassociateAddress),
  ReleaseAddress: write(releaseAddress),
  DescribeAddresses: read(describeAddresses),
};
