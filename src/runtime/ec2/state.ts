/**
 * The simulated EC2 and VPC of one account in one region. Every resource is kept close to
 * the shape DescribeX returns for it (AWS's PascalCase members), so describing is copying
 * and filters read the same members the output shows; members AWS derives at describe
 * time (a route's blackhole state, a subnet's free addresses) are derived, not stored.
 * State is plain data (Maps and objects) so that world snapshots can clone it.
 */

export interface Tag {
  Key: string;
  Value: string;
}

export interface Vpc {
  VpcId: string;
  CidrBlock: string;
  CidrAssociationId: string;
  State: 'pending' | 'available';
  DhcpOptionsId: string;
  InstanceTenancy: string;
  IsDefault: boolean;
  EnableDnsSupport: boolean;
  EnableDnsHostnames: boolean;
  Tags: Tag[];
}

export interface Subnet {
  SubnetId: string;
  VpcId: string;
  CidrBlock: string;
  AvailabilityZone: string;
  AvailabilityZoneId: string;
  DefaultForAz: boolean;
  MapPublicIpOnLaunch: boolean;
  State: 'pending' | 'available';
  Tags: Tag[];
  /** Private addresses handed out in this subnet, so that none is given twice. */
  usedAddresses: string[];
}

export interface InternetGateway {
  InternetGatewayId: string;
  /** At most one: an internet gateway attaches to one VPC at a time. */
  Attachments: { VpcId: string; State: 'available' }[];
  Tags: Tag[];
}

export type NatGatewayState = 'pending' | 'available' | 'deleting' | 'deleted' | 'failed';

export interface NatGateway {
  NatGatewayId: string;
  SubnetId: string;
  VpcId: string;
  ConnectivityType: 'public' | 'private';
  State: NatGatewayState;
  AllocationId?: string;
  PublicIp?: string;
  PrivateIp: string;
  NetworkInterfaceId: string;
  CreateTimeMs: number;
  DeleteTimeMs?: number;
  Tags: Tag[];
}

export interface Address {
  AllocationId: string;
  PublicIp: string;
  Domain: 'vpc';
  AssociationId?: string;
  InstanceId?: string;
  NetworkInterfaceId?: string;
  PrivateIpAddress?: string;
  /** Set while a NAT gateway holds the address (AWS shows it as the NAT's interface). */
  natGatewayId?: string;
  Tags: Tag[];
}

export interface Route {
  DestinationCidrBlock?: string;
  DestinationIpv6CidrBlock?: string;
  /** `local` for the VPC's own range, or an internet gateway id. */
  GatewayId?: string;
  NatGatewayId?: string;
  InstanceId?: string;
  NetworkInterfaceId?: string;
  Origin: 'CreateRouteTable' | 'CreateRoute';
}

export interface RouteTableAssociation {
  RouteTableAssociationId: string;
  RouteTableId: string;
  SubnetId?: string;
  Main: boolean;
}

export interface RouteTable {
  RouteTableId: string;
  VpcId: string;
  Routes: Route[];
  Associations: RouteTableAssociation[];
  Tags: Tag[];
}

/**
 * One security group rule as describe-security-group-rules shows it. IpProtocol is as AWS
 * stores it: `tcp`, `udp`, `icmp`, `icmpv6`, `-1` for all, or a protocol number.
 */
export interface SecurityGroupRule {
  SecurityGroupRuleId: string;
  GroupId: string;
  IsEgress: boolean;
  IpProtocol: string;
  FromPort: number;
  ToPort: number;
  CidrIpv4?: string;
  CidrIpv6?: string;
  PrefixListId?: string;
  ReferencedGroupId?: string;
  Description?: string;
  Tags: Tag[];
}

export interface SecurityGroup {
  GroupId: string;
  GroupName: string;
  Description: string;
  VpcId: string;
  /**
   * Ingress and egress rules, in the order they were added. Give the group a new list rather
   * than replace a rule in place: the probe keeps its compiled form of a list while the list
   * stands and its length holds (packet-filters.ts).
   */
  rules: SecurityGroupRule[];
  Tags: Tag[];
}

export interface NetworkAclEntry {
  RuleNumber: number;
  Egress: boolean;
  /** `-1` for all, or a protocol number as a string (`6` TCP, `17` UDP, `1` ICMP). */
  Protocol: string;
  RuleAction: 'allow' | 'deny';
  CidrBlock?: string;
  Ipv6CidrBlock?: string;
  PortRange?: { From: number; To: number };
  IcmpTypeCode?: { Code: number; Type: number };
}

export interface NetworkAcl {
  NetworkAclId: string;
  VpcId: string;
  IsDefault: boolean;
  /** A new list rather than an entry replaced in place, as for SecurityGroup.rules. */
  Entries: NetworkAclEntry[];
  Associations: { NetworkAclAssociationId: string; NetworkAclId: string; SubnetId: string }[];
  Tags: Tag[];
}

export type InstanceStateName = 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';

export interface Instance {
  InstanceId: string;
  ImageId: string;
  InstanceType: string;
  KeyName?: string;
  SubnetId: string;
  VpcId: string;
  AvailabilityZone: string;
  PrivateIpAddress: string;
  PublicIpAddress?: string;
  /** Where the public address came from: assigned at launch, or an Elastic IP's. */
  publicIpSource?: 'launch' | 'elastic';
  /** True when the instance was given a public address at launch, so one returns when an Elastic IP leaves. */
  publicIpOnLaunch: boolean;
  NetworkInterfaceId: string;
  SecurityGroupIds: string[];
  State: InstanceStateName;
  StateTransitionReason: string;
  StateReason?: { Code: string; Message: string };
  LaunchTimeMs: number;
  AmiLaunchIndex: number;
  ReservationId: string;
  Architecture: string;
  Platform?: string;
  RootDeviceName: string;
  SourceDestCheck: boolean;
  /** When the instance reached `terminated`: AWS keeps showing it for about an hour. */
  terminatedAtMs?: number;
  Tags: Tag[];
}

export interface KeyPair {
  KeyPairId: string;
  KeyName: string;
  KeyFingerprint: string;
  KeyType: 'rsa' | 'ed25519';
  PublicKey?: string;
  CreateTimeMs: number;
  Tags: Tag[];
}

export interface Ec2RegionState {
  vpcs: Map<string, Vpc>;
  subnets: Map<string, Subnet>;
  internetGateways: Map<string, InternetGateway>;
  natGateways: Map<string, NatGateway>;
  addresses: Map<string, Address>;
  routeTables: Map<string, RouteTable>;
  securityGroups: Map<string, SecurityGroup>;
  networkAcls: Map<string, NetworkAcl>;
  instances: Map<string, Instance>;
  keyPairs: Map<string, KeyPair>;
  /** Public IPv4 addresses in use in this region (instances' and Elastic IPs). */
  publicAddresses: string[];
  /** False until the default VPC has been made: it is made on first use, with its own IDs. */
  defaultsMade: boolean;
}

export function createEc2RegionState(): Ec2RegionState {
  return {
    vpcs: new Map(),
    subnets: new Map(),
    internetGateways: new Map(),
    natGateways: new Map(),
    addresses: new Map(),
    routeTables: new Map(),
    securityGroups: new Map(),
    networkAcls: new Map(),
    instances: new Map(),
    keyPairs: new Map(),
    publicAddresses: [],
    defaultsMade: false,
  };
}
