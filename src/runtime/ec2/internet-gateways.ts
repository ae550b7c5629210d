/**
 * Internet gateways: made detached, attached to at most one VPC (and a VPC takes at most
 * one), detached only once no instance in the VPC holds a public address.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html
 */
import type { Ec2 } from './context.js';
import { clientError, invalidParameterValue, isWellFormedId, malformedId } from './errors.js';
import { applyFilters, type FilterTable } from './filters.js';
import { page, read, tagsMember, write, type Input } from './operation.js';
import { tagsFromSpecifications } from './tags.js';
import { requireVpc } from './vpcs.js';
import type { InternetGateway } from './state.js';

export function requireInternetGateway(ec2: Ec2, id: string): InternetGateway {
  const gateway = ec2.state.internetGateways.get(id);
  if (gateway) return gateway;
  if (!isWellFormedId(id, 'igw')) throw malformedId('InvalidInternetGatewayID.Malformed', id);
  throw clientError('InvalidInternetGatewayID.NotFound', `The internetGateway ID '${id}' does not exist`);
}

export function gatewayOfVpc(ec2: Ec2, vpcId: string): InternetGateway | undefined {
  for (const gateway of ec2.state.internetGateways.values()) if (gateway.Attachments.some((a) => a.VpcId === vpcId)) return gateway;
  return undefined;
}

function describeGateway(ec2: Ec2, gateway: InternetGateway): Record<string, unknown> {
  return { Attachments: gateway.Attachments.map((a) => ({ ...a })), InternetGatewayId: gateway.InternetGatewayId, OwnerId: ec2.accountId, ...tagsMember(gateway.Tags) };
}

/** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInternetGateways.html */
const GATEWAY_FILTERS = (ec2: Ec2): FilterTable<InternetGateway> => ({
  'attachment.state': (g) => g.Attachments.map((a) => a.State),
  'attachment.vpc-id': (g) => g.Attachments.map((a) => a.VpcId),
  'internet-gateway-id': (g) => g.InternetGatewayId,
  'owner-id': () => ec2.accountId,
});

function createInternetGateway(ec2: Ec2, input: Input) {
  const id = ec2.newId('igw');
  const gateway: InternetGateway = { InternetGatewayId: id, Attachments: [], Tags: tagsFromSpecifications(input.TagSpecifications, 'internet-gateway') };
  ec2.state.internetGateways.set(id, gateway);
  return { InternetGateway: describeGateway(ec2, gateway) };
}

function attachInternetGateway(ec2: Ec2, input: Input) {
  const gateway = requireInternetGateway(ec2, input.InternetGatewayId as string);
  const vpc = requireVpc(ec2, input.VpcId as string);
  const attached = gateway.Attachments[0];
  if (attached) throw clientError('Resource.AlreadyAssociated', `resource ${gateway.InternetGatewayId} is already attached to network ${attached.VpcId}`);
  if (gatewayOfVpc(ec2, vpc.VpcId)) throw invalidParameterValue(`Network ${vpc.VpcId} already has an internet gateway attached`);
  gateway.Attachments.push({ VpcId: vpc.VpcId, State: 'available' });
  return {};
}

function detachInternetGateway(ec2: Ec2, input: Input) {
  const gateway = requireInternetGateway(ec2, input.InternetGatewayId as string);
  const vpcId = input.VpcId as string;
  if (!gateway.Attachments.some((a) => a.VpcId === vpcId)) throw clientError('Gateway.NotAttached', `resource ${gateway.InternetGatewayId} is not attached to network ${vpcId}`);
  const mapped = [...ec2.state.instances.values()].some((i) => i.VpcId === vpcId && i.PublicIpAddress !== undefined && i.State !== 'terminated');
  if (mapped) throw clientError('DependencyViolation', `Network ${vpcId} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.`);
  gateway.Attachments = [];
  return {};
}

function deleteInternetGateway(ec2: Ec2, input: Input) {
  const gateway = requireInternetGateway(ec2, input.InternetGatewayId as string);
  if (gateway.Attachments.length > 0) throw clientError('DependencyViolation', `The internetGateway '${gateway.InternetGatewayId}' has dependencies and cannot be deleted.`);
  ec2.state.internetGateways.delete(gateway.InternetGatewayId);
  return {};
}

function describeInternetGateways(ec2: Ec2, input: Input) {
  const ids = (input.InternetGatewayIds as string[] | undefined) ?? [];
  const chosen = ids.length > 0 ? ids.map((id) => requireInternetGateway(ec2, id)) : [...ec2.state.internetGateways.values()];
  const { items, NextToken } = page(applyFilters(chosen, input.Filters, GATEWAY_FILTERS(ec2)), input);
  return { InternetGateways: items.map((g) => describeGateway(ec2, g)), ...(NextToken ? { NextToken } : {}) };
}

export const internetGatewayOperations = {
  CreateInternetGateway: write(createInternetGateway),
  AttachInternetGateway: write(attachInternetGateway),
  DetachInternetGateway: write(detachInternetGateway),
  DeleteInternetGateway: write(deleteInternetGateway),
  DescribeInternetGateways: read(describeInternetGateways),
};
