import { describe, expect, it } from 'vitest';
import { resourceTree, type RegionNode, type SubnetNode } from '../../src/app/resource-tree.js';
import { ConsoleRunner } from '../../src/console/console-runner.js';
import { createWorld } from '../../src/runtime/index.js';
import { buildNetwork } from '../console/probe-network.js';

/**
 * The resources pane's view model, read from worlds built with real `aws` lines. A subnet is
 * public when its route table sends 0.0.0.0/0 to an internet gateway, private otherwise:
 * https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html#subnet-types
 * A subnet without an explicit association uses the VPC's main route table:
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#RouteTables
 */

function runner(c: ConsoleRunner) {
  return (line: string): string => {
    const r = c.run(line);
    expect(r.stderr).toBe('');
    return r.stdout.trim();
  };
}

const own = (region: RegionNode) => region.vpcs.find((v) => !v.isDefault)!;
const subnetWith = (region: RegionNode, cidr: string): SubnetNode => own(region).subnets.find((s) => s.cidr === cidr)!;

describe('resourceTree', () => {
  it('lists nothing for EC2 in a region EC2 was never used in, and makes nothing by looking', () => {
    const world = createWorld({ seed: 3 });
    const before = world.changeCount;
    expect(resourceTree(world, 'us-east-1')).toEqual({ regions: [], buckets: [] });
    // Looking did not make the default VPC (that would move the seeded IDs a replay gives).
    expect(world.changeCount).toBe(before);
    const aws = runner(new ConsoleRunner({ world }));
    aws('aws ec2 describe-vpcs');
    expect(resourceTree(world, 'us-east-1').regions.map((r) => r.region)).toEqual(['us-east-1']);
  });

  it('shows the default VPC of a new account: one public subnet per zone through its internet gateway, main table, default ACL', () => {
    const world = createWorld({ seed: 3 });
    const aws = runner(new ConsoleRunner({ world }));
    const igw = aws('aws ec2 describe-internet-gateways --query InternetGateways[0].InternetGatewayId --output text');
    const [region] = resourceTree(world, 'us-east-1').regions;
    expect(region!.vpcs).toHaveLength(1);
    const vpc = region!.vpcs[0]!;
    expect(vpc).toMatchObject({ isDefault: true, cidr: '172.31.0.0/16', internetGateways: [igw], natGateways: [] });
    expect(vpc.subnets.length).toBeGreaterThan(1);
    for (const subnet of vpc.subnets) {
      expect(subnet).toMatchObject({ isDefault: true, access: { kind: 'public', via: igw }, why: `public: 0.0.0.0/0 → ${igw}`, routeTable: { association: 'main' }, networkAcl: { isDefault: true }, instances: [] });
    }
  });

  it('tells a public subnet (explicit table to the internet gateway) from a private one (main table, no route out), with instances and their groups', () => {
    const net = buildNetwork();
    const aws = runner(net.console);
    const tree = resourceTree(net.console.world, 'us-east-1');
    const region = tree.regions[0]!;
    // The learner's VPC first, the default VPC last.
    expect(region.vpcs.map((v) => v.isDefault)).toEqual([false, true]);
    const igw = aws('aws ec2 describe-internet-gateways --filters Name=attachment.vpc-id,Values=' + own(region).id + ' --query InternetGateways[0].InternetGatewayId --output text');
    const pub = subnetWith(region, '10.0.1.0/24');
    const priv = subnetWith(region, '10.0.2.0/24');
    const explicitTable = aws(`aws ec2 describe-route-tables --filters Name=association.subnet-id,Values=${pub.id} --query RouteTables[0].RouteTableId --output text`);
    const mainTable = aws(`aws ec2 describe-route-tables --filters Name=vpc-id,Values=${own(region).id} Name=association.main,Values=true --query RouteTables[0].RouteTableId --output text`);
    expect(pub).toMatchObject({ access: { kind: 'public', via: igw }, why: `public: 0.0.0.0/0 → ${igw}`, routeTable: { id: explicitTable, association: 'explicit' }, zone: 'us-east-1a' });
    expect(priv).toMatchObject({ access: { kind: 'private', reason: 'no-route' }, why: 'private: no route to the internet', routeTable: { id: mainTable, association: 'main' } });
    const webSg = aws('aws ec2 describe-security-groups --filters Name=group-name,Values=web --query SecurityGroups[0].GroupId --output text');
    const publicIp = aws(`aws ec2 describe-instances --instance-ids ${net.web} --query Reservations[0].Instances[0].PublicIpAddress --output text`);
    expect(pub.instances).toEqual([{ id: net.web, name: 'web', state: 'running', privateIp: net.webAddress, publicIp, groups: [{ id: webSg, name: 'web' }] }]);
    expect(priv.instances).toMatchObject([{ id: net.db, name: 'db', privateIp: net.dbAddress, groups: [{ name: 'db' }] }]);
    expect(priv.instances[0]!.publicIp).toBeUndefined();
  });

  it('says a subnet routed to a NAT gateway is private by way of it, and shows the gateway and its state', () => {
    const net = buildNetwork();
    const aws = runner(net.console);
    const vpcId = own(resourceTree(net.console.world, 'us-east-1').regions[0]!).id;
    const pub = aws(`aws ec2 describe-subnets --filters Name=cidr-block,Values=10.0.1.0/24 --query Subnets[0].SubnetId --output text`);
    const eip = aws('aws ec2 allocate-address --domain vpc --query AllocationId --output text');
    const nat = aws(`aws ec2 create-nat-gateway --subnet-id ${pub} --allocation-id ${eip} --query NatGateway.NatGatewayId --output text`);
    expect(own(resourceTree(net.console.world, 'us-east-1').regions[0]!).natGateways).toMatchObject([{ id: nat, state: 'pending', subnetId: pub }]);
    aws('wait 2m');
    const main = aws(`aws ec2 describe-route-tables --filters Name=vpc-id,Values=${vpcId} Name=association.main,Values=true --query RouteTables[0].RouteTableId --output text`);
    aws(`aws ec2 create-route --route-table-id ${main} --destination-cidr-block 0.0.0.0/0 --nat-gateway-id ${nat}`);
    const region = resourceTree(net.console.world, 'us-east-1').regions[0]!;
    expect(own(region).natGateways[0]).toMatchObject({ id: nat, state: 'available' });
    expect(own(region).natGateways[0]!.publicIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(subnetWith(region, '10.0.2.0/24')).toMatchObject({ access: { kind: 'private', reason: 'nat', via: nat }, why: `private: default route via ${nat}` });
  });

  it('calls a subnet whose default route lost its internet gateway private: the route is a blackhole', () => {
    const net = buildNetwork();
    const aws = runner(net.console);
    const vpc = own(resourceTree(net.console.world, 'us-east-1').regions[0]!);
    const igw = vpc.internetGateways[0]!;
    // A gateway cannot leave while public addresses use it; release web's first.
    aws(`aws ec2 terminate-instances --instance-ids ${net.web}`);
    aws('wait 5m');
    aws(`aws ec2 detach-internet-gateway --internet-gateway-id ${igw} --vpc-id ${vpc.id}`);
    const region = resourceTree(net.console.world, 'us-east-1').regions[0]!;
    expect(own(region).internetGateways).toEqual([]);
    expect(subnetWith(region, '10.0.1.0/24')).toMatchObject({ access: { kind: 'private', reason: 'blackhole', via: igw }, why: `private: 0.0.0.0/0 → ${igw} is a blackhole` });
    expect(subnetWith(region, '10.0.1.0/24').instances[0]).toMatchObject({ id: net.web, state: 'terminated' });
  });

  it('lists every region EC2 was used in, the console\'s own first, and the S3 buckets by name', () => {
    const world = createWorld({ seed: 5 });
    const aws = runner(new ConsoleRunner({ world, region: 'eu-west-1' }));
    aws('aws ec2 create-vpc --cidr-block 10.9.0.0/16 --region us-east-1');
    aws('aws ec2 describe-vpcs');
    aws('aws s3api create-bucket --bucket zeta-logs --region us-east-1');
    aws('aws s3api create-bucket --bucket alpha-data --create-bucket-configuration LocationConstraint=eu-west-1');
    aws('aws s3api put-bucket-versioning --bucket alpha-data --versioning-configuration Status=Enabled');
    const tree = resourceTree(world, 'eu-west-1');
    expect(tree.regions.map((r) => r.region)).toEqual(['eu-west-1', 'us-east-1']);
    expect(tree.regions[1]!.vpcs.map((v) => v.cidr)).toEqual(['10.9.0.0/16', '172.31.0.0/16']);
    expect(own(tree.regions[1]!).subnets).toEqual([]);
    expect(tree.buckets).toEqual([
      { name: 'alpha-data', region: 'eu-west-1', versioning: 'Enabled' },
      { name: 'zeta-logs', region: 'us-east-1', versioning: 'Unversioned' },
    ]);
  });
});
