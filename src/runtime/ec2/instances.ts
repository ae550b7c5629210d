/**
 * Instances: launched into a subnet with security groups of its VPC, a private address from
 * the subnet and a public one when the subnet gives them; their states move on the clock
 * (pending → running, stopping → stopped, shutting-down → terminated), and a terminated
 * instance stays visible for about an hour.
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-lifecycle.html
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html
 *
 * AWS gives no fixed times for the transitions; the simulation takes 30 seconds for each,
 * and keeps a terminated instance for an hour.
 */
import type { ServiceContext } from '../service.js';
import { ec2Of, type Ec2, type Ec2State } from './context.js';
import { clientError, invalidParameterValue, isWellFormedId, malformedId } from './errors.js';
import { applyFilters, type FilterTable } from './filters.js';
import { page, read, tagsMember, write, type Input } from './operation.js';
import { allocatePublicAddress, clearAssociation, releasePublicAddress } from './addresses.js';
import { findInstanceType, requireImage } from './catalogue.js';
import { requireKeyPair } from './key-pairs.js';
import { requireGroup, requireGroupById } from './security-groups.js';
import { releasePrivateAddress, requireSubnet, takePrivateAddress } from './subnets.js';
import { tagsFromSpecifications } from './tags.js';
import { defaultVpc } from './vpcs.js';
import type { Instance, InstanceStateName, Subnet } from './state.js';

export const TRANSITION_MS = 30_000;
export const TERMINATED_VISIBLE_MS = 60 * 60_000;

/** AWS's state codes: the low byte of InstanceState.Code. */
export const STATE_CODES: Readonly<Record<InstanceStateName, number>> = { pending: 0, running: 16, 'shutting-down': 32, terminated: 48, stopping: 64, stopped: 80 };

const stateOf = (name: InstanceStateName) => ({ Code: STATE_CODES[name], Name: name });

export function instanceNotFound(ids: readonly string[]) {
  return clientError('InvalidInstanceID.NotFound', ids.length === 1 ? `The instance ID '${ids[0]}' does not exist` : `The instance IDs '${ids.join(', ')}' do not exist`);
}

export function requireInstances(ec2: Ec2, ids: readonly string[]): Instance[] {
  const malformed = ids.find((id) => !ec2.state.instances.has(id) && !isWellFormedId(id, 'i'));
  if (malformed) throw malformedId('InvalidInstanceID.Malformed', malformed);
  const missing = ids.filter((id) => !ec2.state.instances.has(id));
  if (missing.length > 0) throw instanceNotFound(missing);
  return ids.map((id) => ec2.state.instances.get(id)!);
}

function dnsName(ec2: Ec2, address: string, kind: 'private' | 'public'): string {
  const dashed = address.replace(/\./g, '-');
  if (kind === 'private') return ec2.region === 'us-east-1' ? `ip-${dashed}.ec2.internal` : `ip-${dashed}.${ec2.region}.compute.internal`;
  return ec2.region === 'us-east-1' ? `ec2-${dashed}.compute-1.amazonaws.com` : `ec2-${dashed}.${ec2.region}.compute.amazonaws.com`;
}

