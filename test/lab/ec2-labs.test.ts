/**
 * The EC2 networking labs grade by effect (probe: checks), so these tests try several rule
 * sets for each lab: a correct one spelt differently from the reference solution must score
 * full marks, a partial one part, a wrong one nothing.
 */
import { describe, expect, it } from 'vitest';
import { playLab, pointsByTask, whyOf } from './play-lab.js';

const play = (id: string, lines: string[], seed?: number) => playLab(id, lines, seed).grade;

const points = pointsByTask;
const why = whyOf;

const webGroup = '--group-name web-{{suffix}}';
const revokeAll = `aws ec2 revoke-security-group-ingress ${webGroup} --ip-permissions IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]`;
const allow = (group: string, protocol: string, from: number, to: number, cidr: string) =>
  `aws ec2 authorize-security-group-ingress --group-name ${group} --ip-permissions IpProtocol=${protocol},FromPort=${from},ToPort=${to},IpRanges=[{CidrIp=${cidr}}]`;

describe('ec2-lock-down-web', () => {
  it('gives full marks to a rule set spelt unlike the solution (rule ID revoke, one 80-443 range would be too wide, so two rules; SSH from a /25 inside the office)', () => {
    const grade = play('ec2-lock-down-web', [
      'aws ec2 revoke-security-group-ingress --group-id $(aws ec2 describe-security-groups --group-names web-{{suffix}} --query "SecurityGroups[0].GroupId" --output text) --security-group-rule-ids $(aws ec2 describe-security-group-rules --filters Name=group-id,Values=$(aws ec2 describe-security-groups --group-names web-{{suffix}} --query "SecurityGroups[0].GroupId" --output text) --query "SecurityGroupRules[?!IsEgress].SecurityGroupRuleId" --output text)',
      allow('web-{{suffix}}', 'tcp', 443, 443, '0.0.0.0/0'),
      allow('web-{{suffix}}', 'tcp', 80, 80, '0.0.0.0/0'),
      allow('web-{{suffix}}', 'tcp', 22, 22, '203.0.113.0/25'),
    ]);
    expect(points(grade)).toEqual({ 'close-everything-else': 5, 'open-the-website': 10, 'ssh-from-the-office': 10 });
  });

  it('gives part marks when SSH is left open to the world', () => {
    const grade = play('ec2-lock-down-web', [revokeAll, allow('web-{{suffix}}', 'tcp', 80, 80, '0.0.0.0/0'), allow('web-{{suffix}}', 'tcp', 443, 443, '0.0.0.0/0'), allow('web-{{suffix}}', 'tcp', 22, 22, '0.0.0.0/0')]);
    expect(points(grade)).toEqual({ 'close-everything-else': 5, 'open-the-website': 10, 'ssh-from-the-office': 0 });
    expect(why(grade, 'ssh-from-the-office')).toBe('SSH from outside the office (198.51.100.7) still reaches web. Allow port 22 from 203.0.113.0/24 only.');
  });

  it('gives nothing for adding the right rules while the allow-everything rule stays', () => {
    const kept = play('ec2-lock-down-web', [allow('web-{{suffix}}', 'tcp', 80, 80, '0.0.0.0/0'), allow('web-{{suffix}}', 'tcp', 22, 22, '203.0.113.0/24')]);
    expect(points(kept)).toEqual({ 'close-everything-else': 0, 'open-the-website': 0, 'ssh-from-the-office': 0 });
    expect(why(kept, 'close-everything-else')).toBe('Remote desktop (TCP 3389) from the internet still reaches web. Type `probe tcp 3389 from internet to web` to see which rule lets it in.');
  });

  it('keeps the points for closing everything, and gives none for one port range 22-3389 that opens everything between again', () => {
    const range = play('ec2-lock-down-web', [revokeAll, allow('web-{{suffix}}', 'tcp', 22, 3389, '0.0.0.0/0')]);
    expect(points(range)).toEqual({ 'close-everything-else': 5, 'open-the-website': 0, 'ssh-from-the-office': 0 });
  });
});

const dbGroup = '--group-name db-{{suffix}}';
const revokeDb = `aws ec2 revoke-security-group-ingress ${dbGroup} --ip-permissions IpProtocol=tcp,FromPort=3306,ToPort=3306,IpRanges=[{CidrIp=0.0.0.0/0}]`;

