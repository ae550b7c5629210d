import { describe, expect, it } from 'vitest';
import { call, expectError, newWorld } from './helpers.js';

type World = ReturnType<typeof newWorld>;
const newVpc = (world: World) => call(world, 'CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc.VpcId as string;
const newGroup = (world: World, VpcId?: string, GroupName = 'web') => call(world, 'CreateSecurityGroup', { GroupName, Description: 'web tier', ...(VpcId ? { VpcId } : {}) }).GroupId as string;
const tcp = (port: number, cidr: string) => ({ IpProtocol: 'tcp', FromPort: port, ToPort: port, IpRanges: [{ CidrIp: cidr }] });
const rules = (world: World, GroupId: string) => call(world, 'DescribeSecurityGroupRules', { Filters: [{ Name: 'group-id', Values: [GroupId] }] }).SecurityGroupRules as any[];

// https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
describe('the default security group', () => {
  it('allows all traffic from members of itself in and everything out', () => {
    const world = newWorld();
    const [group] = call(world, 'DescribeSecurityGroups', { Filters: [{ Name: 'group-name', Values: ['default'] }] }).SecurityGroups;
    expect(group.IpPermissions).toEqual([{ IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: group.GroupId, UserId: '123456789012' }] }]);
    expect(group.IpPermissionsEgress).toEqual([{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }]);
  });

  it('cannot be deleted', () => {
    const world = newWorld();
    const [group] = call(world, 'DescribeSecurityGroups', { GroupNames: ['default'] }).SecurityGroups;
    expectError(() => call(world, 'DeleteSecurityGroup', { GroupId: group.GroupId }), {
      code: 'CannotDelete',
      message: `the specified group: "${group.GroupId}" name: "default" cannot be deleted by a user`,
      status: 400,
    });
  });
});

// https://docs.aws.amazon.com/vpc/latest/userguide/creating-security-groups.html
describe('CreateSecurityGroup', () => {
  it('makes a group with no inbound rule and one outbound rule allowing everything, in the default VPC when none is named', () => {
    const world = newWorld();
    const GroupId = newGroup(world);
    const [group] = call(world, 'DescribeSecurityGroups', { GroupIds: [GroupId] }).SecurityGroups;
    expect(group).toMatchObject({ GroupName: 'web', Description: 'web tier', IpPermissions: [] });
    expect(group.VpcId).toBe(call(world, 'DescribeVpcs', { Filters: [{ Name: 'is-default', Values: ['true'] }] }).Vpcs[0].VpcId);
    expect(rules(world, GroupId).map((r) => [r.IsEgress, r.IpProtocol, r.CidrIpv4])).toEqual([[true, '-1', '0.0.0.0/0']]);
  });

  it('refuses a second group of the same name in the same VPC, and allows it in another', () => {
    const world = newWorld();
    const VpcId = newVpc(world);
    newGroup(world, VpcId);
    expectError(() => newGroup(world, VpcId), { code: 'InvalidGroup.Duplicate', message: `The security group 'web' already exists for VPC '${VpcId}'`, status: 400 });
    expect(newGroup(world)).toMatch(/^sg-/);
  });
});

