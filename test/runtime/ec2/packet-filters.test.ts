/**
 * The firewall matchers the probe uses, on their own: the compiled, indexed lists must give
 * the answer a walk from the top of the list gives, as AWS documents the order.
 * https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html (lowest number first; the first match decides)
 * https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html (any rule that allows lets the packet in)
 */
import { describe, expect, it } from 'vitest';
import { allowingRule, decidingAclEntry, type Packet } from '../../../src/runtime/ec2/packet-filters.js';
import type { Ec2RegionState, NetworkAcl, NetworkAclEntry, SecurityGroup, SecurityGroupRule } from '../../../src/runtime/ec2/state.js';
import { call as callIn, newWorld } from './helpers.js';

function world() {
  const w = newWorld();
  const call = (operation: string, input: Record<string, unknown> = {}) => callIn(w, operation, input);
  call('DescribeVpcs');
  return { call, state: () => w.serviceState<Ec2RegionState>('ec2', 'us-east-1') };
}

const acl = (entries: NetworkAclEntry[]): NetworkAcl => ({ NetworkAclId: 'acl-1', VpcId: 'vpc-1', IsDefault: false, Entries: entries, Associations: [], Tags: [] });
const entry = (RuleNumber: number, RuleAction: 'allow' | 'deny', CidrBlock: string, extra: Partial<NetworkAclEntry> = {}): NetworkAclEntry =>
  ({ RuleNumber, Egress: false, Protocol: '6', RuleAction, CidrBlock, PortRange: { From: 0, To: 65535 }, ...extra });
const tcp = (port: number, peer: string, peerGroupIds?: string[]): Packet => ({ protocol: 'tcp', port, peer, ...(peerGroupIds ? { peerGroupIds } : {}) });
let n = 0;
const group = (rules: Array<Partial<SecurityGroupRule>>): SecurityGroup => {
  const GroupId = `sg-${++n}`;
  return {
    GroupId, GroupName: GroupId, Description: 'test', VpcId: 'vpc-1', Tags: [],
    rules: rules.map((r, k) => ({ IsEgress: false, IpProtocol: 'tcp', FromPort: 443, ToPort: 443, GroupId, SecurityGroupRuleId: `sgr-${GroupId}-${k}`, Tags: [], ...r })),
  };
};

describe('network ACL entries', () => {
  it('decide by the lowest rule number among the matches, whatever the block sizes and the order listed', () => {
    const entries = [entry(200, 'deny', '10.0.0.0/8'), entry(100, 'allow', '10.1.0.0/16'), entry(32767, 'deny', '0.0.0.0/0', { Protocol: '-1', PortRange: undefined })];
    expect(decidingAclEntry(acl(entries), false, tcp(22, '10.1.2.3'))?.RuleNumber).toBe(100);
    expect(decidingAclEntry(acl(entries), false, tcp(22, '10.2.0.1'))?.RuleNumber).toBe(200);
    expect(decidingAclEntry(acl(entries), false, tcp(22, '192.0.2.1'))?.RuleNumber).toBe(32767);
    const swapped = [entry(100, 'deny', '10.0.0.0/8'), entry(200, 'allow', '10.1.0.0/16'), entries[2]!];
    expect(decidingAclEntry(acl(swapped), false, tcp(22, '10.1.2.3'))?.RuleNumber).toBe(100);
  });

  it('pass over an entry whose ports, protocol, direction or address family do not fit', () => {
    const entries = [
      entry(10, 'deny', '0.0.0.0/0', { PortRange: { From: 80, To: 80 } }),
      entry(20, 'deny', '0.0.0.0/0', { Protocol: '17' }),
      entry(30, 'deny', '0.0.0.0/0', { Egress: true }),
      entry(40, 'deny', '::/0', { CidrBlock: undefined, Ipv6CidrBlock: '::/0' }),
      entry(50, 'allow', '0.0.0.0/0'),
      entry(60, 'allow', '::/0', { CidrBlock: undefined, Ipv6CidrBlock: '2001:db8::/32' }),
    ];
    expect(decidingAclEntry(acl(entries), false, tcp(443, '198.51.100.7'))?.RuleNumber).toBe(50);
    expect(decidingAclEntry(acl(entries), false, tcp(443, '2001:db8::1'))?.RuleNumber).toBe(40);
    expect(decidingAclEntry(acl(entries), false, { protocol: 'icmp', port: 8, peer: '198.51.100.7' })?.RuleNumber).toBeUndefined();
  });

  it('follow an entry replaced through the API after a probe has read the list', () => {
    const { call, state } = world();
    const { NetworkAcl } = call('CreateNetworkAcl', { VpcId: [...state().vpcs.keys()][0] }) as { NetworkAcl: { NetworkAclId: string } };
    const base = { NetworkAclId: NetworkAcl.NetworkAclId, RuleNumber: 100, Egress: false, Protocol: '6', CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } };
    call('CreateNetworkAclEntry', { ...base, RuleAction: 'allow' });
    const live = () => state().networkAcls.get(NetworkAcl.NetworkAclId)!;
    expect(decidingAclEntry(live(), false, tcp(22, '203.0.113.9'))?.RuleAction).toBe('allow');
    call('ReplaceNetworkAclEntry', { ...base, RuleAction: 'deny' });
    expect(decidingAclEntry(live(), false, tcp(22, '203.0.113.9'))?.RuleAction).toBe('deny');
    call('DeleteNetworkAclEntry', { NetworkAclId: NetworkAcl.NetworkAclId, RuleNumber: 100, Egress: false });
    expect(decidingAclEntry(live(), false, tcp(22, '203.0.113.9'))?.RuleNumber).toBe(32767);
  });
});

