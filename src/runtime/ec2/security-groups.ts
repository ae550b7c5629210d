/**
 * Security groups: create (with one outbound rule allowing everything), describe, delete,
 * and rules authorized and revoked in either direction. A request's rules are checked
 * whole before any is added, so a batch with one bad or duplicate rule adds none.
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html
 * https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups
 */
import type { Ec2 } from './context.js';
import { clientError, invalidParameterValue, isWellFormedId, malformedId } from './errors.js';
import { applyFilters, type FilterTable } from './filters.js';
import { newGroupEgressRule } from './default-vpc.js';
import { page, read, tagsMember, write, type Input } from './operation.js';
import { describeRuleForError, ruleSpecs, sameRule, toIpPermissions, type RuleSpec } from './security-group-rules.js';
import { tagsFromSpecifications } from './tags.js';
import { defaultVpc, requireVpc } from './vpcs.js';
import type { SecurityGroup, SecurityGroupRule } from './state.js';

/** The default quota: 60 inbound and 60 outbound rules per group. */
export const RULES_PER_DIRECTION = 60;

export function groupNotFound(name: string, vpcId?: string) {
  const where = vpcId ? ` in default VPC '${vpcId}'` : '';
  return clientError('InvalidGroup.NotFound', `The security group '${name}' does not exist${where}`);
}

export function requireGroupById(ec2: Ec2, groupId: string): SecurityGroup {
  const group = ec2.state.securityGroups.get(groupId);
  if (group) return group;
  if (!isWellFormedId(groupId, 'sg')) throw malformedId('InvalidGroupId.Malformed', groupId);
  throw groupNotFound(groupId);
}

/** GroupId, or (in the default VPC only, as AWS allows) GroupName. */
export function requireGroup(ec2: Ec2, input: Input): SecurityGroup {
  if (typeof input.GroupId === 'string') return requireGroupById(ec2, input.GroupId);
  if (typeof input.GroupName === 'string') {
    const vpc = defaultVpc(ec2);
    const group = [...ec2.state.securityGroups.values()].find((g) => g.VpcId === vpc?.VpcId && g.GroupName === input.GroupName);
    if (!group) throw groupNotFound(input.GroupName, vpc?.VpcId);
    return group;
  }
  throw clientError('MissingParameter', 'The request must contain the parameter groupName or groupId');
}

function describeGroup(ec2: Ec2, group: SecurityGroup): Record<string, unknown> {
  return {
    Description: group.Description,
    GroupName: group.GroupName,
    IpPermissions: toIpPermissions(group.rules.filter((r) => !r.IsEgress), ec2.accountId),
    OwnerId: ec2.accountId,
    GroupId: group.GroupId,
    IpPermissionsEgress: toIpPermissions(group.rules.filter((r) => r.IsEgress), ec2.accountId),
    ...tagsMember(group.Tags),
    VpcId: group.VpcId,
  };
}

export function describeRule(ec2: Ec2, rule: SecurityGroupRule): Record<string, unknown> {
  return {
    SecurityGroupRuleId: rule.SecurityGroupRuleId,
    GroupId: rule.GroupId,
    GroupOwnerId: ec2.accountId,
    IsEgress: rule.IsEgress,
    IpProtocol: rule.IpProtocol,
    FromPort: rule.FromPort,
    ToPort: rule.ToPort,
    ...(rule.CidrIpv4 ? { CidrIpv4: rule.CidrIpv4 } : {}),
    ...(rule.CidrIpv6 ? { CidrIpv6: rule.CidrIpv6 } : {}),
    ...(rule.PrefixListId ? { PrefixListId: rule.PrefixListId } : {}),
    ...(rule.ReferencedGroupId ? { ReferencedGroupInfo: { GroupId: rule.ReferencedGroupId, UserId: ec2.accountId } } : {}),
    ...(rule.Description !== undefined ? { Description: rule.Description } : {}),
    Tags: rule.Tags.map((t) => ({ ...t })),
  };
}

const sourcesOf = (rules: readonly SecurityGroupRule[], egress: boolean, read: (r: SecurityGroupRule) => string | number | undefined) =>
  rules.filter((r) => r.IsEgress === egress).map(read);

/** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSecurityGroups.html */
const GROUP_FILTERS = (ec2: Ec2): FilterTable<SecurityGroup> => ({
  description: (g) => g.Description,
  'group-id': (g) => g.GroupId,
  'group-name': (g) => g.GroupName,
  'owner-id': () => ec2.accountId,
  'vpc-id': (g) => g.VpcId,
  'ip-permission.cidr': (g) => sourcesOf(g.rules, false, (r) => r.CidrIpv4),
  'ip-permission.ipv6-cidr': (g) => sourcesOf(g.rules, false, (r) => r.CidrIpv6),
  'ip-permission.from-port': (g) => sourcesOf(g.rules, false, (r) => r.FromPort),
  'ip-permission.to-port': (g) => sourcesOf(g.rules, false, (r) => r.ToPort),
  'ip-permission.protocol': (g) => sourcesOf(g.rules, false, (r) => r.IpProtocol),
  'ip-permission.group-id': (g) => sourcesOf(g.rules, false, (r) => r.ReferencedGroupId),
  'egress.ip-permission.cidr': (g) => sourcesOf(g.rules, true, (r) => r.CidrIpv4),
  'egress.ip-permission.ipv6-cidr': (g) => sourcesOf(g.rules, true, (r) => r.CidrIpv6),
  'egress.ip-permission.from-port': (g) => sourcesOf(g.rules, true, (r) => r.FromPort),
  'egress.ip-permission.to-port': (g) => sourcesOf(g.rules, true, (r) => r.ToPort),
  'egress.ip-permission.protocol': (g) => sourcesOf(g.rules, true, (r) => r.IpProtocol),
  'egress.ip-permission.group-id': (g) => sourcesOf(g.rules, true, (r) => r.ReferencedGroupId),
});

/** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSecurityGroupRules.html */
const RULE_FILTERS: FilterTable<SecurityGroupRule> = {
  'group-id': (r) => r.GroupId,
  'security-group-rule-id': (r) => r.SecurityGroupRuleId,
};

function createSecurityGroup(ec2: Ec2, input: Input) {
  const name = String(input.GroupName);
  const description = String(input.Description);
  if (name.length > 255 || description.length > 255) throw invalidParameterValue('Group name and description may be at most 255 characters.');
  if (name.toLowerCase().startsWith('sg-')) throw invalidParameterValue("Group names may not be in the format sg-*.");
  const vpc = typeof input.VpcId === 'string' ? requireVpc(ec2, input.VpcId) : defaultVpc(ec2);
  if (!vpc) throw clientError('VPCIdNotSpecified', 'No default VPC for this user');
  if ([...ec2.state.securityGroups.values()].some((g) => g.VpcId === vpc.VpcId && g.GroupName === name)) {
    throw clientError('InvalidGroup.Duplicate', `The security group '${name}' already exists for VPC '${vpc.VpcId}'`);
  }
  const tags = tagsFromSpecifications(input.TagSpecifications, 'security-group');
  const groupId = ec2.newId('sg');
  ec2.state.securityGroups.set(groupId, { GroupId: groupId, GroupName: name, Description: description, VpcId: vpc.VpcId, rules: [newGroupEgressRule(groupId, ec2.newId('sgr'))], Tags: tags });
  return { GroupId: groupId, ...tagsMember(tags) };
}

/** Groups whose rules name this one: AWS will not delete a group another group refers to. */
function referencingGroups(ec2: Ec2, groupId: string): SecurityGroup[] {
  return [...ec2.state.securityGroups.values()].filter((g) => g.GroupId !== groupId && g.rules.some((r) => r.ReferencedGroupId === groupId));
}

function deleteSecurityGroup(ec2: Ec2, input: Input) {
  const group = requireGroup(ec2, input);
  if (group.GroupName === 'default') {
    throw clientError('CannotDelete', `the specified group: "${group.GroupId}" name: "default" cannot be deleted by a user`);
  }
  const inUse = [...ec2.state.instances.values()].some((i) => i.State !== 'terminated' && i.SecurityGroupIds.includes(group.GroupId));
  if (inUse || referencingGroups(ec2, group.GroupId).length > 0) {
    throw clientError('DependencyViolation', `resource ${group.GroupId} has a dependent object`);
  }
  ec2.state.securityGroups.delete(group.GroupId);
  return {};
}

function describeSecurityGroups(ec2: Ec2, input: Input) {
  const ids = (input.GroupIds as string[] | undefined) ?? [];
  const names = (input.GroupNames as string[] | undefined) ?? [];
  let chosen = [...ec2.state.securityGroups.values()];
  if (ids.length > 0) chosen = ids.map((id) => requireGroupById(ec2, id));
  if (names.length > 0) chosen = names.map((name) => requireGroup(ec2, { GroupName: name }));
  const { items, NextToken } = page(applyFilters(chosen, input.Filters, GROUP_FILTERS(ec2)), input);
  return { SecurityGroups: items.map((g) => describeGroup(ec2, g)), ...(NextToken ? { NextToken } : {}) };
}