describe('ec2-db-tier', () => {
  it('gives full marks for a web-tier group reference written by group ID and rule with a port range', () => {
    const grade = play('ec2-db-tier', [
      revokeDb,
      'aws ec2 authorize-security-group-ingress --group-id $(aws ec2 describe-security-groups --group-names db-{{suffix}} --query "SecurityGroups[0].GroupId" --output text) --ip-permissions "IpProtocol=tcp,FromPort=3306,ToPort=3307,UserIdGroupPairs=[{GroupId=$(aws ec2 describe-security-groups --group-names web-{{suffix}} --query "SecurityGroups[0].GroupId" --output text),Description=web tier}]"',
    ]);
    expect(points(grade)).toEqual({ 'close-to-internet': 5, 'web-tier-only': 15 });
  });

  it("gives part marks for the VPC's whole range, which lets the reporting box in too", () => {
    const grade = play('ec2-db-tier', [revokeDb, allow('db-{{suffix}}', 'tcp', 3306, 3306, '172.31.0.0/16')]);
    expect(points(grade)).toEqual({ 'close-to-internet': 5, 'web-tier-only': 0 });
    expect(why(grade, 'web-tier-only')).toBe('The reporting box (other) reaches db on 3306 too. Allow the web tier\'s security group, not an address range that covers other.');
  });

  it('gives nothing for a group reference added while 0.0.0.0/0 stays', () => {
    const grade = play('ec2-db-tier', [
      'aws ec2 authorize-security-group-ingress --group-name db-{{suffix}} --ip-permissions IpProtocol=tcp,FromPort=3306,ToPort=3306,UserIdGroupPairs=[{GroupId=$(aws ec2 describe-security-groups --group-names web-{{suffix}} --query "SecurityGroups[0].GroupId" --output text)}]',
    ]);
    expect(points(grade)).toEqual({ 'close-to-internet': 0, 'web-tier-only': 0 });
  });
});

const webAcl = '$(aws ec2 describe-network-acls --filters Name=association.subnet-id,Values=$(aws ec2 describe-instances --filters Name=tag:Name,Values=web --query "Reservations[0].Instances[0].SubnetId" --output text) --query "NetworkAcls[0].NetworkAclId" --output text)';
const webSubnet = '$(aws ec2 describe-instances --filters Name=tag:Name,Values=web --query "Reservations[0].Instances[0].SubnetId" --output text)';
const defaultVpc = '$(aws ec2 describe-vpcs --filters Name=is-default,Values=true --query "Vpcs[0].VpcId" --output text)';
const customAcl = '$(aws ec2 describe-network-acls --filters Name=tag:Name,Values=block --query "NetworkAcls[0].NetworkAclId" --output text)';
const entry = (acl: string, direction: string, n: number, protocol: string, cidr: string, action: string, ports = '') =>
  `aws ec2 create-network-acl-entry --network-acl-id ${acl} ${direction} --rule-number ${n} --protocol ${protocol}${ports} --cidr-block ${cidr} --rule-action ${action}`;
const useCustomAcl = [
  `aws ec2 create-network-acl --vpc-id ${defaultVpc} --tag-specifications "ResourceType=network-acl,Tags=[{Key=Name,Value=block}]"`,
  entry(customAcl, '--ingress', 50, '-1', '198.51.100.0/24', 'deny'),
  entry(customAcl, '--ingress', 100, '-1', '0.0.0.0/0', 'allow'),
  `aws ec2 replace-network-acl-association --network-acl-id ${customAcl} --association-id $(aws ec2 describe-network-acls --filters Name=association.subnet-id,Values=${webSubnet} --query "NetworkAcls[0].Associations[?SubnetId=='${webSubnet}'].NetworkAclAssociationId" --output text)`,
];