describe('security group rules', () => {
  it('name the first rule, over the groups in order, that allows the packet', () => {
    const first = group([{ CidrIpv4: '198.51.100.0/24' }, { ReferencedGroupId: 'sg-web' }, { CidrIpv4: '0.0.0.0/0' }]);
    const second = group([{ CidrIpv4: '10.0.0.0/8' }]);
    expect(allowingRule([first, second], false, tcp(443, '10.0.0.5', ['sg-web']))?.rule.SecurityGroupRuleId).toBe(`sgr-${first.GroupId}-1`);
    expect(allowingRule([first, second], false, tcp(443, '10.0.0.5'))?.rule.SecurityGroupRuleId).toBe(`sgr-${first.GroupId}-2`);
    expect(allowingRule([second, first], false, tcp(443, '10.0.0.5'))?.rule.SecurityGroupRuleId).toBe(`sgr-${second.GroupId}-0`);
    expect(allowingRule([first, second], false, tcp(22, '10.0.0.5'))).toBeUndefined();
  });

  it('take all traffic for protocol -1, an ICMP type or -1 for ICMP, and IPv6 only from an IPv6 block', () => {
    const g = group([
      { IpProtocol: 'icmp', FromPort: 8, ToPort: -1, CidrIpv4: '0.0.0.0/0' },
      { IpProtocol: '-1', FromPort: -1, ToPort: -1, CidrIpv6: '2001:db8::/32' },
    ]);
    expect(allowingRule([g], false, { protocol: 'icmp', port: 8, peer: '192.0.2.1' })?.rule.IpProtocol).toBe('icmp');
    expect(allowingRule([g], false, { protocol: 'icmp', port: 0, peer: '192.0.2.1' })).toBeUndefined();
    expect(allowingRule([g], false, tcp(5432, '2001:db8::9'))?.rule.IpProtocol).toBe('-1');
    expect(allowingRule([g], false, tcp(5432, '2001:db9::9'))).toBeUndefined();
  });

  it('follow rules added and revoked through the API after a probe has read the group', () => {
    const { call, state } = world();
    const GroupId = (call('CreateSecurityGroup', { GroupName: 'web', Description: 'web' }) as { GroupId: string }).GroupId;
    const live = () => state().securityGroups.get(GroupId)!;
    const permission = { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] };
    expect(allowingRule([live()], false, tcp(443, '203.0.113.9'))).toBeUndefined();
    call('AuthorizeSecurityGroupIngress', { GroupId, IpPermissions: [permission] });
    expect(allowingRule([live()], false, tcp(443, '203.0.113.9'))?.rule.CidrIpv4).toBe('0.0.0.0/0');
    call('RevokeSecurityGroupIngress', { GroupId, IpPermissions: [permission] });
    expect(allowingRule([live()], false, tcp(443, '203.0.113.9'))).toBeUndefined();
  });
});
