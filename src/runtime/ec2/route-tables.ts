/**
 * Route tables: every VPC has a main table; a subnet uses the main table until it is
 * associated with another (one table per subnet). Routes send a destination block to a
 * target; the local route for the VPC's own range cannot be removed.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html
 * https://docs.aws.amazon.com/vpc/latest/userguide/WorkWithRouteTables.html
 *
 * The codes are AWS's; messages follow AWS's answers where they were found (route already
 * exists, no route to delete, the local route), and are ours in the same style elsewhere.
 */
import type { Ec2 } from './context.js';
import { clientError, invalidParameterValue, isWellFormedId, malformedId, missingParameter } from './errors.js';
import { applyFilters, type FilterTable } from './filters.js';
import { parseCidr } from './cidr.js';
import { page, read, tagsMember, write, type Input } from './operation.js';
import { routeState } from './routing.js';
import { requireSubnet } from './subnets.js';
import { tagsFromSpecifications } from './tags.js';
import { requireVpc } from './vpcs.js';
import type { Route, RouteTable } from './state.js';

export function requireRouteTable(ec2: Ec2, id: string): RouteTable {
  const table = ec2.state.routeTables.get(id);
  if (table) return table;
  if (!isWellFormedId(id, 'rtb')) throw malformedId('InvalidRouteTableID.Malformed', id);
  throw clientError('InvalidRouteTableID.NotFound', `The routeTable ID '${id}' does not exist`);
}

function describeRoute(ec2: Ec2, table: RouteTable, route: Route): Record<string, unknown> {
  return {
    ...(route.DestinationCidrBlock ? { DestinationCidrBlock: route.DestinationCidrBlock } : {}),
    ...(route.DestinationIpv6CidrBlock ? { DestinationIpv6CidrBlock: route.DestinationIpv6CidrBlock } : {}),
    ...(route.GatewayId ? { GatewayId: route.GatewayId } : {}),
    ...(route.InstanceId ? { InstanceId: route.InstanceId, InstanceOwnerId: ec2.accountId } : {}),
    ...(route.NatGatewayId ? { NatGatewayId: route.NatGatewayId } : {}),
    ...(route.NetworkInterfaceId ? { NetworkInterfaceId: route.NetworkInterfaceId } : {}),
    Origin: route.Origin,
    State: routeState(ec2.state, table, route),
  };
}

function describeTable(ec2: Ec2, table: RouteTable): Record<string, unknown> {
  return {
    Associations: table.Associations.map((a) => ({ Main: a.Main, RouteTableAssociationId: a.RouteTableAssociationId, RouteTableId: a.RouteTableId, ...(a.SubnetId ? { SubnetId: a.SubnetId } : {}), AssociationState: { State: 'associated' } })),
    PropagatingVgws: [],
    RouteTableId: table.RouteTableId,
    Routes: table.Routes.map((r) => describeRoute(ec2, table, r)),
    ...tagsMember(table.Tags),
    VpcId: table.VpcId,
    OwnerId: ec2.accountId,
  };
}

const routes = (ec2: Ec2, t: RouteTable, read: (r: Route) => string | undefined) => t.Routes.map(read).filter((v) => v !== undefined);

/** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRouteTables.html */
const TABLE_FILTERS = (ec2: Ec2): FilterTable<RouteTable> => ({
  'association.route-table-association-id': (t) => t.Associations.map((a) => a.RouteTableAssociationId),
  'association.route-table-id': (t) => t.Associations.map((a) => a.RouteTableId),
  'association.subnet-id': (t) => t.Associations.map((a) => a.SubnetId),
  'association.main': (t) => t.Associations.map((a) => String(a.Main)),
  'owner-id': () => ec2.accountId,
  'route-table-id': (t) => t.RouteTableId,
  'route.destination-cidr-block': (t) => routes(ec2, t, (r) => r.DestinationCidrBlock),
  'route.gateway-id': (t) => routes(ec2, t, (r) => r.GatewayId),
  'route.instance-id': (t) => routes(ec2, t, (r) => r.InstanceId),
  'route.nat-gateway-id': (t) => routes(ec2, t, (r) => r.NatGatewayId),
  'route.origin': (t) => routes(ec2, t, (r) => r.Origin),
  'route.state': (t) => t.Routes.map((r) => routeState(ec2.state, t, r)),
  'vpc-id': (t) => t.VpcId,
});

