import { describe, expect, it } from 'vitest';
import { call, expectError, newWorld } from './helpers.js';

const newVpc = (world: ReturnType<typeof newWorld>, cidr = '10.0.0.0/16') => call(world, 'CreateVpc', { CidrBlock: cidr }).Vpc.VpcId as string;

// https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html
describe('default subnets', () => {
  it('are one /20 per Availability Zone, default for their zone, giving public IPs on launch', () => {
    const world = newWorld();
    const subnets = call(world, 'DescribeSubnets').Subnets;
    expect(subnets.map((s: any) => [s.AvailabilityZone, s.CidrBlock, s.DefaultForAz, s.MapPublicIpOnLaunch])).toEqual([
      ['us-east-1a', '172.31.0.0/20', true, true],
      ['us-east-1b', '172.31.16.0/20', true, true],
      ['us-east-1c', '172.31.32.0/20', true, true],
    ]);
    // 4,096 addresses less the five AWS keeps.
    expect(subnets[0].AvailableIpAddressCount).toBe(4091);
  });
});

// https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
describe('CreateSubnet', () => {
  it('creates a subnet inside the VPC, with 251 usable addresses in a /24', () => {
    const world = newWorld();
    const VpcId = newVpc(world);
    const { Subnet } = call(world, 'CreateSubnet', { VpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1b' });
    expect(Subnet).toMatchObject({ VpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1b', AvailabilityZoneId: 'use1-az2', AvailableIpAddressCount: 251, DefaultForAz: false, MapPublicIpOnLaunch: false });
    expect(Subnet.SubnetArn).toBe(`arn:aws:ec2:us-east-1:123456789012:subnet/${Subnet.SubnetId}`);
  });

  it('refuses a block outside the VPC or of the wrong size with InvalidSubnet.Range', () => {
    const world = newWorld();
    const VpcId = newVpc(world);
    expectError(() => call(world, 'CreateSubnet', { VpcId, CidrBlock: '10.1.0.0/24' }), { code: 'InvalidSubnet.Range', message: "The CIDR '10.1.0.0/24' is invalid.", status: 400 });
    expectError(() => call(world, 'CreateSubnet', { VpcId, CidrBlock: '10.0.0.0/29' }), { code: 'InvalidSubnet.Range', message: "The CIDR '10.0.0.0/29' is invalid.", status: 400 });
  });

  it('refuses a block that overlaps another subnet of the VPC with InvalidSubnet.Conflict', () => {
    const world = newWorld();
    const VpcId = newVpc(world);
    call(world, 'CreateSubnet', { VpcId, CidrBlock: '10.0.0.0/24' });
    expectError(() => call(world, 'CreateSubnet', { VpcId, CidrBlock: '10.0.0.128/25' }), { code: 'InvalidSubnet.Conflict', message: "The CIDR '10.0.0.128/25' conflicts with another subnet", status: 400 });
  });

  it('refuses an Availability Zone of another region, naming the zones it can use', () => {
    const world = newWorld();
    const VpcId = newVpc(world);
    expectError(() => call(world, 'CreateSubnet', { VpcId, CidrBlock: '10.0.0.0/24', AvailabilityZone: 'us-west-2a' }), {
      code: 'InvalidParameterValue',
      message: 'Value (us-west-2a) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: us-east-1a, us-east-1b, us-east-1c.',
      status: 400,
    });
  });

  it('says when the VPC does not exist, and when the id is not a VPC id at all', () => {
    const world = newWorld();
    expectError(() => call(world, 'CreateSubnet', { VpcId: 'vpc-0123456789abcdef0', CidrBlock: '10.0.0.0/24' }), { code: 'InvalidVpcID.NotFound', message: "The vpc ID 'vpc-0123456789abcdef0' does not exist", status: 400 });
    expectError(() => call(world, 'CreateSubnet', { VpcId: 'my-vpc', CidrBlock: '10.0.0.0/24' }), { code: 'InvalidVpcID.Malformed', message: 'Invalid id: "my-vpc"', status: 400 });
  });

  it('puts the new subnet in the VPC default network ACL', () => {
    const world = newWorld();
    const VpcId = newVpc(world);
    const { SubnetId } = call(world, 'CreateSubnet', { VpcId, CidrBlock: '10.0.0.0/24' }).Subnet;
    const acls = [...world.serviceState<any>('ec2', 'us-east-1').networkAcls.values()].filter((a: any) => a.VpcId === VpcId);
    expect(acls[0].Associations.map((a: any) => a.SubnetId)).toEqual([SubnetId]);
  });
});

describe('DeleteSubnet and ModifySubnetAttribute', () => {
  it('deletes an empty subnet and turns public IPs on launch on and off', () => {
    const world = newWorld();
    const VpcId = newVpc(world);
    const { SubnetId } = call(world, 'CreateSubnet', { VpcId, CidrBlock: '10.0.0.0/24' }).Subnet;
    call(world, 'ModifySubnetAttribute', { SubnetId, MapPublicIpOnLaunch: { Value: true } });
    expect(call(world, 'DescribeSubnets', { SubnetIds: [SubnetId] }).Subnets[0].MapPublicIpOnLaunch).toBe(true);
    call(world, 'DeleteSubnet', { SubnetId });
    expectError(() => call(world, 'DescribeSubnets', { SubnetIds: [SubnetId] }), { code: 'InvalidSubnetID.NotFound', message: `The subnet ID '${SubnetId}' does not exist`, status: 400 });
  });

  it('filters by vpc-id and availability-zone', () => {
    const world = newWorld();
    const VpcId = newVpc(world);
    call(world, 'CreateSubnet', { VpcId, CidrBlock: '10.0.0.0/24', AvailabilityZone: 'us-east-1a' });
    call(world, 'CreateSubnet', { VpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1b' });
    expect(call(world, 'DescribeSubnets', { Filters: [{ Name: 'vpc-id', Values: [VpcId] }, { Name: 'availability-zone', Values: ['us-east-1b'] }] }).Subnets.map((s: any) => s.CidrBlock)).toEqual(['10.0.1.0/24']);
  });
});
