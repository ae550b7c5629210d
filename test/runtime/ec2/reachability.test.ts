/**
 * The probe on hand-built networks: each test builds the smallest network that shows one
 * AWS rule and asserts the verdict and the deciding hop.
 */
import { describe, expect, it } from 'vitest';
import { createEc2RegionState, type Ec2RegionState, type Instance, type NetworkAclEntry, type SecurityGroupRule } from '../../../src/runtime/ec2/state.js';
import { defaultAclEntries } from '../../../src/runtime/ec2/default-vpc.js';
import { EPHEMERAL_PORT, probe, type Endpoint } from '../../../src/runtime/ec2/reachability.js';

let n = 0;
const id = (prefix: string) => `${prefix}-0${String(++n).padStart(16, '0')}`;

function network() {
  const state = createEc2RegionState();
  const vpcId = id('vpc');
  state.vpcs.set(vpcId, { VpcId: vpcId, CidrBlock: '10.0.0.0/16', CidrAssociationId: id('vpc-cidr-assoc'), State: 'available', DhcpOptionsId: id('dopt'), InstanceTenancy: 'default', IsDefault: false, EnableDnsSupport: true, EnableDnsHostnames: true, Tags: [] });
  const igw = id('igw');
  state.internetGateways.set(igw, { InternetGatewayId: igw, Attachments: [{ VpcId: vpcId, State: 'available' }], Tags: [] });
  const main = id('rtb');
  state.routeTables.set(main, { RouteTableId: main, VpcId: vpcId, Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable' }], Associations: [{ RouteTableAssociationId: id('rtbassoc'), RouteTableId: main, Main: true }], Tags: [] });
  const acl = id('acl');
  state.networkAcls.set(acl, { NetworkAclId: acl, VpcId: vpcId, IsDefault: true, Entries: defaultAclEntries(), Associations: [], Tags: [] });
  const publicTable = id('rtb');
  state.routeTables.set(publicTable, {
    RouteTableId: publicTable,
    VpcId: vpcId,
    Routes: [
      { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable' },
      { DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw, Origin: 'CreateRoute' },
    ],
    Associations: [],
    Tags: [],
  });
  const subnet = (cidr: string, isPublic: boolean) => {
    const subnetId = id('subnet');
    state.subnets.set(subnetId, { SubnetId: subnetId, VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: 'us-east-1a', AvailabilityZoneId: 'use1-az1', DefaultForAz: false, MapPublicIpOnLaunch: isPublic, State: 'available', Tags: [], usedAddresses: [] });
    state.networkAcls.get(acl)!.Associations.push({ NetworkAclAssociationId: id('aclassoc'), NetworkAclId: acl, SubnetId: subnetId });
    if (isPublic) state.routeTables.get(publicTable)!.Associations.push({ RouteTableAssociationId: id('rtbassoc'), RouteTableId: publicTable, SubnetId: subnetId, Main: false });
    return subnetId;
  };
  const group = (rules: Omit<SecurityGroupRule, 'GroupId' | 'SecurityGroupRuleId' | 'Tags'>[]) => {
    const groupId = id('sg');
    state.securityGroups.set(groupId, {
      GroupId: groupId,
      GroupName: groupId,
      Description: 'test',
      VpcId: vpcId,
      rules: [...rules, { IsEgress: true, IpProtocol: '-1', FromPort: -1, ToPort: -1, CidrIpv4: '0.0.0.0/0' }].map((r) => ({ ...r, GroupId: groupId, SecurityGroupRuleId: id('sgr'), Tags: [] })),
      Tags: [],
    });
    return groupId;
  };
  const instance = (subnetId: string, address: string, groups: string[], publicIp?: string): Instance => {
    const instanceId = id('i');
    const i: Instance = {
      InstanceId: instanceId, ImageId: 'ami-0', InstanceType: 't3.micro', SubnetId: subnetId, VpcId: vpcId, AvailabilityZone: 'us-east-1a', PrivateIpAddress: address,
      ...(publicIp ? { PublicIpAddress: publicIp } : {}), NetworkInterfaceId: id('eni'), SecurityGroupIds: groups, State: 'running', StateTransitionReason: '', LaunchTimeMs: 0,
      AmiLaunchIndex: 0, ReservationId: id('r'), Architecture: 'x86_64', RootDeviceName: '/dev/xvda', SourceDestCheck: true, Tags: [], publicIpOnLaunch: publicIp !== undefined,
    };
    state.instances.set(instanceId, i);
    return i;
  };
  return { state, vpcId, igw, acl, publicTable, main, subnet, group, instance };
}

const tcp = (port: number, from: Endpoint, to: Endpoint) => ({ protocol: 'tcp' as const, port, from, to });
const internet = (address = '203.0.113.9'): Endpoint => ({ kind: 'internet', address });
const at = (instance: Instance): Endpoint => ({ kind: 'instance', instance });
const deciding = <H extends { decision: string }>(hops: H[]) => hops.find((h) => h.decision === 'deny');
const ssh = { IsEgress: false, IpProtocol: 'tcp', FromPort: 22, ToPort: 22 };

// https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
describe('security groups in a probe', () => {
  it('let SSH in from the office range and name the rule that allowed it', () => {
    const net = network();
    const sg = net.group([{ ...ssh, CidrIpv4: '203.0.113.0/24' }]);
    const web = net.instance(net.subnet('10.0.1.0/24', true), '10.0.1.10', [sg], '54.1.2.3');
    const result = probe(net.state, tcp(22, internet('203.0.113.9'), at(web)));
    expect(result.allowed).toBe(true);
    const hop = result.hops.find((h) => h.kind === 'security-group-in')!;
    expect(hop).toMatchObject({ decision: 'allow', resource: sg, rule: net.state.securityGroups.get(sg)!.rules[0]!.SecurityGroupRuleId });
  });

  it('deny what no rule names: there are no deny rules, only the absence of an allow', () => {
    const net = network();
    const sg = net.group([{ ...ssh, CidrIpv4: '203.0.113.0/24' }]);
    const web = net.instance(net.subnet('10.0.1.0/24', true), '10.0.1.10', [sg], '54.1.2.3');
    const result = probe(net.state, tcp(22, internet('198.51.100.7'), at(web)));
    expect(result.allowed).toBe(false);
    expect(deciding(result.hops)).toMatchObject({ kind: 'security-group-in', resource: sg });
  });

  it('let in traffic from instances of a referenced group, and not from others in the same VPC', () => {
    const net = network();
    const webGroup = net.group([]);
    const dbGroup = net.group([{ IsEgress: false, IpProtocol: 'tcp', FromPort: 3306, ToPort: 3306, ReferencedGroupId: webGroup }]);
    const otherGroup = net.group([]);
    const dbSubnet = net.subnet('10.0.2.0/24', false);
    const web = net.instance(net.subnet('10.0.1.0/24', true), '10.0.1.10', [webGroup], '54.1.2.3');
    const other = net.instance(net.subnet('10.0.3.0/24', false), '10.0.3.10', [otherGroup]);
    const db = net.instance(dbSubnet, '10.0.2.10', [dbGroup]);
    expect(probe(net.state, tcp(3306, at(web), at(db))).allowed).toBe(true);
    const denied = probe(net.state, tcp(3306, at(other), at(db)));
    expect(deciding(denied.hops)).toMatchObject({ kind: 'security-group-in', resource: dbGroup });
  });

  it('are stateful: the reply needs no outbound rule', () => {
    const net = network();
    const sg = net.group([{ ...ssh, CidrIpv4: '0.0.0.0/0' }]);
    net.state.securityGroups.get(sg)!.rules = net.state.securityGroups.get(sg)!.rules.filter((r) => !r.IsEgress);
    const web = net.instance(net.subnet('10.0.1.0/24', true), '10.0.1.10', [sg], '54.1.2.3');
    expect(probe(net.state, tcp(22, internet(), at(web))).allowed).toBe(true);
  });
});

// https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html
describe('network ACLs in a probe', () => {
  const withEntries = (net: ReturnType<typeof network>, entries: NetworkAclEntry[]) => {
    net.state.networkAcls.get(net.acl)!.Entries = entries;
  };

  it('decide by the lowest-numbered matching rule: a deny at 90 beats an allow at 100', () => {
    const net = network();
    const sg = net.group([{ IsEgress: false, IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIpv4: '0.0.0.0/0' }]);
    const web = net.instance(net.subnet('10.0.1.0/24', true), '10.0.1.10', [sg], '54.1.2.3');
    withEntries(net, [{ RuleNumber: 90, Egress: false, Protocol: '-1', RuleAction: 'deny', CidrBlock: '198.51.100.0/24' }, ...defaultAclEntries()]);
    const attacker = probe(net.state, tcp(80, internet('198.51.100.7'), at(web)));
    expect(deciding(attacker.hops)).toMatchObject({ kind: 'nacl-in', rule: 'rule 90' });
    expect(probe(net.state, tcp(80, internet('203.0.113.9'), at(web))).allowed).toBe(true);
  });

  it('are stateless: without an outbound rule for ephemeral ports the reply is dropped', () => {
    const net = network();
    const sg = net.group([{ IsEgress: false, IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIpv4: '0.0.0.0/0' }]);
    const web = net.instance(net.subnet('10.0.1.0/24', true), '10.0.1.10', [sg], '54.1.2.3');
    withEntries(net, [
      { RuleNumber: 100, Egress: false, Protocol: '6', RuleAction: 'allow', CidrBlock: '0.0.0.0/0', PortRange: { From: 80, To: 80 } },
      { RuleNumber: 100, Egress: true, Protocol: '6', RuleAction: 'allow', CidrBlock: '0.0.0.0/0', PortRange: { From: 80, To: 80 } },
      { RuleNumber: 32767, Egress: false, Protocol: '-1', RuleAction: 'deny', CidrBlock: '0.0.0.0/0' },
      { RuleNumber: 32767, Egress: true, Protocol: '-1', RuleAction: 'deny', CidrBlock: '0.0.0.0/0' },
    ]);
    const result = probe(net.state, tcp(80, internet(), at(web)));
    expect(deciding(result.hops)).toMatchObject({ kind: 'reply', rule: 'rule *' });
    net.state.networkAcls.get(net.acl)!.Entries.push({ RuleNumber: 110, Egress: true, Protocol: '6', RuleAction: 'allow', CidrBlock: '0.0.0.0/0', PortRange: { From: 1024, To: 65535 } });
    expect(probe(net.state, tcp(80, internet(), at(web))).allowed).toBe(true);
    expect(EPHEMERAL_PORT).toBeGreaterThanOrEqual(49152);
  });

  it('do not filter traffic between two instances of one subnet', () => {
    const net = network();
    const sg = net.group([{ IsEgress: false, IpProtocol: '-1', FromPort: -1, ToPort: -1, CidrIpv4: '10.0.0.0/16' }]);
    const subnet = net.subnet('10.0.1.0/24', false);
    withEntries(net, [{ RuleNumber: 1, Egress: false, Protocol: '-1', RuleAction: 'deny', CidrBlock: '0.0.0.0/0' }, { RuleNumber: 1, Egress: true, Protocol: '-1', RuleAction: 'deny', CidrBlock: '0.0.0.0/0' }]);
    const a = net.instance(subnet, '10.0.1.10', [sg]);
    const b = net.instance(subnet, '10.0.1.11', [sg]);
    expect(probe(net.state, tcp(5432, at(a), at(b))).allowed).toBe(true);
  });
});

// https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html
describe('routes and gateways in a probe', () => {
  it('cannot reach an instance without a public address from the internet', () => {
    const net = network();
    const sg = net.group([{ ...ssh, CidrIpv4: '0.0.0.0/0' }]);
    const db = net.instance(net.subnet('10.0.2.0/24', false), '10.0.2.10', [sg]);
    expect(deciding(probe(net.state, tcp(22, internet(), at(db))).hops)).toMatchObject({ kind: 'gateway' });
  });

  it('does not treat a subnet as public when its route table has no route to the internet gateway', () => {
    const net = network();
    const sg = net.group([{ ...ssh, CidrIpv4: '0.0.0.0/0' }]);
    const web = net.instance(net.subnet('10.0.2.0/24', false), '10.0.2.10', [sg], '54.1.2.3');
    expect(deciding(probe(net.state, tcp(22, internet(), at(web))).hops)).toMatchObject({ kind: 'route', resource: net.main });
  });

  it('reaches the internet from a private subnet through an available NAT gateway in a public subnet', () => {
    const net = network();
    const publicSubnet = net.subnet('10.0.1.0/24', true);
    const privateSubnet = net.subnet('10.0.2.0/24', false);
    const nat = id('nat');
    net.state.natGateways.set(nat, { NatGatewayId: nat, SubnetId: publicSubnet, VpcId: net.vpcId, ConnectivityType: 'public', State: 'available', PublicIp: '54.9.9.9', PrivateIp: '10.0.1.5', NetworkInterfaceId: id('eni'), CreateTimeMs: 0, Tags: [] });
    net.state.routeTables.get(net.main)!.Routes.push({ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat, Origin: 'CreateRoute' });
    const app = net.instance(privateSubnet, '10.0.2.10', [net.group([])]);
    const out = probe(net.state, tcp(443, at(app), internet('93.184.216.34')));
    expect(out.allowed).toBe(true);
    expect(out.hops.some((h) => h.resource === nat && h.decision === 'allow')).toBe(true);
    // …and nothing on the internet can open a connection to it.
    expect(probe(net.state, tcp(443, internet(), at(app))).allowed).toBe(false);
  });

  it('drops traffic on a blackhole route when the NAT gateway is deleted', () => {
    const net = network();
    const publicSubnet = net.subnet('10.0.1.0/24', true);
    const nat = id('nat');
    net.state.natGateways.set(nat, { NatGatewayId: nat, SubnetId: publicSubnet, VpcId: net.vpcId, ConnectivityType: 'public', State: 'deleted', PrivateIp: '10.0.1.5', NetworkInterfaceId: id('eni'), CreateTimeMs: 0, Tags: [] });
    net.state.routeTables.get(net.main)!.Routes.push({ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat, Origin: 'CreateRoute' });
    const app = net.instance(net.subnet('10.0.2.0/24', false), '10.0.2.10', [net.group([])]);
    const hop = deciding(probe(net.state, tcp(443, at(app), internet())).hops);
    expect(hop).toMatchObject({ kind: 'route', rule: `0.0.0.0/0 -> ${nat}` });
    expect(hop?.detail).toContain('blackhole');
  });

  it('chooses the most specific route', () => {
    const net = network();
    const sg = net.group([]);
    const subnet = net.subnet('10.0.1.0/24', true);
    net.state.routeTables.get(net.publicTable)!.Routes.push({ DestinationCidrBlock: '93.184.216.0/24', InstanceId: 'i-0gone00000000000', Origin: 'CreateRoute' });
    const web = net.instance(subnet, '10.0.1.10', [sg], '54.1.2.3');
    expect(deciding(probe(net.state, tcp(443, at(web), internet('93.184.216.34'))).hops)).toMatchObject({ kind: 'route', rule: '93.184.216.0/24 -> i-0gone00000000000' });
    expect(probe(net.state, tcp(443, at(web), internet('8.8.8.8'))).allowed).toBe(true);
  });

  it('stops at an instance that is not running, or whose zone is down', () => {
    const net = network();
    const sg = net.group([{ ...ssh, CidrIpv4: '0.0.0.0/0' }]);
    const web = net.instance(net.subnet('10.0.1.0/24', true), '10.0.1.10', [sg], '54.1.2.3');
    expect(probe(net.state, tcp(22, internet(), at(web)), { isZoneDown: (zone) => zone === 'us-east-1a', isInstanceFailed: () => false }).allowed).toBe(false);
    web.State = 'stopped';
    expect(deciding(probe(net.state, tcp(22, internet(), at(web))).hops)).toMatchObject({ kind: 'instance' });
  });
});

describe('probe results', () => {
  it('lists every hop in order, so the whole path can be drawn', () => {
    const net = network();
    const sg = net.group([{ ...ssh, CidrIpv4: '0.0.0.0/0' }]);
    const web = net.instance(net.subnet('10.0.1.0/24', true), '10.0.1.10', [sg], '54.1.2.3');
    expect(probe(net.state, tcp(22, internet(), at(web))).hops.map((h) => h.kind)).toEqual(['instance', 'gateway', 'route', 'nacl-in', 'security-group-in', 'reply', 'reply']);
  });
});

export type { Ec2RegionState };

describe('probe wording', () => {
  it('names the allowing rule and its source once, after the traffic it let in', () => {
    const net = network();
    const sg = net.group([{ ...ssh, CidrIpv4: '203.0.113.0/24' }]);
    const web = net.instance(net.subnet('10.0.1.0/24', true), '10.0.1.10', [sg], '54.1.2.3');
    const hop = probe(net.state, tcp(22, internet('203.0.113.9'), at(web))).hops.find((h) => h.kind === 'security-group-in')!;
    expect(hop.detail).toBe(`${sg} inbound rule ${hop.rule} allows TCP port 22 from 203.0.113.9 (the rule's source: 203.0.113.0/24)`);
  });
});
