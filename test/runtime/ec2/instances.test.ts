import { describe, expect, it } from 'vitest';
import { call, expectError, newWorld } from './helpers.js';
import { imagesOf } from '../../../src/runtime/ec2/catalogue.js';

type World = ReturnType<typeof newWorld>;
const AMI = imagesOf('us-east-1')[0]!.ImageId;
const run = (world: World, extra: Record<string, unknown> = {}) => call(world, 'RunInstances', { ImageId: AMI, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, ...extra });
const describe1 = (world: World, id: string) => call(world, 'DescribeInstances', { InstanceIds: [id] }).Reservations[0].Instances[0];

// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-lifecycle.html
describe('instance lifecycle', () => {
  it('launches pending into a default subnet with a public address and the default group, then runs', () => {
    const world = newWorld();
    const { Instances, ReservationId } = run(world);
    const i = Instances[0];
    expect(ReservationId).toMatch(/^r-0/);
    expect(i).toMatchObject({ ImageId: AMI, InstanceType: 't3.micro', State: { Code: 0, Name: 'pending' }, PrivateIpAddress: '172.31.0.4', Placement: { AvailabilityZone: 'us-east-1a', GroupName: '', Tenancy: 'default' } });
    expect(i.PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(i.SecurityGroups[0].GroupName).toBe('default');
    expect(i.PrivateDnsName).toBe('ip-172-31-0-4.ec2.internal');
    world.advance(30_000);
    expect(describe1(world, i.InstanceId).State).toEqual({ Code: 16, Name: 'running' });
  });

  it('stops (losing its launch-time public address), starts with a new one, and terminates', () => {
    const world = newWorld();
    const id = run(world).Instances[0].InstanceId;
    world.advance(30_000);
    const first = describe1(world, id).PublicIpAddress;
    expect(call(world, 'StopInstances', { InstanceIds: [id] }).StoppingInstances).toEqual([{ CurrentState: { Code: 64, Name: 'stopping' }, InstanceId: id, PreviousState: { Code: 16, Name: 'running' } }]);
    world.advance(30_000);
    expect(describe1(world, id)).toMatchObject({ State: { Name: 'stopped' }, PublicDnsName: '' });
    expect(describe1(world, id).PublicIpAddress).toBeUndefined();
    call(world, 'StartInstances', { InstanceIds: [id] });
    world.advance(30_000);
    expect(describe1(world, id).PublicIpAddress).not.toBe(first);
    call(world, 'TerminateInstances', { InstanceIds: [id] });
    expect(describe1(world, id).State.Name).toBe('shutting-down');
    world.advance(30_000);
    expect(describe1(world, id).State).toEqual({ Code: 48, Name: 'terminated' });
    expectError(() => call(world, 'StartInstances', { InstanceIds: [id] }), { code: 'IncorrectInstanceState', message: `The instance '${id}' is not in a state from which it can be started.`, status: 400 });
    world.advance(60 * 60_000);
    expect(call(world, 'DescribeInstances').Reservations).toEqual([]);
  });

  it('keeps an Elastic IP across a stop and start', () => {
    const world = newWorld();
    const id = run(world).Instances[0].InstanceId;
    world.advance(30_000);
    const { AllocationId, PublicIp } = call(world, 'AllocateAddress', { Domain: 'vpc' });
    call(world, 'AssociateAddress', { AllocationId, InstanceId: id });
    call(world, 'StopInstances', { InstanceIds: [id] });
    world.advance(30_000);
    expect(describe1(world, id).PublicIpAddress).toBe(PublicIp);
  });

  it('launches count instances in one reservation with launch indexes', () => {
    const world = newWorld();
    const { Instances } = run(world, { MinCount: 3, MaxCount: 3 });
    expect(Instances.map((i: any) => i.AmiLaunchIndex)).toEqual([0, 1, 2]);
    expect(call(world, 'DescribeInstances').Reservations).toHaveLength(1);
  });
});

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html
describe('RunInstances checks', () => {
  it('says when the AMI does not exist in this region', () => {
    const world = newWorld();
    expectError(() => run(world, { ImageId: imagesOf('eu-west-1')[0]!.ImageId }), { code: 'InvalidAMIID.NotFound', message: `The image id '[${imagesOf('eu-west-1')[0]!.ImageId}]' does not exist`, status: 400 });
    expectError(() => run(world, { ImageId: 'ubuntu' }), { code: 'InvalidAMIID.Malformed', message: 'Invalid id: "ubuntu" (expecting "ami-...")', status: 400 });
  });

  it('refuses an unknown instance type and a key pair that does not exist', () => {
    const world = newWorld();
    expectError(() => run(world, { InstanceType: 't3.giant' }), { code: 'InvalidParameterValue', message: "Invalid value 't3.giant' for InstanceType.", status: 400 });
    expectError(() => run(world, { KeyName: 'nope' }), { code: 'InvalidKeyPair.NotFound', message: "The key pair 'nope' does not exist", status: 400 });
  });

  it('refuses a security group of another VPC', () => {
    const world = newWorld();
    const VpcId = call(world, 'CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc.VpcId;
    const GroupId = call(world, 'CreateSecurityGroup', { GroupName: 'web', Description: 'web', VpcId }).GroupId;
    expect(() => run(world, { SecurityGroupIds: [GroupId] })).toThrow(/belong to different networks/);
  });

  it('gives no public address in a subnet that does not map one', () => {
    const world = newWorld();
    const VpcId = call(world, 'CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc.VpcId;
    const SubnetId = call(world, 'CreateSubnet', { VpcId, CidrBlock: '10.0.1.0/24' }).Subnet.SubnetId;
    const i = run(world, { SubnetId }).Instances[0];
    expect(i.PublicIpAddress).toBeUndefined();
    expect(i.PrivateIpAddress).toBe('10.0.1.4');
  });
});

describe('instance filters and status', () => {
  it('filters by state, tag and subnet', () => {
    const world = newWorld();
    run(world, { TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }] });
    run(world, { TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'db' }] }] });
    const found = call(world, 'DescribeInstances', { Filters: [{ Name: 'tag:Name', Values: ['web'] }, { Name: 'instance-state-name', Values: ['pending', 'running'] }] }).Reservations;
    expect(found.flatMap((r: any) => r.Instances).map((i: any) => i.Tags)).toEqual([[{ Key: 'Name', Value: 'web' }]]);
  });

  it('shows a failed instance as impaired', () => {
    const world = newWorld();
    const id = run(world).Instances[0].InstanceId;
    world.advance(30_000);
    world.injectFault('instance-failure', id);
    expect(call(world, 'DescribeInstanceStatus').InstanceStatuses[0]).toMatchObject({ InstanceId: id, InstanceStatus: { Status: 'impaired' }, SystemStatus: { Status: 'ok' } });
  });
});

// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-key-pairs.html
describe('key pairs and tags', () => {
  it('creates a key pair once, handing out the private key, and deletes idempotently', () => {
    const world = newWorld();
    const pair = call(world, 'CreateKeyPair', { KeyName: 'lab' });
    expect(pair.KeyMaterial).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    expect(call(world, 'DescribeKeyPairs').KeyPairs[0]).not.toHaveProperty('KeyMaterial');
    expectError(() => call(world, 'CreateKeyPair', { KeyName: 'lab' }), { code: 'InvalidKeyPair.Duplicate', message: "The keypair 'lab' already exists.", status: 400 });
    call(world, 'DeleteKeyPair', { KeyName: 'lab' });
    call(world, 'DeleteKeyPair', { KeyName: 'lab' });
    expect(call(world, 'DescribeKeyPairs').KeyPairs).toEqual([]);
  });

  it('tags any resource and describes tags by resource type', () => {
    const world = newWorld();
    const VpcId = call(world, 'DescribeVpcs').Vpcs[0].VpcId;
    call(world, 'CreateTags', { Resources: [VpcId], Tags: [{ Key: 'env', Value: 'lab' }] });
    expect(call(world, 'DescribeTags', { Filters: [{ Name: 'resource-type', Values: ['vpc'] }] }).Tags).toEqual([{ Key: 'env', ResourceId: VpcId, ResourceType: 'vpc', Value: 'lab' }]);
    call(world, 'DeleteTags', { Resources: [VpcId], Tags: [{ Key: 'env' }] });
    expect(call(world, 'DescribeTags').Tags).toEqual([]);
  });

  it('describes the region, its zones and the instance types', () => {
    const world = newWorld();
    expect(call(world, 'DescribeAvailabilityZones').AvailabilityZones.map((z: any) => [z.ZoneName, z.ZoneId, z.State])).toEqual([['us-east-1a', 'use1-az1', 'available'], ['us-east-1b', 'use1-az2', 'available'], ['us-east-1c', 'use1-az3', 'available']]);
    expect(call(world, 'DescribeInstanceTypes', { InstanceTypes: ['t3.micro'] }).InstanceTypes[0]).toMatchObject({ VCpuInfo: { DefaultVCpus: 2 }, MemoryInfo: { SizeInMiB: 1024 }, FreeTierEligible: true });
    expect(call(world, 'DescribeRegions').Regions.map((r: any) => r.RegionName)).toContain('eu-west-1');
  });
});
