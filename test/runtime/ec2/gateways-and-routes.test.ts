import { describe, expect, it } from 'vitest';
import { call, expectError, newWorld } from './helpers.js';

type World = ReturnType<typeof newWorld>;

function vpcWithSubnet(world: World) {
  const VpcId = call(world, 'CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc.VpcId as string;
  const SubnetId = call(world, 'CreateSubnet', { VpcId, CidrBlock: '10.0.1.0/24' }).Subnet.SubnetId as string;
  return { VpcId, SubnetId };
}
const table = (world: World, RouteTableId: string) => call(world, 'DescribeRouteTables', { RouteTableIds: [RouteTableId] }).RouteTables[0];

// https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html
describe('internet gateways', () => {
  it('attach to one VPC, which takes only one', () => {
    const world = newWorld();
    const { VpcId } = vpcWithSubnet(world);
    const igw = call(world, 'CreateInternetGateway').InternetGateway.InternetGatewayId;
    const other = call(world, 'CreateInternetGateway').InternetGateway.InternetGatewayId;
    call(world, 'AttachInternetGateway', { InternetGatewayId: igw, VpcId });
    expect(call(world, 'DescribeInternetGateways', { InternetGatewayIds: [igw] }).InternetGateways[0].Attachments).toEqual([{ VpcId, State: 'available' }]);
    expectError(() => call(world, 'AttachInternetGateway', { InternetGatewayId: igw, VpcId }), { code: 'Resource.AlreadyAssociated', message: `resource ${igw} is already attached to network ${VpcId}`, status: 400 });
    expect(() => call(world, 'AttachInternetGateway', { InternetGatewayId: other, VpcId })).toThrow(/already has an internet gateway attached/);
  });

  it('cannot be deleted while attached, and can once detached', () => {
    const world = newWorld();
    const { VpcId } = vpcWithSubnet(world);
    const igw = call(world, 'CreateInternetGateway').InternetGateway.InternetGatewayId;
    call(world, 'AttachInternetGateway', { InternetGatewayId: igw, VpcId });
    expectError(() => call(world, 'DeleteInternetGateway', { InternetGatewayId: igw }), { code: 'DependencyViolation', message: `The internetGateway '${igw}' has dependencies and cannot be deleted.`, status: 400 });
    call(world, 'DetachInternetGateway', { InternetGatewayId: igw, VpcId });
    expectError(() => call(world, 'DetachInternetGateway', { InternetGatewayId: igw, VpcId }), { code: 'Gateway.NotAttached', message: `resource ${igw} is not attached to network ${VpcId}`, status: 400 });
    call(world, 'DeleteInternetGateway', { InternetGatewayId: igw });
  });
});

// https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html
describe('route tables and routes', () => {
  it('a new table has only the local route, which cannot be removed', () => {
    const world = newWorld();
    const { VpcId } = vpcWithSubnet(world);
    const { RouteTableId, Routes } = call(world, 'CreateRouteTable', { VpcId }).RouteTable;
    expect(Routes).toEqual([{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' }]);
    expectError(() => call(world, 'DeleteRoute', { RouteTableId, DestinationCidrBlock: '10.0.0.0/16' }), { code: 'InvalidParameterValue', message: `cannot remove local route 10.0.0.0/16 in route table ${RouteTableId}`, status: 400 });
  });

  it('a route to a detached internet gateway becomes a blackhole', () => {
    const world = newWorld();
    const { VpcId } = vpcWithSubnet(world);
    const igw = call(world, 'CreateInternetGateway').InternetGateway.InternetGatewayId;
    call(world, 'AttachInternetGateway', { InternetGatewayId: igw, VpcId });
    const { RouteTableId } = call(world, 'CreateRouteTable', { VpcId }).RouteTable;
    expect(call(world, 'CreateRoute', { RouteTableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw })).toEqual({ Return: true });
    expect(table(world, RouteTableId).Routes[1]).toMatchObject({ DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw, Origin: 'CreateRoute', State: 'active' });
    call(world, 'DetachInternetGateway', { InternetGatewayId: igw, VpcId });
    expect(table(world, RouteTableId).Routes[1].State).toBe('blackhole');
  });

  it('refuses a second route to the same destination', () => {
    const world = newWorld();
    const { VpcId } = vpcWithSubnet(world);
    const igw = call(world, 'CreateInternetGateway').InternetGateway.InternetGatewayId;
    call(world, 'AttachInternetGateway', { InternetGatewayId: igw, VpcId });
    const { RouteTableId } = call(world, 'CreateRouteTable', { VpcId }).RouteTable;
    call(world, 'CreateRoute', { RouteTableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw });
    expectError(() => call(world, 'CreateRoute', { RouteTableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw }), { code: 'RouteAlreadyExists', message: 'The route identified by 0.0.0.0/0 already exists.', status: 400 });
    expectError(() => call(world, 'DeleteRoute', { RouteTableId, DestinationCidrBlock: '10.9.0.0/16' }), { code: 'InvalidRoute.NotFound', message: `no route with destination-cidr-block 10.9.0.0/16 in route table ${RouteTableId}`, status: 400 });
  });

  it('a subnet uses the main table until associated, and has one table at a time', () => {
    const world = newWorld();
    const { VpcId, SubnetId } = vpcWithSubnet(world);
    const { RouteTableId } = call(world, 'CreateRouteTable', { VpcId }).RouteTable;
    const { AssociationId } = call(world, 'AssociateRouteTable', { RouteTableId, SubnetId });
    expect(call(world, 'DescribeRouteTables', { Filters: [{ Name: 'association.subnet-id', Values: [SubnetId] }] }).RouteTables.map((t: any) => t.RouteTableId)).toEqual([RouteTableId]);
    const second = call(world, 'CreateRouteTable', { VpcId }).RouteTable.RouteTableId;
    expect(() => call(world, 'AssociateRouteTable', { RouteTableId: second, SubnetId })).toThrow(/conflicts with an existing association/);
    expectError(() => call(world, 'DeleteRouteTable', { RouteTableId }), { code: 'DependencyViolation', message: `The routeTable '${RouteTableId}' has dependencies and cannot be deleted.`, status: 400 });
    call(world, 'DisassociateRouteTable', { AssociationId });
    call(world, 'DeleteRouteTable', { RouteTableId });
  });
});

// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html
describe('Elastic IP addresses', () => {
  it('are allocated to the account until released', () => {
    const world = newWorld();
    const { AllocationId, PublicIp, Domain } = call(world, 'AllocateAddress', { Domain: 'vpc' });
    expect(Domain).toBe('vpc');
    expect(PublicIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(call(world, 'DescribeAddresses').Addresses).toEqual([{ PublicIp, AllocationId, Domain: 'vpc', PublicIpv4Pool: 'amazon' }]);
    call(world, 'ReleaseAddress', { AllocationId });
    expect(call(world, 'DescribeAddresses').Addresses).toEqual([]);
    expectError(() => call(world, 'ReleaseAddress', { AllocationId }), { code: 'InvalidAllocationID.NotFound', message: `The allocation ID '${AllocationId}' does not exist`, status: 400 });
  });
});

// https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-working-with.html
describe('NAT gateways', () => {
  it('are pending, then available on the clock; deleting goes through deleting to deleted, and the route turns blackhole', () => {
    const world = newWorld();
    const { VpcId, SubnetId } = vpcWithSubnet(world);
    const { AllocationId } = call(world, 'AllocateAddress', { Domain: 'vpc' });
    const { NatGateway } = call(world, 'CreateNatGateway', { SubnetId, AllocationId });
    expect(NatGateway).toMatchObject({ State: 'pending', SubnetId, VpcId, ConnectivityType: 'public' });
    expect(NatGateway.NatGatewayAddresses[0]).toMatchObject({ AllocationId, PrivateIp: '10.0.1.4' });
    world.advance(2 * 60_000);
    expect(call(world, 'DescribeNatGateways', { NatGatewayIds: [NatGateway.NatGatewayId] }).NatGateways[0].State).toBe('available');
    const main = call(world, 'DescribeRouteTables', { Filters: [{ Name: 'vpc-id', Values: [VpcId] }] }).RouteTables[0].RouteTableId;
    call(world, 'CreateRoute', { RouteTableId: main, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: NatGateway.NatGatewayId });
    expectError(() => call(world, 'ReleaseAddress', { AllocationId }), { code: 'InvalidIPAddress.InUse', message: expect.stringMatching(/is in use\.$/) as unknown as string, status: 400 });
    call(world, 'DeleteNatGateway', { NatGatewayId: NatGateway.NatGatewayId });
    expect(call(world, 'DescribeNatGateways').NatGateways[0].State).toBe('deleting');
    world.advance(60_000);
    expect(call(world, 'DescribeNatGateways').NatGateways[0].State).toBe('deleted');
    expect(table(world, main).Routes[1].State).toBe('blackhole');
    call(world, 'ReleaseAddress', { AllocationId });
    world.advance(60 * 60_000);
    expect(call(world, 'DescribeNatGateways').NatGateways).toEqual([]);
  });

  it('need an Elastic IP when public', () => {
    const world = newWorld();
    const { SubnetId } = vpcWithSubnet(world);
    expect(() => call(world, 'CreateNatGateway', { SubnetId })).toThrow(/needs an Elastic IP/);
  });
});