export function describeInstance(ec2: Ec2, i: Instance): Record<string, unknown> {
  const live = i.State !== 'terminated';
  const groups = i.SecurityGroupIds.map((id) => ({ GroupName: ec2.state.securityGroups.get(id)?.GroupName ?? id, GroupId: id }));
  return {
    AmiLaunchIndex: i.AmiLaunchIndex,
    ImageId: i.ImageId,
    InstanceId: i.InstanceId,
    InstanceType: i.InstanceType,
    ...(i.KeyName ? { KeyName: i.KeyName } : {}),
    LaunchTime: new Date(i.LaunchTimeMs),
    Monitoring: { State: 'disabled' },
    Placement: { AvailabilityZone: i.AvailabilityZone, GroupName: '', Tenancy: 'default' },
    ...(i.Platform ? { Platform: i.Platform } : {}),
    PrivateDnsName: live ? dnsName(ec2, i.PrivateIpAddress, 'private') : '',
    ...(live ? { PrivateIpAddress: i.PrivateIpAddress } : {}),
    ProductCodes: [],
    PublicDnsName: i.PublicIpAddress ? dnsName(ec2, i.PublicIpAddress, 'public') : '',
    ...(i.PublicIpAddress ? { PublicIpAddress: i.PublicIpAddress } : {}),
    State: stateOf(i.State),
    StateTransitionReason: i.StateTransitionReason,
    ...(live ? { SubnetId: i.SubnetId, VpcId: i.VpcId } : {}),
    Architecture: i.Architecture,
    BlockDeviceMappings: [],
    EbsOptimized: false,
    EnaSupport: true,
    Hypervisor: 'xen',
    NetworkInterfaces: live
      ? [{ ...(i.PublicIpAddress ? { Association: { IpOwnerId: i.publicIpSource === 'elastic' ? ec2.accountId : 'amazon', PublicDnsName: dnsName(ec2, i.PublicIpAddress, 'public'), PublicIp: i.PublicIpAddress } } : {}), Attachment: { DeviceIndex: 0, Status: 'attached', DeleteOnTermination: true }, Groups: groups, NetworkInterfaceId: i.NetworkInterfaceId, OwnerId: ec2.accountId, PrivateIpAddress: i.PrivateIpAddress, SourceDestCheck: i.SourceDestCheck, Status: 'in-use', SubnetId: i.SubnetId, VpcId: i.VpcId, InterfaceType: 'interface' }]
      : [],
    RootDeviceName: i.RootDeviceName,
    RootDeviceType: 'ebs',
    SecurityGroups: live ? groups : [],
    SourceDestCheck: i.SourceDestCheck,
    ...(i.StateReason ? { StateReason: { ...i.StateReason } } : {}),
    ...tagsMember(i.Tags),
    VirtualizationType: 'hvm',
  };
}

/** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstances.html */
const INSTANCE_FILTERS: FilterTable<Instance> = {
  'availability-zone': (i) => i.AvailabilityZone,
  'image-id': (i) => i.ImageId,
  'instance-id': (i) => i.InstanceId,
  'instance-state-code': (i) => String(STATE_CODES[i.State]),
  'instance-state-name': (i) => i.State,
  'instance-type': (i) => i.InstanceType,
  'instance.group-id': (i) => i.SecurityGroupIds,
  'instance.group-name': (i) => i.SecurityGroupIds,
  'ip-address': (i) => i.PublicIpAddress,
  'key-name': (i) => i.KeyName,
  'private-ip-address': (i) => i.PrivateIpAddress,
  'reservation-id': (i) => i.ReservationId,
  'subnet-id': (i) => i.SubnetId,
  'vpc-id': (i) => i.VpcId,
  architecture: (i) => i.Architecture,
};

function launchSubnet(ec2: Ec2, input: Input): Subnet {
  if (typeof input.SubnetId === 'string') return requireSubnet(ec2, input.SubnetId);
  const vpc = defaultVpc(ec2);
  if (!vpc) throw clientError('VPCIdNotSpecified', 'No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.');
  const zone = (input.Placement as { AvailabilityZone?: string } | undefined)?.AvailabilityZone;
  const subnets = [...ec2.state.subnets.values()].filter((s) => s.VpcId === vpc.VpcId && s.DefaultForAz);
  const subnet = zone ? subnets.find((s) => s.AvailabilityZone === zone) : subnets[0];
  if (!subnet) throw invalidParameterValue(`Invalid availability zone: [${zone ?? ''}]`);
  return subnet;
}

/** The one network interface the simulation gives an instance, as RunInstances' NetworkInterfaces describes it. */
interface LaunchInterface {
  DeviceIndex?: number;
  NetworkInterfaceId?: string;
  SubnetId?: string;
  Groups?: string[];
  PrivateIpAddress?: string;
  PrivateIpAddresses?: { PrivateIpAddress?: string; Primary?: boolean }[];
  SecondaryPrivateIpAddressCount?: number;
  AssociatePublicIpAddress?: boolean;
}

