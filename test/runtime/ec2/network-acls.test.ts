import { describe, expect, it } from 'vitest';
import { call, expectError, newWorld } from './helpers.js';

type World = ReturnType<typeof newWorld>;
const newVpc = (world: World) => call(world, 'CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc.VpcId as string;
const aclOf = (world: World, NetworkAclId: string) => call(world, 'DescribeNetworkAcls', { NetworkAclIds: [NetworkAclId] }).NetworkAcls[0];

// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html#default-network-acl
describe('the default network ACL', () => {
  it('allows all traffic in and out by rule 100, then denies the rest by the * rule', () => {
    const world = newWorld();
    const [acl] = call(world, 'DescribeNetworkAcls', { Filters: [{ Name: 'default', Values: ['true'] }] }).NetworkAcls;
    expect(acl.Entries.map((e: any) => [e.Egress, e.RuleNumber, e.Protocol, e.RuleAction, e.CidrBlock])).toEqual([
      [true, 100, '-1', 'allow', '0.0.0.0/0'],
      [true, 32767, '-1', 'deny', '0.0.0.0/0'],
      [false, 100, '-1', 'allow', '0.0.0.0/0'],
      [false, 32767, '-1', 'deny', '0.0.0.0/0'],
    ]);
    expect(acl.Associations).toHaveLength(3);
  });
});

// https://docs.aws.amazon.com/vpc/latest/userguide/custom-network-acl.html
describe('custom network ACLs', () => {
  it('start by denying everything: only the * rules', () => {
    const world = newWorld();
    const { NetworkAcl } = call(world, 'CreateNetworkAcl', { VpcId: newVpc(world) });
    expect(NetworkAcl.IsDefault).toBe(false);
    expect(NetworkAcl.Entries.map((e: any) => [e.Egress, e.RuleNumber, e.RuleAction])).toEqual([[true, 32767, 'deny'], [false, 32767, 'deny']]);
  });

  it('take numbered entries, storing the protocol as its number', () => {
    const world = newWorld();
    const { NetworkAclId } = call(world, 'CreateNetworkAcl', { VpcId: newVpc(world) }).NetworkAcl;
    call(world, 'CreateNetworkAclEntry', { NetworkAclId, RuleNumber: 100, Protocol: 'tcp', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 443, To: 443 } });
    expect(aclOf(world, NetworkAclId).Entries.find((e: any) => e.RuleNumber === 100)).toEqual({ CidrBlock: '0.0.0.0/0', Egress: false, PortRange: { From: 443, To: 443 }, Protocol: '6', RuleAction: 'allow', RuleNumber: 100 });
  });

  it('refuse a rule number already used in that direction, and allow it in the other', () => {
    const world = newWorld();
    const { NetworkAclId } = call(world, 'CreateNetworkAcl', { VpcId: newVpc(world) }).NetworkAcl;
    const entry = { NetworkAclId, RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', CidrBlock: '0.0.0.0/0' };
    call(world, 'CreateNetworkAclEntry', { ...entry, Egress: false });
    expectError(() => call(world, 'CreateNetworkAclEntry', { ...entry, Egress: false }), { code: 'NetworkAclEntryAlreadyExists', message: 'The network acl entry identified by 100 already exists.', status: 400 });
    call(world, 'CreateNetworkAclEntry', { ...entry, Egress: true });
  });

  it('replace and delete entries, but never the * rule', () => {
    const world = newWorld();
    const { NetworkAclId } = call(world, 'CreateNetworkAcl', { VpcId: newVpc(world) }).NetworkAcl;
    const entry = { NetworkAclId, RuleNumber: 90, Protocol: '-1', CidrBlock: '198.51.100.0/24', Egress: false };
    call(world, 'CreateNetworkAclEntry', { ...entry, RuleAction: 'allow' });
    call(world, 'ReplaceNetworkAclEntry', { ...entry, RuleAction: 'deny' });
    expect(aclOf(world, NetworkAclId).Entries.find((e: any) => e.RuleNumber === 90).RuleAction).toBe('deny');
    call(world, 'DeleteNetworkAclEntry', { NetworkAclId, RuleNumber: 90, Egress: false });
    expect(aclOf(world, NetworkAclId).Entries).toHaveLength(2);
    expectError(() => call(world, 'DeleteNetworkAclEntry', { NetworkAclId, RuleNumber: 32767, Egress: false }), { code: 'InvalidNetworkAclEntry.NotFound', message: 'The network acl entry identified by 32767 does not exist.', status: 400 });
  });

  it('need a port range for TCP and UDP', () => {
    const world = newWorld();
    const { NetworkAclId } = call(world, 'CreateNetworkAcl', { VpcId: newVpc(world) }).NetworkAcl;
    expectError(() => call(world, 'CreateNetworkAclEntry', { NetworkAclId, RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' }), { code: 'MissingParameter', message: 'The request must contain the parameter portRange', status: 400 });
  });

  it('move a subnet from one ACL to another with a new association ID, keeping exactly one', () => {
    const world = newWorld();
    const VpcId = newVpc(world);
    const { SubnetId } = call(world, 'CreateSubnet', { VpcId, CidrBlock: '10.0.1.0/24' }).Subnet;
    const { NetworkAclId } = call(world, 'CreateNetworkAcl', { VpcId }).NetworkAcl;
    const [current] = call(world, 'DescribeNetworkAcls', { Filters: [{ Name: 'association.subnet-id', Values: [SubnetId] }] }).NetworkAcls;
    const old = current.Associations.find((a: any) => a.SubnetId === SubnetId).NetworkAclAssociationId;
    const { NewAssociationId } = call(world, 'ReplaceNetworkAclAssociation', { AssociationId: old, NetworkAclId });
    expect(NewAssociationId).not.toBe(old);
    const holding = call(world, 'DescribeNetworkAcls', { Filters: [{ Name: 'association.subnet-id', Values: [SubnetId] }] }).NetworkAcls;
    expect(holding.map((a: any) => a.NetworkAclId)).toEqual([NetworkAclId]);
    expectError(() => call(world, 'DeleteNetworkAcl', { NetworkAclId }), { code: 'DependencyViolation', message: `The network ACL '${NetworkAclId}' has dependencies and cannot be deleted.`, status: 400 });
  });

  it('say when an ACL does not exist', () => {
    const world = newWorld();
    expectError(() => call(world, 'DescribeNetworkAcls', { NetworkAclIds: ['acl-0123456789abcdef0'] }), { code: 'InvalidNetworkAclID.NotFound', message: "The network ACL 'acl-0123456789abcdef0' does not exist", status: 400 });
  });
});
