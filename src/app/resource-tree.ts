/**
 * The account as a tree, for the lab screen's resources pane: per region, VPCs → subnets
 * (public or private, and why) → instances with their security groups, beside the VPC's
 * gateways; and the S3 buckets. Pure data read from the world's state: building it calls no
 * operation and makes nothing (EC2's default network is made on first use, and a view must
 * not move the seeded IDs a replay would give), so a region EC2 was never used in is left out.
 *
 * A subnet is public when its route table sends 0.0.0.0/0 to an internet gateway; anything
 * else is private, and the tree says what the default route does instead.
 * https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html#subnet-types
 */
import { REGIONS, type World } from '../runtime/index.js';
import { routeState, routeTableOf, routeTarget } from '../runtime/ec2/routing.js';
import type { Ec2RegionState, Instance, RouteTable, Subnet, Tag } from '../runtime/ec2/state.js';
import type { S3State } from '../runtime/s3/state.js';

/** Why a subnet is public or private, from its route table's default (0.0.0.0/0) route. */
export type SubnetAccess =
  | { kind: 'public'; via: string }
  | { kind: 'private'; reason: 'nat'; via: string }
  | { kind: 'private'; reason: 'blackhole'; via: string }
  | { kind: 'private'; reason: 'other-target'; via: string }
  | { kind: 'private'; reason: 'no-route' };

export interface GroupNode {
  id: string;
  name: string;
}

export interface InstanceNode {
  id: string;
  name?: string;
  state: string;
  privateIp: string;
  publicIp?: string;
  groups: GroupNode[];
}

export interface SubnetNode {
  id: string;
  name?: string;
  cidr: string;
  zone: string;
  isDefault: boolean;
  access: SubnetAccess;
  /** One line saying why: `public: 0.0.0.0/0 → igw-…`, `private: default route via nat-…`. */
  why: string;
  routeTable?: { id: string; association: 'main' | 'explicit' };
  networkAcl?: { id: string; isDefault: boolean };
  instances: InstanceNode[];
}

export interface VpcNode {
  id: string;
  name?: string;
  cidr: string;
  isDefault: boolean;
  internetGateways: string[];
  natGateways: { id: string; state: string; subnetId: string; publicIp?: string }[];
  subnets: SubnetNode[];
}

export interface RegionNode {
  region: string;
  vpcs: VpcNode[];
}

export interface BucketNode {
  name: string;
  region: string;
  /** `Enabled`, `Suspended`, or `Unversioned` (never configured). */
  versioning: string;
}

export interface ResourceTree {
  /** Regions EC2 was used in, the console's own first. */
  regions: RegionNode[];
  buckets: BucketNode[];
}

const nameTag = (tags: readonly Tag[]) => tags.find((t) => t.Key === 'Name')?.Value;
const named = <T extends object>(node: T, tags: readonly Tag[]): T => {
  const name = nameTag(tags);
  return name === undefined ? node : { ...node, name };
};

function defaultRoute(table: RouteTable) {
  return table.Routes.find((r) => r.DestinationCidrBlock === '0.0.0.0/0');
}

export function subnetAccess(state: Ec2RegionState, subnet: Subnet): SubnetAccess {
  const found = routeTableOf(state, subnet);
  const route = found && defaultRoute(found.table);
  if (!found || !route) return { kind: 'private', reason: 'no-route' };
  const via = routeTarget(route);
  if (routeState(state, found.table, route) === 'blackhole') return { kind: 'private', reason: 'blackhole', via };
  if (via.startsWith('igw-')) return { kind: 'public', via };
  if (via.startsWith('nat-')) return { kind: 'private', reason: 'nat', via };
  return { kind: 'private', reason: 'other-target', via };
}