describe('ec2-nacl-block', () => {
  it('gives full marks to a new custom ACL that denies the range and allows the replies out on the ephemeral ports', () => {
    const grade = play('ec2-nacl-block', [...useCustomAcl, entry(customAcl, '--egress', 100, '6', '0.0.0.0/0', 'allow', ' --port-range From=1024,To=65535')]);
    expect(points(grade)).toEqual({ 'block-attacker-web': 10, 'keep-serving': 10, 'every-port': 5 });
  });

  it('gives part marks to a custom ACL with no outbound rule: the attacker is blocked, and so is every reply', () => {
    const grade = play('ec2-nacl-block', useCustomAcl);
    expect(points(grade)).toEqual({ 'block-attacker-web': 10, 'keep-serving': 0, 'every-port': 0 });
    expect(why(grade, 'keep-serving')).toBe('Ordinary visitors (203.0.113.10) cannot load the site any more. Type `probe tcp 80 from internet to web` to see whether the request or the reply is stopped.');
  });

  it('gives part marks to a deny entry for port 80 only, which leaves SSH open to the attackers', () => {
    const grade = play('ec2-nacl-block', [entry(webAcl, '--ingress', 90, 'tcp', '198.51.100.0/24', 'deny', ' --port-range From=80,To=80')]);
    expect(points(grade)).toEqual({ 'block-attacker-web': 10, 'keep-serving': 10, 'every-port': 0 });
  });

  it('gives nothing for a deny entry numbered after the allow-all rule 100, which never decides', () => {
    const grade = play('ec2-nacl-block', [entry(webAcl, '--ingress', 110, '-1', '198.51.100.0/24', 'deny')]);
    expect(points(grade)).toEqual({ 'block-attacker-web': 0, 'keep-serving': 0, 'every-port': 0 });
  });
});

const group = (name: string) => `$(aws ec2 describe-security-groups --filters Name=group-name,Values=${name} --query "SecurityGroups[0].GroupId" --output text)`;
const shopVpc = '$(aws ec2 describe-vpcs --filters Name=tag:Name,Values=shop-{{suffix}} --query "Vpcs[0].VpcId" --output text)';
const subnet = (name: string) => `$(aws ec2 describe-subnets --filters Name=tag:Name,Values=${name} --query "Subnets[0].SubnetId" --output text)`;
const nat = [
  `aws ec2 create-nat-gateway --subnet-id ${subnet('public-{{suffix}}')} --allocation-id $(aws ec2 allocate-address --domain vpc --query AllocationId --output text)`,
  'aws ec2 wait nat-gateway-available',
];
const privateTable = [
  `aws ec2 create-route-table --vpc-id ${shopVpc} --tag-specifications "ResourceType=route-table,Tags=[{Key=Name,Value=private}]"`,
  'aws ec2 create-route --route-table-id $(aws ec2 describe-route-tables --filters Name=tag:Name,Values=private --query "RouteTables[0].RouteTableId" --output text) --destination-cidr-block 0.0.0.0/0 --nat-gateway-id $(aws ec2 describe-nat-gateways --query "NatGateways[0].NatGatewayId" --output text)',
  `aws ec2 associate-route-table --route-table-id $(aws ec2 describe-route-tables --filters Name=tag:Name,Values=private --query "RouteTables[0].RouteTableId" --output text) --subnet-id ${subnet('private-{{suffix}}')}`,
];
const sshFrom = (source: string) => `aws ec2 authorize-security-group-ingress --group-id ${group('app-{{suffix}}')} --ip-permissions IpProtocol=tcp,FromPort=22,ToPort=22,${source}`;

describe('ec2-private-subnet', () => {
  it("gives full marks to a private route table of its own and SSH from the bastion's address", () => {
    const grade = play('ec2-private-subnet', [...nat, ...privateTable, sshFrom('IpRanges=[{CidrIp=10.0.0.0/24}]')]);
    expect(points(grade)).toEqual({ 'nat-egress': 15, 'bastion-ssh': 10 });
  });

  it('gives part marks when the NAT gateway works but SSH to app is opened to every address, which lets ci in as well', () => {
    const grade = play('ec2-private-subnet', [...nat, ...privateTable, sshFrom('IpRanges=[{CidrIp=0.0.0.0/0}]')]);
    expect(points(grade)).toEqual({ 'nat-egress': 15, 'bastion-ssh': 0 });
    expect(why(grade, 'bastion-ssh')).toBe('ci reaches app on SSH too. Allow port 22 from the bastion (its security group or its address) and nothing else.');
  });

  it('gives nothing for routing the private subnet to a NAT gateway that is not yet available, nor to the internet gateway', () => {
    const pending = play('ec2-private-subnet', [nat[0]!, ...privateTable]);
    expect(points(pending)).toEqual({ 'nat-egress': 0, 'bastion-ssh': 0 });
    expect(why(pending, 'nat-egress')).toBe('app cannot reach the internet on 443. Type `probe tcp 443 from app to internet` to see where it stops.');
  });
});
