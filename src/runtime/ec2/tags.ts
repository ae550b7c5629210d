/**
 * Tags on EC2 resources: TagSpecifications at creation, CreateTags, DeleteTags and
 * DescribeTags. A resource holds at most 50 tags; keys are case-sensitive, and a key may
 * not begin with `aws:`.
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Tags.html
 */
import { AwsError } from '../errors.js';
import type { Ec2 } from './context.js';
import type { Tag } from './state.js';
import { applyFilters, type FilterTable } from './filters.js';
import { read, write } from './operation.js';

export const MAX_TAGS_PER_RESOURCE = 50;

export interface TagSpecification {
  ResourceType?: string;
  Tags?: { Key?: string; Value?: string }[];
}

function checkTag(tag: { Key?: string; Value?: string }): Tag {
  const key = tag.Key ?? '';
  if (key.toLowerCase().startsWith('aws:')) {
    throw new AwsError('InvalidParameterValue', `Value ( ${key} ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use`, 400);
  }
  if (key.length > 128) throw new AwsError('InvalidParameterValue', `Tag key exceeds the maximum length of 128 characters`, 400);
  if ((tag.Value ?? '').length > 256) throw new AwsError('InvalidParameterValue', `Tag value exceeds the maximum length of 256 characters`, 400);
  return { Key: key, Value: tag.Value ?? '' };
}

/** Sets tags on a resource's list: a key already there gets the new value. */
export function setTags(target: Tag[], tags: readonly { Key?: string; Value?: string }[]): void {
  const checked = tags.map(checkTag);
  const keys = new Set([...target.map((t) => t.Key), ...checked.map((t) => t.Key)]);
  if (keys.size > MAX_TAGS_PER_RESOURCE) throw new AwsError('TagLimitExceeded', `The maximum number of Tags for a resource has been reached.`, 400);
  for (const tag of checked) {
    const existing = target.find((t) => t.Key === tag.Key);
    if (existing) existing.Value = tag.Value;
    else target.push(tag);
  }
}

/**
 * The tags a create call's TagSpecifications give a resource of `resourceType`. A
 * specification for another resource type is AWS's InvalidParameterValue.
 */
export function tagsFromSpecifications(specifications: readonly TagSpecification[] | undefined, resourceType: string): Tag[] {
  const tags: Tag[] = [];
  for (const spec of specifications ?? []) {
    if (spec.ResourceType !== resourceType) {
      throw new AwsError('InvalidParameterValue', `'${spec.ResourceType ?? ''}' is not a valid taggable resource type for this operation.`, 400);
    }
    setTags(tags, spec.Tags ?? []);
  }
  return tags;
}

/** Every taggable resource in the region, by id, with the resource type DescribeTags reports. */
export function taggableResources(ec2: Ec2): Map<string, { resourceType: string; tags: Tag[] }> {
  const s = ec2.state;
  const all = new Map<string, { resourceType: string; tags: Tag[] }>();
  const add = (resourceType: string, items: Iterable<{ Tags: Tag[] }>, idOf: (r: never) => string) => {
    for (const item of items) all.set(idOf(item as never), { resourceType, tags: item.Tags });
  };
  add('vpc', s.vpcs.values(), (r: { VpcId: string }) => r.VpcId);
  add('subnet', s.subnets.values(), (r: { SubnetId: string }) => r.SubnetId);
  add('internet-gateway', s.internetGateways.values(), (r: { InternetGatewayId: string }) => r.InternetGatewayId);
  add('natgateway', s.natGateways.values(), (r: { NatGatewayId: string }) => r.NatGatewayId);
  add('elastic-ip', s.addresses.values(), (r: { AllocationId: string }) => r.AllocationId);
  add('route-table', s.routeTables.values(), (r: { RouteTableId: string }) => r.RouteTableId);
  add('security-group', s.securityGroups.values(), (r: { GroupId: string }) => r.GroupId);
  add('network-acl', s.networkAcls.values(), (r: { NetworkAclId: string }) => r.NetworkAclId);
  add('instance', s.instances.values(), (r: { InstanceId: string }) => r.InstanceId);
  add('key-pair', s.keyPairs.values(), (r: { KeyPairId: string }) => r.KeyPairId);
  return all;
}

/** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateTags.html */
function createTags(ec2: Ec2, input: Record<string, any>) {
  const resources = taggableResources(ec2);
  const ids = (input.Resources as string[] | undefined) ?? [];
  const missing = ids.find((id) => !resources.has(id));
  if (missing) throw new AwsError('InvalidID', `The ID '${missing}' is not valid`, 400);
  // Checked on copies first: a request that fails for one resource tags none.
  for (const id of ids) setTags(resources.get(id)!.tags.map((t) => ({ ...t })), input.Tags ?? []);
  for (const id of ids) setTags(resources.get(id)!.tags, input.Tags ?? []);
  return {};
}

/** A tag given with a value is deleted only when the value matches; given without one, whatever its value. */
function deleteTags(ec2: Ec2, input: Record<string, any>) {
  const resources = taggableResources(ec2);
  for (const id of (input.Resources as string[] | undefined) ?? []) {
    const target = resources.get(id);
    if (!target) throw new AwsError('InvalidID', `The ID '${id}' is not valid`, 400);
    const given = (input.Tags as { Key?: string; Value?: string }[] | undefined) ?? [];
    const keep = target.tags.filter((t) => given.length > 0 && !given.some((g) => g.Key === t.Key && (g.Value === undefined || g.Value === t.Value)));
    target.tags.splice(0, target.tags.length, ...keep);
  }
  return {};
}

function describeTags(ec2: Ec2, input: Record<string, any>) {
  const rows = [...taggableResources(ec2)].flatMap(([ResourceId, r]) => r.tags.map((t) => ({ Key: t.Key, ResourceId, ResourceType: r.resourceType, Value: t.Value, Tags: [] as Tag[] })));
  const table: FilterTable<(typeof rows)[number]> = { key: (r) => r.Key, value: (r) => r.Value, 'resource-id': (r) => r.ResourceId, 'resource-type': (r) => r.ResourceType };
  return { Tags: applyFilters(rows, input.Filters, table).map(({ Tags: _t, ...row }) => row) };
}

export const tagOperations = {
  CreateTags: write(createTags),
  DeleteTags: write(deleteTags),
  DescribeTags: read(describeTags),
};