/**
 * With NetworkInterfaces, the subnet, groups and private address belong in the interface:
 * EC2 refuses them at instance level too (InvalidParameterCombination). The simulation gives
 * an instance one interface, DeviceIndex 0, made at launch.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceNetworkInterfaceSpecification.html
 */
function launchInterface(input: Input): LaunchInterface | undefined {
  const list = input.NetworkInterfaces as LaunchInterface[] | undefined;
  if (!list || list.length === 0) return undefined;
  const combination = (what: string) => clientError('InvalidParameterCombination', `Network interfaces and an instance-level ${what} may not be specified on the same request`);
  if (input.SubnetId !== undefined) throw combination('subnet ID');
  if (((input.SecurityGroupIds as unknown[] | undefined)?.length ?? 0) > 0 || ((input.SecurityGroups as unknown[] | undefined)?.length ?? 0) > 0) throw combination('security groups');
  if (input.PrivateIpAddress !== undefined) throw combination('private IP address');
  const nic = list[0]!;
  if (list.length > 1 || nic.DeviceIndex !== 0) throw invalidParameterValue('awslab simulates one network interface per instance: give exactly one NetworkInterfaces entry, with DeviceIndex=0.');
  if (nic.NetworkInterfaceId !== undefined) throw invalidParameterValue('awslab does not simulate attaching an existing network interface at launch: give SubnetId (and Groups) in the entry instead of NetworkInterfaceId.');
  const secondary = (nic.PrivateIpAddresses ?? []).filter((a) => !a.Primary);
  if (secondary.length > 0 || (nic.SecondaryPrivateIpAddressCount ?? 0) > 0) throw invalidParameterValue('awslab does not simulate secondary private IP addresses: launch with one private address.');
  return nic;
}

function launchGroups(ec2: Ec2, input: Input, subnet: Subnet): string[] {
  const ids = (input.SecurityGroupIds as string[] | undefined) ?? [];
  const names = (input.SecurityGroups as string[] | undefined) ?? [];
  // Group names work only in a default VPC; elsewhere EC2 asks for IDs.
  if (names.length > 0 && !ec2.state.vpcs.get(subnet.VpcId)?.IsDefault) {
    throw clientError('InvalidParameterCombination', 'The parameter groupName cannot be used with the parameter subnet');
  }
  const groups = [...ids.map((id) => requireGroupById(ec2, id)), ...names.map((name) => requireGroup(ec2, { GroupName: name }))];
  for (const group of groups) {
    if (group.VpcId !== subnet.VpcId) throw clientError('InvalidParameter', `Security group ${group.GroupId} and subnet ${subnet.SubnetId} belong to different networks.`);
  }
  if (groups.length > 0) return [...new Set(groups.map((g) => g.GroupId))];
  const fallback = [...ec2.state.securityGroups.values()].find((g) => g.VpcId === subnet.VpcId && g.GroupName === 'default');
  return fallback ? [fallback.GroupId] : [];
}

