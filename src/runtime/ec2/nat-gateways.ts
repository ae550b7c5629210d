/**
 * NAT gateways: made in a (public) subnet with an Elastic IP for a public gateway, pending
 * until they become available on the clock; deleting moves them through deleting to
 * deleted, and a deleted gateway stays visible for about an hour. A route to a gateway that
 * is not available is a blackhole.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html
 * https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html
 *
 * AWS gives no fixed times; the simulation takes two minutes to create, one to delete, and
 * shows a deleted gateway for an hour, so that `wait` and waiters have something to wait for.
 */
import type { ServiceContext } from '../service.js';
import { ec2Of, type Ec2, type Ec2State } from './context.js';
import { clientError, invalidParameterValue, isWellFormedId, malformedId } from './errors.js';
import { applyFilters, type FilterTable } from './filters.js';
import { page, read, tagsMember, write, type Input } from './operation.js';
import { clearAssociation, requireAddress } from './addresses.js';
import { requireSubnet, takePrivateAddress, releasePrivateAddress } from './subnets.js';
import { tagsFromSpecifications } from './tags.js';
import type { NatGateway } from './state.js';

export const NAT_CREATE_MS = 2 * 60_000;
export const NAT_DELETE_MS = 60_000;
export const DELETED_VISIBLE_MS = 60 * 60_000;

export function requireNatGateway(ec2: Ec2, id: string): NatGateway {
  const nat = ec2.state.natGateways.get(id);
  if (nat) return nat;
  if (!isWellFormedId(id, 'nat')) throw malformedId('InvalidNatGatewayID.Malformed', id);
  throw clientError('NatGatewayNotFound', `The Nat Gateway ${id} was not found`);
}

function describeNat(nat: NatGateway): Record<string, unknown> {
  return {
    CreateTime: new Date(nat.CreateTimeMs),
    ...(nat.DeleteTimeMs !== undefined ? { DeleteTime: new Date(nat.DeleteTimeMs) } : {}),
    NatGatewayAddresses: [{ ...(nat.AllocationId ? { AllocationId: nat.AllocationId } : {}), NetworkInterfaceId: nat.NetworkInterfaceId, PrivateIp: nat.PrivateIp, ...(nat.PublicIp ? { PublicIp: nat.PublicIp } : {}) }],
    NatGatewayId: nat.NatGatewayId,
    State: nat.State,
    SubnetId: nat.SubnetId,
    VpcId: nat.VpcId,
    ...tagsMember(nat.Tags),
    ConnectivityType: nat.ConnectivityType,
  };
}

/** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNatGateways.html */
const NAT_FILTERS: FilterTable<NatGateway> = {
  'nat-gateway-id': (n) => n.NatGatewayId,
  state: (n) => n.State,
  'subnet-id': (n) => n.SubnetId,
  'vpc-id': (n) => n.VpcId,
};

function createNatGateway(ec2: Ec2, input: Input) {
  const subnet = requireSubnet(ec2, input.SubnetId as string);
  const connectivity = (input.ConnectivityType as string | undefined) ?? 'public';
  if (connectivity !== 'public' && connectivity !== 'private') throw invalidParameterValue(`Invalid value '${connectivity}' for ConnectivityType: use public or private.`);
  let allocationId: string | undefined;
  let publicIp: string | undefined;
  if (connectivity === 'public') {
    if (input.AllocationId === undefined) throw clientError('MissingParameter', 'A public NAT gateway needs an Elastic IP: give --allocation-id (allocate one with allocate-address).');
    const address = requireAddress(ec2, { AllocationId: input.AllocationId });
    if (address.AssociationId || address.natGatewayId) throw clientError('Resource.AlreadyAssociated', `Elastic IP address [${address.AllocationId}] is already associated`);
    allocationId = address.AllocationId;
    publicIp = address.PublicIp;
  }
  const tags = tagsFromSpecifications(input.TagSpecifications, 'natgateway');
  const nat: NatGateway = {
    NatGatewayId: ec2.newId('nat'),
    SubnetId: subnet.SubnetId,
    VpcId: subnet.VpcId,
    ConnectivityType: connectivity,
    State: 'pending',
    ...(allocationId ? { AllocationId: allocationId, PublicIp: publicIp } : {}),
    PrivateIp: takePrivateAddress(subnet, input.PrivateIpAddress as string | undefined),
    NetworkInterfaceId: ec2.newId('eni'),
    CreateTimeMs: ec2.nowMs,
    Tags: tags,
  };
  if (allocationId) {
    const address = ec2.state.addresses.get(allocationId)!;
    address.natGatewayId = nat.NatGatewayId;
    address.NetworkInterfaceId = nat.NetworkInterfaceId;
    address.PrivateIpAddress = nat.PrivateIp;
    address.AssociationId = ec2.newId('eipassoc');
  }
  ec2.state.natGateways.set(nat.NatGatewayId, nat);
  ec2.schedule(NAT_CREATE_MS, 'natGatewayAvailable', { natGatewayId: nat.NatGatewayId });
  return { NatGateway: describeNat(nat) };
}

function deleteNatGateway(ec2: Ec2, input: Input) {
  const nat = requireNatGateway(ec2, input.NatGatewayId as string);
  if (nat.State === 'deleting' || nat.State === 'deleted') return { NatGatewayId: nat.NatGatewayId };
  nat.State = 'deleting';
  ec2.schedule(NAT_DELETE_MS, 'natGatewayDeleted', { natGatewayId: nat.NatGatewayId });
  return { NatGatewayId: nat.NatGatewayId };
}

function describeNatGateways(ec2: Ec2, input: Input) {
  const ids = (input.NatGatewayIds as string[] | undefined) ?? [];
  const chosen = ids.length > 0 ? ids.map((id) => requireNatGateway(ec2, id)) : [...ec2.state.natGateways.values()];
  const { items, NextToken } = page(applyFilters(chosen, input.Filter ?? input.Filters, NAT_FILTERS), input);
  return { NatGateways: items.map(describeNat), ...(NextToken ? { NextToken } : {}) };
}

export const natGatewayOperations = {
  CreateNatGateway: write(createNatGateway),
  DeleteNatGateway: write(deleteNatGateway),
  DescribeNatGateways: read(describeNatGateways),
};

type Payload = { natGatewayId: string };

export const natGatewayTasks = {
  natGatewayAvailable(ctx: ServiceContext<Ec2State>, payload: Payload) {
    const nat = ctx.state.natGateways.get(payload.natGatewayId);
    if (nat?.State === 'pending') nat.State = 'available';
  },
  natGatewayDeleted(ctx: ServiceContext<Ec2State>, payload: Payload) {
    const ec2 = ec2Of(ctx);
    const nat = ec2.state.natGateways.get(payload.natGatewayId);
    if (!nat || nat.State !== 'deleting') return;
    nat.State = 'deleted';
    nat.DeleteTimeMs = ec2.nowMs;
    const subnet = ec2.state.subnets.get(nat.SubnetId);
    if (subnet) releasePrivateAddress(subnet, nat.PrivateIp);
    const address = nat.AllocationId ? ec2.state.addresses.get(nat.AllocationId) : undefined;
    if (address) clearAssociation(address);
    ec2.schedule(DELETED_VISIBLE_MS, 'natGatewayForgotten', payload);
  },
  natGatewayForgotten(ctx: ServiceContext<Ec2State>, payload: Payload) {
    if (ctx.state.natGateways.get(payload.natGatewayId)?.State === 'deleted') ctx.state.natGateways.delete(payload.natGatewayId);
  },
};
