/**
 * RunInstances with NetworkInterfaces, and the public address it decides: the subnet, groups
 * and private address go in the interface, never beside it; AssociatePublicIpAddress
 * overrides the subnet's MapPublicIpOnLaunch either way, and the probe follows the result.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceNetworkInterfaceSpecification.html
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html (public IPv4 addresses at launch)
 */
import { describe, expect, it } from 'vitest';
import { imagesOf } from '../../../src/runtime/ec2/catalogue.js';
import { probe } from '../../../src/runtime/ec2/reachability.js';
import type { Ec2RegionState, Instance } from '../../../src/runtime/ec2/state.js';
import { call, expectError, newWorld } from './helpers.js';

type World = ReturnType<typeof newWorld>;
const AMI = imagesOf('us-east-1')[0]!.ImageId;
const run = (world: World, extra: Record<string, unknown> = {}) => call(world, 'RunInstances', { ImageId: AMI, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, ...extra }).Instances[0];
const defaultSubnet = (world: World) => call(world, 'DescribeSubnets', { Filters: [{ Name: 'default-for-az', Values: ['true'] }] }).Subnets[0].SubnetId as string;
const combination = (what: string) => ({ code: 'InvalidParameterCombination', message: `Network interfaces and an instance-level ${what} may not be specified on the same request`, status: 400 });

describe('RunInstances NetworkInterfaces', () => {
  it('launches into the interface\'s subnet, groups and private address', () => {
    const world = newWorld();
    const subnet = defaultSubnet(world);
    const group = call(world, 'CreateSecurityGroup', { GroupName: 'web', Description: 'web' }).GroupId;
    const i = run(world, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnet, Groups: [group], PrivateIpAddress: '172.31.0.50' }] });
    expect(i).toMatchObject({ SubnetId: subnet, PrivateIpAddress: '172.31.0.50', SecurityGroups: [{ GroupId: group, GroupName: 'web' }] });
  });

  it('refuses an instance-level subnet, groups or private address beside an interface', () => {
    const world = newWorld();
    const subnet = defaultSubnet(world);
    const nic = { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnet }] };
    expectError(() => run(world, { ...nic, SubnetId: subnet }), combination('subnet ID'));
    expectError(() => run(world, { ...nic, SecurityGroupIds: ['sg-0123456789abcdef0'] }), combination('security groups'));
    expectError(() => run(world, { ...nic, PrivateIpAddress: '172.31.0.9' }), combination('private IP address'));
    expect(call(world, 'DescribeInstances').Reservations).toEqual([]);
  });

  it('AssociatePublicIpAddress overrides the subnet either way, and the probe follows it', () => {
    const world = newWorld();
    const subnet = defaultSubnet(world);
    const group = call(world, 'CreateSecurityGroup', { GroupName: 'ssh', Description: 'ssh' }).GroupId;
    call(world, 'AuthorizeSecurityGroupIngress', { GroupId: group, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
    const without = run(world, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnet, Groups: [group], AssociatePublicIpAddress: false }] });
    expect(without.PublicIpAddress).toBeUndefined();
    call(world, 'ModifySubnetAttribute', { SubnetId: subnet, MapPublicIpOnLaunch: { Value: false } });
    const withIp = run(world, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnet, Groups: [group], AssociatePublicIpAddress: true }] });
    expect(withIp.PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(run(world, { SubnetId: subnet, SecurityGroupIds: [group] }).PublicIpAddress).toBeUndefined();
    world.advance(30_000);
    const state = world.serviceState<Ec2RegionState>('ec2', 'us-east-1');
    const ssh = (i: { InstanceId: string }) => probe(state, { protocol: 'tcp', port: 22, from: { kind: 'internet', address: '203.0.113.9' }, to: { kind: 'instance', instance: state.instances.get(i.InstanceId) as Instance } });
    expect(ssh(withIp).allowed).toBe(true);
    expect(ssh(without).allowed).toBe(false);
    expect(ssh(without).hops.find((h) => h.decision === 'deny')?.detail).toContain('has only a private address');
  });

  it('names what the simulation does not take: several interfaces, an existing one, secondary addresses', () => {
    const world = newWorld();
    const subnet = defaultSubnet(world);
    expect(() => run(world, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnet }, { DeviceIndex: 1, SubnetId: subnet }] })).toThrow(/one network interface per instance/);
    expect(() => run(world, { NetworkInterfaces: [{ DeviceIndex: 0, NetworkInterfaceId: 'eni-0123456789abcdef0' }] })).toThrow(/existing network interface/);
    expect(() => run(world, { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnet, SecondaryPrivateIpAddressCount: 1 }] })).toThrow(/secondary private IP addresses/);
  });

  it('refuses group names in a VPC that is not the default one', () => {
    const world = newWorld();
    const vpc = call(world, 'CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc.VpcId;
    const subnet = call(world, 'CreateSubnet', { VpcId: vpc, CidrBlock: '10.0.1.0/24' }).Subnet.SubnetId;
    call(world, 'CreateSecurityGroup', { GroupName: 'app', Description: 'app', VpcId: vpc });
    expectError(() => run(world, { SubnetId: subnet, SecurityGroups: ['app'] }), { code: 'InvalidParameterCombination', message: 'The parameter groupName cannot be used with the parameter subnet', status: 400 });
  });
});