function runInstances(ec2: Ec2, input: Input) {
  const min = input.MinCount as number;
  const max = input.MaxCount as number;
  if (!Number.isInteger(min) || min < 1) throw invalidParameterValue(`Value (${String(min)}) for parameter minCount is invalid. Expected a positive integer.`);
  if (!Number.isInteger(max) || max < min) throw invalidParameterValue(`Value (${String(max)}) for parameter maxCount is invalid. MaxCount must be at least MinCount.`);
  if (input.ImageId === undefined) throw clientError('MissingParameter', 'The request must contain the parameter ImageId');
  const image = requireImage(ec2, String(input.ImageId));
  // AWS launches m1.small when no type is given; the simulation has no m1, so it asks instead.
  const typeName = input.InstanceType as string | undefined;
  if (typeName === undefined) throw clientError('MissingParameter', 'The request must contain the parameter InstanceType (for example t3.micro)');
  const type = findInstanceType(typeName);
  if (!type) throw invalidParameterValue(`Invalid value '${typeName}' for InstanceType.`);
  if (type.architecture !== image.Architecture) {
    throw invalidParameterValue(`The architecture '${type.architecture}' of the specified instance type does not match the architecture '${image.Architecture}' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again.`);
  }
  const keyName = input.KeyName as string | undefined;
  if (keyName !== undefined) requireKeyPair(ec2, keyName);
  const nic = launchInterface(input);
  const subnet = launchSubnet(ec2, nic ? { SubnetId: nic.SubnetId, Placement: input.Placement } : input);
  const groups = launchGroups(ec2, nic ? { SecurityGroupIds: nic.Groups } : input, subnet);
  const privateIp = nic ? (nic.PrivateIpAddress ?? nic.PrivateIpAddresses?.find((a) => a.Primary)?.PrivateIpAddress) : (input.PrivateIpAddress as string | undefined);
  // An interface's AssociatePublicIpAddress overrides the subnet's setting, either way.
  const publicIp = nic?.AssociatePublicIpAddress ?? subnet.MapPublicIpOnLaunch;
  if (privateIp !== undefined && max > 1) throw invalidParameterValue('A private IP address can only be given when launching one instance.');
  const tags = tagsFromSpecifications(((input.TagSpecifications as { ResourceType?: string }[] | undefined) ?? []).filter((s) => s.ResourceType === 'instance'), 'instance');
  const reservationId = ec2.newId('r');
  const instances: Instance[] = [];
  for (let index = 0; index < max; index++) {
    let address: string;
    try {
      address = takePrivateAddress(subnet, privateIp);
    } catch (error) {
      if (index >= min) break;
      for (const launched of instances) releasePrivateAddress(subnet, launched.PrivateIpAddress);
      throw error;
    }
    const instance: Instance = {
      InstanceId: ec2.newId('i'),
      ImageId: image.ImageId,
      InstanceType: type.InstanceType,
      ...(keyName !== undefined ? { KeyName: keyName } : {}),
      SubnetId: subnet.SubnetId,
      VpcId: subnet.VpcId,
      AvailabilityZone: subnet.AvailabilityZone,
      PrivateIpAddress: address,
      publicIpOnLaunch: publicIp,
      NetworkInterfaceId: ec2.newId('eni'),
      SecurityGroupIds: [...groups],
      State: 'pending',
      StateTransitionReason: '',
      LaunchTimeMs: ec2.nowMs,
      AmiLaunchIndex: index,
      ReservationId: reservationId,
      Architecture: image.Architecture,
      ...(image.Platform ? { Platform: image.Platform } : {}),
      RootDeviceName: image.RootDeviceName,
      SourceDestCheck: true,
      Tags: tags.map((t) => ({ ...t })),
    };
    if (publicIp) {
      instance.PublicIpAddress = allocatePublicAddress(ec2);
      instance.publicIpSource = 'launch';
    }
    ec2.state.instances.set(instance.InstanceId, instance);
    ec2.schedule(TRANSITION_MS, 'instanceSettled', { instanceId: instance.InstanceId });
    instances.push(instance);
  }
  return { Groups: [], Instances: instances.map((i) => describeInstance(ec2, i)), OwnerId: ec2.accountId, ReservationId: reservationId };
}

/** Instances AWS still shows: a terminated one for an hour after it ended. */
function visible(ec2: Ec2): Instance[] {
  return [...ec2.state.instances.values()];
}

function describeInstances(ec2: Ec2, input: Input) {
  const ids = (input.InstanceIds as string[] | undefined) ?? [];
  const chosen = ids.length > 0 ? requireInstances(ec2, ids) : visible(ec2);
  const matched = applyFilters(chosen, input.Filters, INSTANCE_FILTERS);
  const { items, NextToken } = page(matched, input);
  const reservations = new Map<string, Instance[]>();
  for (const instance of items) {
    const list = reservations.get(instance.ReservationId) ?? [];
    list.push(instance);
    reservations.set(instance.ReservationId, list);
  }
  return {
    Reservations: [...reservations].map(([ReservationId, list]) => ({ Groups: [], Instances: list.map((i) => describeInstance(ec2, i)), OwnerId: ec2.accountId, ReservationId })),
    ...(NextToken ? { NextToken } : {}),
  };
}

