/**
 * How a VPC routes a packet: the route table a subnet uses (its explicit association, else
 * the VPC's main table), the route that matches a destination (the most specific prefix
 * wins), and whether a route still leads anywhere (a route whose target is gone, detached
 * or not yet available is a blackhole).
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-table-priority
 * https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html
 */
import type { Ec2RegionState, Route, RouteTable, Subnet } from './state.js';
import { addressToBigInt, containsAddress, parseCidr } from './cidr.js';

export function mainRouteTable(state: Ec2RegionState, vpcId: string): RouteTable | undefined {
  for (const table of state.routeTables.values()) if (table.VpcId === vpcId && table.Associations.some((a) => a.Main)) return table;
  return undefined;
}

/** The table a subnet uses, and whether it got it by an explicit association. */
export function routeTableOf(state: Ec2RegionState, subnet: Subnet): { table: RouteTable; explicit: boolean } | undefined {
  for (const table of state.routeTables.values()) {
    if (table.Associations.some((a) => a.SubnetId === subnet.SubnetId)) return { table, explicit: true };
  }
  const main = mainRouteTable(state, subnet.VpcId);
  return main ? { table: main, explicit: false } : undefined;
}

export function routeTarget(route: Route): string {
  return route.GatewayId ?? route.NatGatewayId ?? route.InstanceId ?? route.NetworkInterfaceId ?? 'unknown';
}

/** `active`, or `blackhole` when the target no longer carries traffic for this VPC. */
export function routeState(state: Ec2RegionState, table: RouteTable, route: Route): 'active' | 'blackhole' {
  if (route.GatewayId === 'local') return 'active';
  if (route.GatewayId?.startsWith('igw-')) {
    const gateway = state.internetGateways.get(route.GatewayId);
    return gateway?.Attachments.some((a) => a.VpcId === table.VpcId) ? 'active' : 'blackhole';
  }
  if (route.NatGatewayId) {
    const nat = state.natGateways.get(route.NatGatewayId);
    return nat && (nat.State === 'available' || nat.State === 'pending') ? 'active' : 'blackhole';
  }
  if (route.InstanceId) {
    const instance = state.instances.get(route.InstanceId);
    return instance && instance.State !== 'terminated' ? 'active' : 'blackhole';
  }
  return 'blackhole';
}

/** The route for `address`: the longest matching prefix, as AWS chooses. */
export function matchRoute(table: RouteTable, address: string): Route | undefined {
  const value = addressToBigInt(address);
  if (value === undefined) return undefined;
  const version = address.includes(':') ? 6 : 4;
  let best: { route: Route; prefix: number } | undefined;
  for (const route of table.Routes) {
    const destination = route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock;
    const cidr = destination ? parseCidr(destination) : undefined;
    if (!cidr || !containsAddress(cidr, value, version)) continue;
    if (!best || cidr.prefix > best.prefix) best = { route, prefix: cidr.prefix };
  }
  return best?.route;
}
