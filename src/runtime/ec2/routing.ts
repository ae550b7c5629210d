/**
 * How a VPC routes a packet: the route table a subnet uses (its explicit association, else
 * the VPC's main table), the route that matches a destination (the most specific prefix
 * wins), and whether a route still leads anywhere (a route whose target is gone, detached
 * or not yet available is a blackhole).
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-table-priority
 * https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html
 */
import type { Ec2RegionState, Route, RouteTable, Subnet } from './state.js';
import { addressRange, inRange, parseAddress } from './address-ranges.js';

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
  const value = parseAddress(address);
  if (value === undefined) return undefined;
  let best: Route | undefined;
  let bestPrefix = -1;
  for (const route of table.Routes) {
    const range = addressRange(route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock);
    if (!range || !inRange(range, value)) continue;
    if (range.prefix > bestPrefix) {
      best = route;
      bestPrefix = range.prefix;
    }
  }
  return best;
}