function describeSecurityGroupRules(ec2: Ec2, input: Input) {
  const all = [...ec2.state.securityGroups.values()].flatMap((g) => g.rules);
  const ids = (input.SecurityGroupRuleIds as string[] | undefined) ?? [];
  const chosen = ids.length > 0 ? all.filter((r) => ids.includes(r.SecurityGroupRuleId)) : all;
  const missing = ids.find((id) => !all.some((r) => r.SecurityGroupRuleId === id));
  if (missing) throw clientError('InvalidSecurityGroupRuleId.NotFound', `The security group rule ID '${missing}' does not exist`);
  const { items, NextToken } = page(applyFilters(chosen, input.Filters, RULE_FILTERS), input);
  return { SecurityGroupRules: items.map((r) => describeRule(ec2, r)), ...(NextToken ? { NextToken } : {}) };
}

function authorize(egress: boolean) {
  return (ec2: Ec2, input: Input) => {
    const group = requireGroup(ec2, input);
    const specs = ruleSpecs(input, egress);
    for (const spec of specs) {
      if (spec.ReferencedGroupId) requireGroupById(ec2, spec.ReferencedGroupId);
      const twice = specs.filter((other) => sameRule(other, spec)).length > 1;
      if (twice || group.rules.some((rule) => sameRule(rule, spec))) {
        throw clientError('InvalidPermission.Duplicate', `the specified rule "${describeRuleForError(spec)}" already exists`);
      }
    }
    const count = group.rules.filter((r) => r.IsEgress === egress).length;
    if (count + specs.length > RULES_PER_DIRECTION) {
      throw clientError('RulesPerSecurityGroupLimitExceeded', 'The maximum number of rules per security group has been reached.');
    }
    const tags = tagsFromSpecifications(input.TagSpecifications, 'security-group-rule');
    const added = specs.map((spec): SecurityGroupRule => ({ ...spec, SecurityGroupRuleId: ec2.newId('sgr'), GroupId: group.GroupId, Tags: tags.map((t) => ({ ...t })) }));
    group.rules = [...group.rules, ...added];
    return { Return: true, SecurityGroupRules: added.map((r) => describeRule(ec2, r)) };
  };
}

/**
 * Revoke by rule IDs or by rule properties. In a nondefault VPC a rule that does not match
 * fails the whole request with InvalidPermission.NotFound; in the default VPC it is returned
 * in UnknownIpPermissions and the rest are revoked.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RevokeSecurityGroupIngress.html
 */
function revoke(egress: boolean) {
  return (ec2: Ec2, input: Input) => {
    const group = requireGroup(ec2, input);
    const ruleIds = (input.SecurityGroupRuleIds as string[] | undefined) ?? [];
    let targets: SecurityGroupRule[];
    const unknown: RuleSpec[] = [];
    if (ruleIds.length > 0) {
      targets = [];
      for (const id of ruleIds) {
        const rule = group.rules.find((r) => r.SecurityGroupRuleId === id && r.IsEgress === egress);
        if (!rule) throw clientError('InvalidSecurityGroupRuleId.NotFound', `The security group rule ID '${id}' does not exist`);
        targets.push(rule);
      }
    } else {
      targets = [];
      for (const spec of ruleSpecs(input, egress)) {
        const rule = group.rules.find((r) => sameRule(r, spec));
        if (rule) targets.push(rule);
        else unknown.push(spec);
      }
      const inDefaultVpc = ec2.state.vpcs.get(group.VpcId)?.IsDefault === true;
      if (unknown.length > 0 && !inDefaultVpc) {
        throw clientError('InvalidPermission.NotFound', 'The specified rule does not exist in this security group.');
      }
    }
    group.rules = group.rules.filter((r) => !targets.includes(r));
    return {
      Return: true,
      ...(unknown.length > 0 ? { UnknownIpPermissions: toIpPermissions(unknown.map((u) => ({ ...u, SecurityGroupRuleId: '', GroupId: group.GroupId, Tags: [] })), ec2.accountId) } : {}),
    };
  };
}

export const securityGroupOperations = {
  CreateSecurityGroup: write(createSecurityGroup),
  DeleteSecurityGroup: write(deleteSecurityGroup),
  DescribeSecurityGroups: read(describeSecurityGroups),
  DescribeSecurityGroupRules: read(describeSecurityGroupRules),
  AuthorizeSecurityGroupIngress: write(authorize(false)),
  AuthorizeSecurityGroupEgress: write(authorize(true)),
  RevokeSecurityGroupIngress: write(revoke(false)),
  RevokeSecurityGroupEgress: write(revoke(true)),
};