// https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
describe('AuthorizeSecurityGroupIngress', () => {
  it('adds one rule per source, each with its own ID, and stores the canonical CIDR', () => {
    const world = newWorld();
    const GroupId = newGroup(world);
    const out = call(world, 'AuthorizeSecurityGroupIngress', { GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '203.0.113.9/24', Description: 'office' }, { CidrIp: '198.51.100.0/24' }] }] });
    expect(out.Return).toBe(true);
    expect(out.SecurityGroupRules.map((r: any) => [r.CidrIpv4, r.Description])).toEqual([['203.0.113.0/24', 'office'], ['198.51.100.0/24', undefined]]);
    expect(new Set(out.SecurityGroupRules.map((r: any) => r.SecurityGroupRuleId)).size).toBe(2);
    const [group] = call(world, 'DescribeSecurityGroups', { GroupIds: [GroupId] }).SecurityGroups;
    expect(group.IpPermissions).toEqual([{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '203.0.113.0/24', Description: 'office' }, { CidrIp: '198.51.100.0/24' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }]);
  });

  it('accepts protocol numbers and stores tcp by name', () => {
    const world = newWorld();
    const GroupId = newGroup(world);
    expect(call(world, 'AuthorizeSecurityGroupIngress', { GroupId, IpPermissions: [{ IpProtocol: '6', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }).SecurityGroupRules[0].IpProtocol).toBe('tcp');
  });

  it('refuses a rule that already exists, in AWS words', () => {
    const world = newWorld();
    const GroupId = newGroup(world);
    call(world, 'AuthorizeSecurityGroupIngress', { GroupId, IpPermissions: [tcp(22, '0.0.0.0/0')] });
    expectError(() => call(world, 'AuthorizeSecurityGroupIngress', { GroupId, IpPermissions: [tcp(22, '0.0.0.0/0')] }), {
      code: 'InvalidPermission.Duplicate',
      message: 'the specified rule "peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW" already exists',
      status: 400,
    });
  });

  it('adds nothing when one rule of the batch is bad (AWS applies a request whole or not at all)', () => {
    const world = newWorld();
    const GroupId = newGroup(world);
    call(world, 'AuthorizeSecurityGroupIngress', { GroupId, IpPermissions: [tcp(22, '0.0.0.0/0')] });
    expectError(() => call(world, 'AuthorizeSecurityGroupIngress', { GroupId, IpPermissions: [tcp(80, '0.0.0.0/0'), tcp(22, '0.0.0.0/0')] }), { code: 'InvalidPermission.Duplicate', message: 'the specified rule "peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW" already exists', status: 400 });
    expectError(() => call(world, 'AuthorizeSecurityGroupIngress', { GroupId, IpPermissions: [tcp(443, '0.0.0.0/0'), tcp(8080, '10.0.0.0/33')] }), { code: 'InvalidParameterValue', message: 'CIDR block 10.0.0.0/33 is malformed', status: 400 });
    expect(rules(world, GroupId).filter((r) => !r.IsEgress).map((r) => r.FromPort)).toEqual([22]);
  });

  it('needs both ports for TCP and UDP, as AWS says', () => {
    const world = newWorld();
    const GroupId = newGroup(world);
    expectError(() => call(world, 'AuthorizeSecurityGroupIngress', { GroupId, IpPermissions: [{ IpProtocol: 'tcp', ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }), {
      code: 'InvalidParameterValue',
      message: "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.",
      status: 400,
    });
    expectError(() => call(world, 'AuthorizeSecurityGroupIngress', { GroupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }), {
      code: 'InvalidPermission.Malformed',
      message: 'TCP/UDP port (-1) out of range',
      status: 400,
    });
  });

  it('takes a referenced security group as the source, which must exist', () => {
    const world = newWorld();
    const web = newGroup(world, undefined, 'web');
    const db = newGroup(world, undefined, 'db');
    call(world, 'AuthorizeSecurityGroupIngress', { GroupId: db, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 3306, ToPort: 3306, UserIdGroupPairs: [{ GroupId: web }] }] });
    expect(rules(world, db).find((r) => !r.IsEgress).ReferencedGroupInfo).toEqual({ GroupId: web, UserId: '123456789012' });
    expectError(() => call(world, 'AuthorizeSecurityGroupIngress', { GroupId: db, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: 'sg-0123456789abcdef0' }] }] }), {
      code: 'InvalidGroup.NotFound',
      message: "The security group 'sg-0123456789abcdef0' does not exist",
      status: 400,
    });
  });

  it('allows 60 inbound rules and refuses the 61st', () => {
    const world = newWorld();
    const GroupId = newGroup(world);
    const sixty = Array.from({ length: 60 }, (_, i) => tcp(1000 + i, '0.0.0.0/0'));
    call(world, 'AuthorizeSecurityGroupIngress', { GroupId, IpPermissions: sixty });
    expectError(() => call(world, 'AuthorizeSecurityGroupIngress', { GroupId, IpPermissions: [tcp(22, '0.0.0.0/0')] }), { code: 'RulesPerSecurityGroupLimitExceeded', message: 'The maximum number of rules per security group has been reached.', status: 400 });
  });

  it('finds a group by name only in the default VPC', () => {
    const world = newWorld();
    const VpcId = newVpc(world);
    newGroup(world, VpcId, 'app');
    expectError(() => call(world, 'AuthorizeSecurityGroupIngress', { GroupName: 'app', IpPermissions: [tcp(22, '0.0.0.0/0')] }), { code: 'InvalidGroup.NotFound', message: expect.stringMatching(/^The security group 'app' does not exist in default VPC 'vpc-/) as unknown as string, status: 400 });
  });
});

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RevokeSecurityGroupIngress.html
describe('RevokeSecurityGroupIngress', () => {
  it('removes a rule given by its properties or by its ID', () => {
    const world = newWorld();
    const GroupId = newGroup(world);
    const added = call(world, 'AuthorizeSecurityGroupIngress', { GroupId, IpPermissions: [tcp(22, '0.0.0.0/0'), tcp(80, '0.0.0.0/0')] }).SecurityGroupRules;
    call(world, 'RevokeSecurityGroupIngress', { GroupId, IpPermissions: [tcp(22, '0.0.0.0/0')] });
    call(world, 'RevokeSecurityGroupIngress', { GroupId, SecurityGroupRuleIds: [added[1].SecurityGroupRuleId] });
    expect(rules(world, GroupId).filter((r) => !r.IsEgress)).toEqual([]);
  });

  it('in a nondefault VPC, fails whole with InvalidPermission.NotFound when a rule does not match', () => {
    const world = newWorld();
    const GroupId = newGroup(world, newVpc(world));
    call(world, 'AuthorizeSecurityGroupIngress', { GroupId, IpPermissions: [tcp(22, '0.0.0.0/0')] });
    expectError(() => call(world, 'RevokeSecurityGroupIngress', { GroupId, IpPermissions: [tcp(22, '0.0.0.0/0'), tcp(23, '0.0.0.0/0')] }), { code: 'InvalidPermission.NotFound', message: 'The specified rule does not exist in this security group.', status: 400 });
    expect(rules(world, GroupId).filter((r) => !r.IsEgress)).toHaveLength(1);
  });

  it('in the default VPC, revokes what matches and returns the rest as unknown', () => {
    const world = newWorld();
    const GroupId = newGroup(world);
    call(world, 'AuthorizeSecurityGroupIngress', { GroupId, IpPermissions: [tcp(22, '0.0.0.0/0')] });
    const out = call(world, 'RevokeSecurityGroupIngress', { GroupId, IpPermissions: [tcp(22, '0.0.0.0/0'), tcp(23, '0.0.0.0/0')] });
    expect(out.Return).toBe(true);
    expect(out.UnknownIpPermissions).toEqual([{ IpProtocol: 'tcp', FromPort: 23, ToPort: 23, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }]);
    expect(rules(world, GroupId).filter((r) => !r.IsEgress)).toEqual([]);
  });
});

describe('DeleteSecurityGroup', () => {
  it('refuses while another group refers to it', () => {
    const world = newWorld();
    const web = newGroup(world, undefined, 'web');
    const db = newGroup(world, undefined, 'db');
    call(world, 'AuthorizeSecurityGroupIngress', { GroupId: db, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 3306, ToPort: 3306, UserIdGroupPairs: [{ GroupId: web }] }] });
    expectError(() => call(world, 'DeleteSecurityGroup', { GroupId: web }), { code: 'DependencyViolation', message: `resource ${web} has a dependent object`, status: 400 });
    call(world, 'DeleteSecurityGroup', { GroupId: db });
    call(world, 'DeleteSecurityGroup', { GroupId: web });
    expectError(() => call(world, 'DescribeSecurityGroups', { GroupIds: [web] }), { code: 'InvalidGroup.NotFound', message: `The security group '${web}' does not exist`, status: 400 });
  });

  it('says when a group id is malformed', () => {
    const world = newWorld();
    expectError(() => call(world, 'DeleteSecurityGroup', { GroupId: 'web' }), { code: 'InvalidGroupId.Malformed', message: 'Invalid id: "web"', status: 400 });
  });
});

describe('DescribeSecurityGroups filters', () => {
  it('finds groups that open a port to a CIDR', () => {
    const world = newWorld();
    const open = newGroup(world, undefined, 'open');
    newGroup(world, undefined, 'closed');
    call(world, 'AuthorizeSecurityGroupIngress', { GroupId: open, IpPermissions: [tcp(22, '0.0.0.0/0')] });
    const found = call(world, 'DescribeSecurityGroups', { Filters: [{ Name: 'ip-permission.from-port', Values: ['22'] }, { Name: 'ip-permission.cidr', Values: ['0.0.0.0/0'] }] }).SecurityGroups;
    expect(found.map((g: any) => g.GroupName)).toEqual(['open']);
  });
});
