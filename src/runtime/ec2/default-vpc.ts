/**
 * The network every region of a new account starts with: a default VPC 172.31.0.0/16 with
 * a /20 default subnet in each Availability Zone (public IPv4 addresses on launch), an
 * internet gateway, a main route table sending 0.0.0.0/0 to it, the default network ACL
 * (allow everything, then the `*` deny) and the default security group (all traffic from
 * itself in, everything out).
 * https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html
 * https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html#default-network-acl
 *
 * Its IDs come from a generator of its own, seeded by account and region, so making it on
 * first use does not shift the IDs of anything else the learner creates.
 */
import { findRegion } from '../regions.js';
import { createRandomState, ids } from '../random.js';
import type { Ec2 } from './context.js';
import type { NetworkAclEntry, SecurityGroupRule } from './state.js';

export const DEFAULT_VPC_CIDR = '172.31.0.0/16';

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** AWS's default network ACL entries, ingress and egress: rule 100 allows all, `*` denies. */
export function defaultAclEntries(): NetworkAclEntry[] {
  const entries: NetworkAclEntry[] = [];
  for (const Egress of [false, true]) {
    entries.push({ RuleNumber: 100, Egress, Protocol: '-1', RuleAction: 'allow', CidrBlock: '0.0.0.0/0' });
    entries.push({ RuleNumber: 32767, Egress, Protocol: '-1', RuleAction: 'deny', CidrBlock: '0.0.0.0/0' });
  }
  return entries;
}

/** A new security group's rules: no inbound rule, and one outbound rule allowing all traffic. */
export function newGroupEgressRule(groupId: string, ruleId: string): SecurityGroupRule {
  return { SecurityGroupRuleId: ruleId, GroupId: groupId, IsEgress: true, IpProtocol: '-1', FromPort: -1, ToPort: -1, CidrIpv4: '0.0.0.0/0', Tags: [] };
}

/**
 * Makes the VPC's own companions that AWS makes with every VPC: the main route table with
 * the local route, the default network ACL and the default security group. Returns their ids.
 */
export function createVpcCompanions(ec2: Ec2, vpcId: string, cidrBlock: string, newId: (prefix: string) => string): { routeTableId: string; networkAclId: string; groupId: string } {
  const s = ec2.state;
  const routeTableId = newId('rtb');
  s.routeTables.set(routeTableId, {
    RouteTableId: routeTableId,
    VpcId: vpcId,
    Routes: [{ DestinationCidrBlock: cidrBlock, GatewayId: 'local', Origin: 'CreateRouteTable' }],
    Associations: [{ RouteTableAssociationId: newId('rtbassoc'), RouteTableId: routeTableId, Main: true }],
    Tags: [],
  });
  const networkAclId = newId('acl');
  s.networkAcls.set(networkAclId, { NetworkAclId: networkAclId, VpcId: vpcId, IsDefault: true, Entries: defaultAclEntries(), Associations: [], Tags: [] });
  const groupId = newId('sg');
  s.securityGroups.set(groupId, {
    GroupId: groupId,
    GroupName: 'default',
    Description: 'default VPC security group',
    VpcId: vpcId,
    rules: [
      { SecurityGroupRuleId: newId('sgr'), GroupId: groupId, IsEgress: false, IpProtocol: '-1', FromPort: -1, ToPort: -1, ReferencedGroupId: groupId, Tags: [] },
      newGroupEgressRule(groupId, newId('sgr')),
    ],
    Tags: [],
  });
  return { routeTableId, networkAclId, groupId };
}

export function ensureDefaultNetwork(ec2: Ec2): void {
  const s = ec2.state;
  s.defaultsMade = true;
  const random = createRandomState(seedOf(`${ec2.accountId}/${ec2.region}/default-vpc`));
  const newId = (prefix: string) => ids.resource(random, prefix);
  const vpcId = newId('vpc');
  s.vpcs.set(vpcId, {
    VpcId: vpcId,
    CidrBlock: DEFAULT_VPC_CIDR,
    CidrAssociationId: newId('vpc-cidr-assoc'),
    State: 'available',
    DhcpOptionsId: newId('dopt'),
    InstanceTenancy: 'default',
    IsDefault: true,
    EnableDnsSupport: true,
    EnableDnsHostnames: true,
    Tags: [],
  });
  const { routeTableId, networkAclId } = createVpcCompanions(ec2, vpcId, DEFAULT_VPC_CIDR, newId);
  const igwId = newId('igw');
  s.internetGateways.set(igwId, { InternetGatewayId: igwId, Attachments: [{ VpcId: vpcId, State: 'available' }], Tags: [] });
  s.routeTables.get(routeTableId)!.Routes.push({ DestinationCidrBlock: '0.0.0.0/0', GatewayId: igwId, Origin: 'CreateRoute' });
  const zones = findRegion(ec2.region)?.availabilityZones ?? [];
  zones.forEach((zone, index) => {
    const subnetId = newId('subnet');
    s.subnets.set(subnetId, {
      SubnetId: subnetId,
      VpcId: vpcId,
      CidrBlock: `172.31.${index * 16}.0/20`,
      AvailabilityZone: zone,
      AvailabilityZoneId: zoneId(ec2.region, index),
      DefaultForAz: true,
      MapPublicIpOnLaunch: true,
      State: 'available',
      Tags: [],
      usedAddresses: [],
    });
    s.networkAcls.get(networkAclId)!.Associations.push({ NetworkAclAssociationId: newId('aclassoc'), NetworkAclId: networkAclId, SubnetId: subnetId });
  });
}

const ZONE_ID_PREFIX: Readonly<Record<string, string>> = {
  'us-east-1': 'use1',
  'us-east-2': 'use2',
  'us-west-2': 'usw2',
  'eu-west-1': 'euw1',
  'eu-central-1': 'euc1',
  'ap-southeast-1': 'apse1',
};

/** AZ IDs (`use1-az1`): the same physical zone in every account, unlike the zone names. */
export function zoneId(region: string, index: number): string {
  return `${ZONE_ID_PREFIX[region] ?? region}-az${index + 1}`;
}