function reason(ec2: Ec2): string {
  const at = new Date(ec2.nowMs).toISOString().replace('T', ' ').slice(0, 19);
  return `User initiated (${at} GMT)`;
}

function change(instance: Instance, previous: InstanceStateName) {
  return { CurrentState: stateOf(instance.State), InstanceId: instance.InstanceId, PreviousState: stateOf(previous) };
}

function dropLaunchAddress(ec2: Ec2, instance: Instance): void {
  if (instance.PublicIpAddress && instance.publicIpSource === 'launch') {
    releasePublicAddress(ec2, instance.PublicIpAddress);
    delete instance.PublicIpAddress;
    delete instance.publicIpSource;
  }
}

function stopInstances(ec2: Ec2, input: Input) {
  const instances = requireInstances(ec2, input.InstanceIds as string[]);
  for (const i of instances) {
    if (i.State === 'terminated' || i.State === 'shutting-down') throw clientError('IncorrectInstanceState', `This instance '${i.InstanceId}' is not in a state from which it can be stopped.`);
  }
  return {
    StoppingInstances: instances.map((i) => {
      const previous = i.State;
      if (previous === 'running' || previous === 'pending') {
        i.State = 'stopping';
        i.StateTransitionReason = reason(ec2);
        i.StateReason = { Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' };
        dropLaunchAddress(ec2, i);
        ec2.schedule(TRANSITION_MS, 'instanceSettled', { instanceId: i.InstanceId });
      }
      return change(i, previous);
    }),
  };
}

function startInstances(ec2: Ec2, input: Input) {
  const instances = requireInstances(ec2, input.InstanceIds as string[]);
  for (const i of instances) {
    if (i.State !== 'stopped' && i.State !== 'running' && i.State !== 'pending') {
      throw clientError('IncorrectInstanceState', `The instance '${i.InstanceId}' is not in a state from which it can be started.`);
    }
  }
  return {
    StartingInstances: instances.map((i) => {
      const previous = i.State;
      if (previous === 'stopped') {
        i.State = 'pending';
        i.StateTransitionReason = '';
        delete i.StateReason;
        if (i.publicIpOnLaunch && !i.PublicIpAddress) {
          i.PublicIpAddress = allocatePublicAddress(ec2);
          i.publicIpSource = 'launch';
        }
        ec2.schedule(TRANSITION_MS, 'instanceSettled', { instanceId: i.InstanceId });
      }
      return change(i, previous);
    }),
  };
}

function rebootInstances(ec2: Ec2, input: Input) {
  for (const i of requireInstances(ec2, input.InstanceIds as string[])) {
    if (i.State !== 'running') throw clientError('IncorrectInstanceState', `The instance '${i.InstanceId}' is not in a state from which it can be rebooted.`);
  }
  return {};
}

function terminateInstances(ec2: Ec2, input: Input) {
  const instances = requireInstances(ec2, input.InstanceIds as string[]);
  return {
    TerminatingInstances: instances.map((i) => {
      const previous = i.State;
      if (previous !== 'terminated' && previous !== 'shutting-down') {
        i.State = 'shutting-down';
        i.StateTransitionReason = reason(ec2);
        i.StateReason = { Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' };
        ec2.schedule(TRANSITION_MS, 'instanceSettled', { instanceId: i.InstanceId });
      }
      return change(i, previous);
    }),
  };
}

function modifyInstanceAttribute(ec2: Ec2, input: Input) {
  const [instance] = requireInstances(ec2, [input.InstanceId as string]);
  const i = instance!;
  if (Array.isArray(input.Groups)) {
    const groups = (input.Groups as string[]).map((id) => requireGroupById(ec2, id));
    for (const g of groups) if (g.VpcId !== i.VpcId) throw clientError('InvalidGroup.NotFound', `You have specified two resources that belong to different networks.`);
    if (groups.length === 0) throw invalidParameterValue('An instance needs at least one security group.');
    i.SecurityGroupIds = groups.map((g) => g.GroupId);
    return {};
  }
  const type = (input.InstanceType as { Value?: string } | undefined)?.Value;
  if (type !== undefined) {
    if (i.State !== 'stopped') throw clientError('IncorrectInstanceState', `The instance '${i.InstanceId}' is not in the 'stopped' state.`);
    if (!findInstanceType(type)) throw invalidParameterValue(`Invalid value '${type}' for InstanceType.`);
    i.InstanceType = type;
    return {};
  }
  const check = (input.SourceDestCheck as { Value?: boolean } | undefined)?.Value;
  if (typeof check === 'boolean') {
    i.SourceDestCheck = check;
    return {};
  }
  throw invalidParameterValue('Specify one attribute to modify: Groups, InstanceType or SourceDestCheck (awslab simulates these).');
}

function describeInstanceStatus(ec2: Ec2, input: Input) {
  const ids = (input.InstanceIds as string[] | undefined) ?? [];
  let chosen = ids.length > 0 ? requireInstances(ec2, ids) : visible(ec2);
  if (input.IncludeAllInstances !== true) chosen = chosen.filter((i) => i.State === 'running');
  const failed = (i: Instance) => ec2.faults.some((f) => f.kind === 'instance-failure' && f.target === i.InstanceId);
  const zoneDown = (i: Instance) => ec2.isZoneDown(i.AvailabilityZone);
  return {
    InstanceStatuses: chosen.map((i) => {
      const running = i.State === 'running';
      const instanceOk = running && !failed(i) && !zoneDown(i);
      const systemOk = running && !zoneDown(i);
      const status = (ok: boolean) => (running ? { Details: [{ Name: 'reachability', Status: ok ? 'passed' : 'failed' }], Status: ok ? 'ok' : 'impaired' } : { Status: 'not-applicable' });
      return { AvailabilityZone: i.AvailabilityZone, InstanceId: i.InstanceId, InstanceState: stateOf(i.State), InstanceStatus: status(instanceOk), SystemStatus: status(systemOk) };
    }),
  };
}

export const instanceOperations = {
  RunInstances: write(runInstances),
  DescribeInstances: read(describeInstances),
  DescribeInstanceStatus: read(describeInstanceStatus),
  StopInstances: write(stopInstances),
  StartInstances: write(startInstances),
  RebootInstances: write(rebootInstances),
  TerminateInstances: write(terminateInstances),
  ModifyInstanceAttribute: write(modifyInstanceAttribute),
};

type Payload = { instanceId: string };

export const instanceTasks = {
  /** Ends whichever transition the instance is in. */
  instanceSettled(ctx: ServiceContext<Ec2State>, payload: Payload) {
    const ec2 = ec2Of(ctx);
    const i = ec2.state.instances.get(payload.instanceId);
    if (!i) return;
    if (i.State === 'pending') i.State = 'running';
    else if (i.State === 'stopping') i.State = 'stopped';
    else if (i.State === 'shutting-down') {
      i.State = 'terminated';
      i.terminatedAtMs = ec2.nowMs;
      dropLaunchAddress(ec2, i);
      const subnet = ec2.state.subnets.get(i.SubnetId);
      if (subnet) releasePrivateAddress(subnet, i.PrivateIpAddress);
      for (const address of ec2.state.addresses.values()) {
        if (address.InstanceId === i.InstanceId) {
          clearAssociation(address);
          delete i.PublicIpAddress;
        }
      }
      ec2.schedule(TERMINATED_VISIBLE_MS, 'instanceForgotten', payload);
    }
  },
  instanceForgotten(ctx: ServiceContext<Ec2State>, payload: Payload) {
    if (ctx.state.instances.get(payload.instanceId)?.State === 'terminated') ctx.state.instances.delete(payload.instanceId);
  },
};