export function accessText(access: SubnetAccess): string {
  if (access.kind === 'public') return `public: 0.0.0.0/0 → ${access.via}`;
  switch (access.reason) {
    case 'nat':
      return `private: default route via ${access.via}`;
    case 'blackhole':
      return `private: 0.0.0.0/0 → ${access.via} is a blackhole`;
    case 'other-target':
      return `private: default route via ${access.via}`;
    case 'no-route':
      return 'private: no route to the internet';
  }
}

function instanceNode(state: Ec2RegionState, instance: Instance): InstanceNode {
  const groups = instance.SecurityGroupIds.map((id) => ({ id, name: state.securityGroups.get(id)?.GroupName ?? id }));
  const node: InstanceNode = { id: instance.InstanceId, state: instance.State, privateIp: instance.PrivateIpAddress, groups };
  if (instance.PublicIpAddress) node.publicIp = instance.PublicIpAddress;
  return named(node, instance.Tags);
}

function subnetNode(state: Ec2RegionState, subnet: Subnet): SubnetNode {
  const access = subnetAccess(state, subnet);
  const node: SubnetNode = {
    id: subnet.SubnetId,
    cidr: subnet.CidrBlock,
    zone: subnet.AvailabilityZone,
    isDefault: subnet.DefaultForAz,
    access,
    why: accessText(access),
    instances: [...state.instances.values()].filter((i) => i.SubnetId === subnet.SubnetId).map((i) => instanceNode(state, i)),
  };
  const table = routeTableOf(state, subnet);
  if (table) node.routeTable = { id: table.table.RouteTableId, association: table.explicit ? 'explicit' : 'main' };
  const acl = [...state.networkAcls.values()].find((a) => a.Associations.some((x) => x.SubnetId === subnet.SubnetId));
  if (acl) node.networkAcl = { id: acl.NetworkAclId, isDefault: acl.IsDefault };
  return named(node, subnet.Tags);
}

/** One region's VPCs: the learner's own first (in the order they were made), the default VPC last. */
export function regionNode(state: Ec2RegionState, region: string): RegionNode {
  const vpcs = [...state.vpcs.values()].map((vpc): VpcNode => {
    const node: VpcNode = {
      id: vpc.VpcId,
      cidr: vpc.CidrBlock,
      isDefault: vpc.IsDefault,
      internetGateways: [...state.internetGateways.values()].filter((g) => g.Attachments.some((a) => a.VpcId === vpc.VpcId)).map((g) => g.InternetGatewayId),
      natGateways: [...state.natGateways.values()]
        .filter((n) => n.VpcId === vpc.VpcId && n.State !== 'deleted')
        .map((n) => ({ id: n.NatGatewayId, state: n.State, subnetId: n.SubnetId, ...(n.PublicIp ? { publicIp: n.PublicIp } : {}) })),
      subnets: [...state.subnets.values()].filter((s) => s.VpcId === vpc.VpcId).map((s) => subnetNode(state, s)),
    };
    return named(node, vpc.Tags);
  });
  return { region, vpcs: [...vpcs.filter((v) => !v.isDefault), ...vpcs.filter((v) => v.isDefault)] };
}

/** The tree of the whole account as the console in `region` sees it. */
export function resourceTree(world: World, region: string): ResourceTree {
  const names = world.serviceNames();
  const regions: RegionNode[] = [];
  if (names.includes('ec2')) {
    const order = [region, ...REGIONS.map((r) => r.name).filter((r) => r !== region)];
    for (const name of order) {
      const state = world.serviceState<Ec2RegionState>('ec2', name);
      if (state.defaultsMade) regions.push(regionNode(state, name));
    }
  }
  const buckets: BucketNode[] = [];
  if (names.includes('s3')) {
    const s3 = world.serviceState<S3State>('s3');
    for (const bucket of s3.buckets.values()) buckets.push({ name: bucket.name, region: bucket.region, versioning: bucket.versioning ?? 'Unversioned' });
    buckets.sort((a, b) => a.name.localeCompare(b.name));
  }
  return { regions, buckets };
}