function createRouteTable(ec2: Ec2, input: Input) {
  const vpc = requireVpc(ec2, input.VpcId as string);
  const id = ec2.newId('rtb');
  const table: RouteTable = { RouteTableId: id, VpcId: vpc.VpcId, Routes: [{ DestinationCidrBlock: vpc.CidrBlock, GatewayId: 'local', Origin: 'CreateRouteTable' }], Associations: [], Tags: tagsFromSpecifications(input.TagSpecifications, 'route-table') };
  ec2.state.routeTables.set(id, table);
  return { RouteTable: describeTable(ec2, table) };
}

function destinationOf(input: Input): string {
  const text = input.DestinationCidrBlock as string | undefined;
  if (text === undefined) throw missingParameter('destinationCidrBlock');
  const cidr = parseCidr(text);
  if (!cidr || cidr.version !== 4) throw invalidParameterValue(`Value (${text}) for parameter destinationCidrBlock is invalid. This is not a valid CIDR block.`);
  return cidr.text;
}

/** The route's target, checked to exist and to belong to the table's VPC. */
function targetOf(ec2: Ec2, table: RouteTable, input: Input): Pick<Route, 'GatewayId' | 'NatGatewayId' | 'InstanceId'> {
  const given = (['GatewayId', 'NatGatewayId', 'InstanceId', 'NetworkInterfaceId', 'VpcPeeringConnectionId', 'TransitGatewayId'] as const).filter((k) => input[k] !== undefined);
  if (given.length !== 1) throw invalidParameterValue('The request must name exactly one route target: GatewayId, NatGatewayId or InstanceId.');
  const member = given[0]!;
  const id = String(input[member]);
  if (member === 'GatewayId') {
    const gateway = ec2.state.internetGateways.get(id);
    if (!gateway) throw clientError('InvalidGatewayID.NotFound', `The gateway ID '${id}' does not exist`);
    if (!gateway.Attachments.some((a) => a.VpcId === table.VpcId)) throw invalidParameterValue(`route table ${table.RouteTableId} and network gateway ${id} belong to different networks`);
    return { GatewayId: id };
  }
  if (member === 'NatGatewayId') {
    const nat = ec2.state.natGateways.get(id);
    if (!nat || nat.State === 'deleted') throw clientError('NatGatewayNotFound', `The Nat Gateway ${id} was not found`);
    if (nat.VpcId !== table.VpcId) throw invalidParameterValue(`route table ${table.RouteTableId} and NAT gateway ${id} belong to different networks`);
    return { NatGatewayId: id };
  }
  if (member === 'InstanceId') {
    const instance = ec2.state.instances.get(id);
    if (!instance || instance.State === 'terminated') throw clientError('InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`);
    if (instance.VpcId !== table.VpcId) throw invalidParameterValue(`route table ${table.RouteTableId} and instance ${id} belong to different networks`);
    return { InstanceId: id };
  }
  throw invalidParameterValue(`awslab does not simulate routes to a ${member} yet: use an internet gateway, a NAT gateway or an instance.`);
}

function findRoute(table: RouteTable, destination: string): Route | undefined {
  return table.Routes.find((r) => r.DestinationCidrBlock === destination);
}

function createRoute(ec2: Ec2, input: Input) {
  const table = requireRouteTable(ec2, input.RouteTableId as string);
  const destination = destinationOf(input);
  const target = targetOf(ec2, table, input);
  if (findRoute(table, destination)) throw clientError('RouteAlreadyExists', `The route identified by ${destination} already exists.`);
  table.Routes.push({ DestinationCidrBlock: destination, ...target, Origin: 'CreateRoute' });
  return { Return: true };
}

function replaceRoute(ec2: Ec2, input: Input) {
  const table = requireRouteTable(ec2, input.RouteTableId as string);
  const destination = destinationOf(input);
  const route = findRoute(table, destination);
  if (!route) throw invalidParameterValue(`There is no route defined for '${destination}' in the route table. Use CreateRoute instead.`);
  if (route.GatewayId === 'local') throw invalidParameterValue(`cannot replace local route ${destination} in route table ${table.RouteTableId}`);
  table.Routes[table.Routes.indexOf(route)] = { DestinationCidrBlock: destination, ...targetOf(ec2, table, input), Origin: 'CreateRoute' };
  return {};
}

function deleteRoute(ec2: Ec2, input: Input) {
  const table = requireRouteTable(ec2, input.RouteTableId as string);
  const destination = destinationOf(input);
  const route = findRoute(table, destination);
  if (!route) throw clientError('InvalidRoute.NotFound', `no route with destination-cidr-block ${destination} in route table ${table.RouteTableId}`);
  if (route.GatewayId === 'local') throw invalidParameterValue(`cannot remove local route ${destination} in route table ${table.RouteTableId}`);
  table.Routes = table.Routes.filter((r) => r !== route);
  return {};
}

function findAssociation(ec2: Ec2, associationId: string) {
  for (const table of ec2.state.routeTables.values()) {
    const association = table.Associations.find((a) => a.RouteTableAssociationId === associationId);
    if (association) return { table, association };
  }
  throw clientError('InvalidAssociationID.NotFound', `The association ID '${associationId}' does not exist`);
}

function associateRouteTable(ec2: Ec2, input: Input) {
  const table = requireRouteTable(ec2, input.RouteTableId as string);
  const subnet = requireSubnet(ec2, input.SubnetId as string);
  if (subnet.VpcId !== table.VpcId) throw invalidParameterValue(`Route table ${table.RouteTableId} and subnet ${subnet.SubnetId} belong to different networks`);
  for (const other of ec2.state.routeTables.values()) {
    if (other.Associations.some((a) => a.SubnetId === subnet.SubnetId)) {
      throw clientError('Resource.AlreadyAssociated', `the specified association for route table ${other.RouteTableId} conflicts with an existing association`);
    }
  }
  const AssociationId = ec2.newId('rtbassoc');
  table.Associations.push({ RouteTableAssociationId: AssociationId, RouteTableId: table.RouteTableId, SubnetId: subnet.SubnetId, Main: false });
  return { AssociationId, AssociationState: { State: 'associated' } };
}

function disassociateRouteTable(ec2: Ec2, input: Input) {
  const { table, association } = findAssociation(ec2, input.AssociationId as string);
  if (association.Main) throw invalidParameterValue(`cannot disassociate the main route table association ${association.RouteTableAssociationId}`);
  table.Associations = table.Associations.filter((a) => a !== association);
  return {};
}

/** Moves a subnet, or the VPC's main-table role, to another table. */
function replaceRouteTableAssociation(ec2: Ec2, input: Input) {
  const { table, association } = findAssociation(ec2, input.AssociationId as string);
  const target = requireRouteTable(ec2, input.RouteTableId as string);
  if (target.VpcId !== table.VpcId) throw invalidParameterValue(`Route table ${target.RouteTableId} is in another VPC than association ${association.RouteTableAssociationId}`);
  table.Associations = table.Associations.filter((a) => a !== association);
  const NewAssociationId = ec2.newId('rtbassoc');
  target.Associations.push({ RouteTableAssociationId: NewAssociationId, RouteTableId: target.RouteTableId, ...(association.SubnetId ? { SubnetId: association.SubnetId } : {}), Main: association.Main });
  return { NewAssociationId, AssociationState: { State: 'associated' } };
}

function deleteRouteTable(ec2: Ec2, input: Input) {
  const table = requireRouteTable(ec2, input.RouteTableId as string);
  if (table.Associations.length > 0) throw clientError('DependencyViolation', `The routeTable '${table.RouteTableId}' has dependencies and cannot be deleted.`);
  ec2.state.routeTables.delete(table.RouteTableId);
  return {};
}

function describeRouteTables(ec2: Ec2, input: Input) {
  const ids = (input.RouteTableIds as string[] | undefined) ?? [];
  const chosen = ids.length > 0 ? ids.map((id) => requireRouteTable(ec2, id)) : [...ec2.state.routeTables.values()];
  const { items, NextToken } = page(applyFilters(chosen, input.Filters, TABLE_FILTERS(ec2)), input);
  return { RouteTables: items.map((t) => describeTable(ec2, t)), ...(NextToken ? { NextToken } : {}) };
}

export const routeTableOperations = {
  CreateRouteTable: write(createRouteTable),
  DeleteRouteTable: write(deleteRouteTable),
  DescribeRouteTables: read(describeRouteTables),
  CreateRoute: write(createRoute),
  ReplaceRoute: write(replaceRoute),
  DeleteRoute: write(deleteRoute),
  AssociateRouteTable: write(associateRouteTable),
  DisassociateRouteTable: write(disassociateRouteTable),
  ReplaceRouteTableAssociation: write(replaceRouteTableAssociation),
};
