import { describe, expect, it } from 'vitest';
import { call, expectError, newWorld } from './helpers.js';

// https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html
describe('the default VPC every region starts with', () => {
  it('is 172.31.0.0/16, marked default, with a /20 default subnet per AZ later described by subnets', () => {
    const world = newWorld();
    const { Vpcs } = call(world, 'DescribeVpcs');
    expect(Vpcs).toHaveLength(1);
    expect(Vpcs[0]).toMatchObject({ CidrBlock: '172.31.0.0/16', IsDefault: true, State: 'available', InstanceTenancy: 'default', OwnerId: '123456789012' });
    expect(Vpcs[0].VpcId).toMatch(/^vpc-0[0-9a-f]{16}$/);
  });

  it('exists in each region separately', () => {
    const world = newWorld();
    const east = call(world, 'DescribeVpcs').Vpcs[0].VpcId;
    const west = call(world, 'DescribeVpcs', {}, 'us-west-2').Vpcs[0].VpcId;
    expect(east).not.toBe(west);
  });

  it('does not shift the IDs of what the learner creates, whichever region was looked at first', () => {
    const a = newWorld(7);
    call(a, 'DescribeVpcs', {}, 'eu-west-1');
    const b = newWorld(7);
    expect(call(a, 'CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc.VpcId).toBe(call(b, 'CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc.VpcId);
  });
});

// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html
describe('CreateVpc', () => {
  it('answers with the new VPC pending, and describes it available', () => {
    const world = newWorld();
    const { Vpc } = call(world, 'CreateVpc', { CidrBlock: '10.0.0.0/16' });
    expect(Vpc).toMatchObject({ CidrBlock: '10.0.0.0/16', State: 'pending', IsDefault: false });
    expect(call(world, 'DescribeVpcs', { VpcIds: [Vpc.VpcId] }).Vpcs[0].State).toBe('available');
  });

  it('refuses a block larger than /16 or smaller than /28 with InvalidVpc.Range', () => {
    const world = newWorld();
    expectError(() => call(world, 'CreateVpc', { CidrBlock: '10.0.0.0/8' }), { code: 'InvalidVpc.Range', message: "The CIDR '10.0.0.0/8' is invalid.", status: 400 });
    expectError(() => call(world, 'CreateVpc', { CidrBlock: '10.0.0.0/29' }), { code: 'InvalidVpc.Range', message: "The CIDR '10.0.0.0/29' is invalid.", status: 400 });
  });

  it('refuses what is not a CIDR block', () => {
    const world = newWorld();
    expectError(() => call(world, 'CreateVpc', { CidrBlock: '10.0.0.300/16' }), {
      code: 'InvalidParameterValue',
      message: 'Value (10.0.0.300/16) for parameter cidrBlock is invalid. This is not a valid CIDR block.',
      status: 400,
    });
  });

  it('makes the main route table with the local route, the default network ACL and the default security group', () => {
    const world = newWorld();
    const { VpcId } = call(world, 'CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc;
    expect(world.serviceState<any>('ec2', 'us-east-1').routeTables.size).toBe(2);
    const tables = [...world.serviceState<any>('ec2', 'us-east-1').routeTables.values()].filter((t: any) => t.VpcId === VpcId);
    expect(tables[0].Routes).toEqual([{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable' }]);
  });
});

describe('DescribeVpcs', () => {
  it('filters by is-default and by tag, with wildcards', () => {
    const world = newWorld();
    call(world, 'CreateVpc', { CidrBlock: '10.0.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'lab-vpc' }] }] });
    expect(call(world, 'DescribeVpcs', { Filters: [{ Name: 'is-default', Values: ['false'] }] }).Vpcs).toHaveLength(1);
    expect(call(world, 'DescribeVpcs', { Filters: [{ Name: 'tag:Name', Values: ['lab-*'] }] }).Vpcs[0].Tags).toEqual([{ Key: 'Name', Value: 'lab-vpc' }]);
    expect(call(world, 'DescribeVpcs', { Filters: [{ Name: 'tag:Name', Values: ['Lab-*'] }] }).Vpcs).toHaveLength(0);
  });

  it('refuses an unknown filter name', () => {
    const world = newWorld();
    expectError(() => call(world, 'DescribeVpcs', { Filters: [{ Name: 'colour', Values: ['blue'] }] }), { code: 'InvalidParameterValue', message: "The filter 'colour' is invalid", status: 400 });
  });

  it('says which VPC ID does not exist', () => {
    const world = newWorld();
    expectError(() => call(world, 'DescribeVpcs', { VpcIds: ['vpc-0123456789abcdef0'] }), { code: 'InvalidVpcID.NotFound', message: "The vpc ID 'vpc-0123456789abcdef0' does not exist", status: 400 });
  });
});

describe('DeleteVpc', () => {
  it('deletes an empty VPC with its main route table, default ACL and default group', () => {
    const world = newWorld();
    const { VpcId } = call(world, 'CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc;
    call(world, 'DeleteVpc', { VpcId });
    expect(call(world, 'DescribeVpcs').Vpcs).toHaveLength(1);
    const region = world.serviceState<any>('ec2', 'us-east-1');
    expect([...region.securityGroups.values()].filter((g: any) => g.VpcId === VpcId)).toEqual([]);
  });
});

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/CommonParameters.html
describe('DryRun', () => {
  it('answers DryRunOperation and changes nothing', () => {
    const world = newWorld();
    expectError(() => call(world, 'CreateVpc', { CidrBlock: '10.0.0.0/16', DryRun: true }), { code: 'DryRunOperation', message: 'Request would have succeeded, but DryRun flag is set.', status: 412 });
    expect(call(world, 'DescribeVpcs').Vpcs).toHaveLength(1);
  });
});
