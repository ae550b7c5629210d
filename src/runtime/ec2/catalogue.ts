/**
 * What every account can see without creating anything: public AMIs, instance types,
 * Availability Zones and regions. The AMIs are a small realistic set (Amazon Linux 2023,
 * Ubuntu 24.04, Windows Server 2022) with per-region IDs, as AMI IDs differ between regions.
 * The instance types are the common families the exam names, with AWS's vCPU and memory.
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/finding-an-ami.html
 * https://docs.aws.amazon.com/ec2/latest/instancetypes/gp.html
 */
import { REGIONS, findRegion } from '../regions.js';
import { createRandomState, ids } from '../random.js';
import type { Ec2 } from './context.js';
import { clientError, isWellFormedId } from './errors.js';
import { applyFilters, type FilterTable } from './filters.js';
import { page, read, type Input } from './operation.js';
import { zoneId } from './default-vpc.js';

export interface ImageInfo {
  ImageId: string;
  Name: string;
  Description: string;
  OwnerId: string;
  ImageOwnerAlias: string;
  Architecture: string;
  Platform?: 'windows';
  PlatformDetails: string;
  RootDeviceName: string;
  CreationDate: string;
  Tags: never[];
}

const IMAGE_FAMILIES = [
  { key: 'al2023', Name: 'al2023-ami-2023.6.20250107.0-kernel-6.1-x86_64', Description: 'Amazon Linux 2023 AMI 2023.6.20250107.0 x86_64 HVM kernel-6.1', OwnerId: '137112412989', ImageOwnerAlias: 'amazon', Architecture: 'x86_64', PlatformDetails: 'Linux/UNIX', RootDeviceName: '/dev/xvda' },
  { key: 'al2023-arm', Name: 'al2023-ami-2023.6.20250107.0-kernel-6.1-arm64', Description: 'Amazon Linux 2023 AMI 2023.6.20250107.0 arm64 HVM kernel-6.1', OwnerId: '137112412989', ImageOwnerAlias: 'amazon', Architecture: 'arm64', PlatformDetails: 'Linux/UNIX', RootDeviceName: '/dev/xvda' },
  { key: 'ubuntu', Name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250115', Description: 'Canonical, Ubuntu, 24.04, amd64 noble image', OwnerId: '099720109477', ImageOwnerAlias: '', Architecture: 'x86_64', PlatformDetails: 'Linux/UNIX', RootDeviceName: '/dev/sda1' },
  { key: 'windows', Name: 'Windows_Server-2022-English-Full-Base-2025.01.15', Description: 'Microsoft Windows Server 2022 Full Locale English AMI provided by Amazon', OwnerId: '801119661308', ImageOwnerAlias: 'amazon', Architecture: 'x86_64', Platform: 'windows' as const, PlatformDetails: 'Windows', RootDeviceName: '/dev/sda1' },
];

/** Stable per region and family, and unlike in each region, as AWS's AMI IDs are. */
function imageId(region: string, family: number): string {
  let h = 0x811c9dc5;
  for (const c of `${region}/${family}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return ids.resource(createRandomState(h), 'ami');
}

export function imagesOf(region: string): ImageInfo[] {
  return IMAGE_FAMILIES.map((family, index) => {
    const { key: _key, ...rest } = family;
    void _key;
    return { ...rest, ImageId: imageId(region, index), CreationDate: '2025-01-15T00:00:00.000Z', Tags: [] };
  });
}

export function requireImage(ec2: Ec2, id: string): ImageInfo {
  const image = imagesOf(ec2.region).find((i) => i.ImageId === id);
  if (image) return image;
  if (!isWellFormedId(id, 'ami')) throw clientError('InvalidAMIID.Malformed', `Invalid id: "${id}" (expecting "ami-...")`);
  throw clientError('InvalidAMIID.NotFound', `The image id '[${id}]' does not exist`);
}

function describeImage(image: ImageInfo): Record<string, unknown> {
  return {
    Architecture: image.Architecture,
    CreationDate: image.CreationDate,
    ImageId: image.ImageId,
    ImageLocation: `${image.ImageOwnerAlias || image.OwnerId}/${image.Name}`,
    ImageType: 'machine',
    Public: true,
    OwnerId: image.OwnerId,
    ...(image.Platform ? { Platform: image.Platform } : {}),
    PlatformDetails: image.PlatformDetails,
    UsageOperation: image.Platform ? 'RunInstances:0002' : 'RunInstances',
    State: 'available',
    BlockDeviceMappings: [{ DeviceName: image.RootDeviceName, Ebs: { DeleteOnTermination: true, VolumeSize: image.Platform ? 30 : 8, VolumeType: 'gp3', Encrypted: false } }],
    Description: image.Description,
    EnaSupport: true,
    Hypervisor: 'xen',
    ...(image.ImageOwnerAlias ? { ImageOwnerAlias: image.ImageOwnerAlias } : {}),
    Name: image.Name,
    RootDeviceName: image.RootDeviceName,
    RootDeviceType: 'ebs',
    SriovNetSupport: 'simple',
    VirtualizationType: 'hvm',
  };
}

const IMAGE_FILTERS: FilterTable<ImageInfo> = {
  architecture: (i) => i.Architecture,
  description: (i) => i.Description,
  'image-id': (i) => i.ImageId,
  'image-type': () => 'machine',
  'is-public': () => 'true',
  name: (i) => i.Name,
  'owner-alias': (i) => i.ImageOwnerAlias,
  'owner-id': (i) => i.OwnerId,
  platform: (i) => i.Platform,
  'platform-details': (i) => i.PlatformDetails,
  'root-device-type': () => 'ebs',
  state: () => 'available',
  'virtualization-type': () => 'hvm',
};

function describeImages(ec2: Ec2, input: Input) {
  const ids = (input.ImageIds as string[] | undefined) ?? [];
  let chosen = ids.length > 0 ? ids.map((id) => requireImage(ec2, id)) : imagesOf(ec2.region);
  const owners = (input.Owners as string[] | undefined) ?? [];
  if (owners.length > 0) chosen = chosen.filter((i) => owners.includes(i.OwnerId) || owners.includes(i.ImageOwnerAlias) || (owners.includes('self') && i.OwnerId === ec2.accountId));
  return { Images: applyFilters(chosen, input.Filters, IMAGE_FILTERS).map(describeImage) };
}

export interface InstanceTypeSpec {
  InstanceType: string;
  vcpus: number;
  memoryMiB: number;
  burstable: boolean;
  architecture: 'x86_64' | 'arm64';
  freeTier: boolean;
}

const spec = (InstanceType: string, vcpus: number, memoryGiB: number, architecture: 'x86_64' | 'arm64' = 'x86_64', freeTier = false): InstanceTypeSpec => ({
  InstanceType,
  vcpus,
  memoryMiB: Math.round(memoryGiB * 1024),
  burstable: /^t\d/.test(InstanceType),
  architecture,
  freeTier,
});

/** vCPUs and memory as AWS's instance type pages give them. */
export const INSTANCE_TYPES: readonly InstanceTypeSpec[] = [
  spec('t2.micro', 1, 1, 'x86_64', true), spec('t2.small', 1, 2), spec('t2.medium', 2, 4),
  spec('t3.nano', 2, 0.5), spec('t3.micro', 2, 1, 'x86_64', true), spec('t3.small', 2, 2), spec('t3.medium', 2, 4), spec('t3.large', 2, 8),
  spec('t4g.micro', 2, 1, 'arm64'), spec('t4g.small', 2, 2, 'arm64'),
  spec('m5.large', 2, 8), spec('m5.xlarge', 4, 16), spec('m5.2xlarge', 8, 32),
  spec('m6i.large', 2, 8), spec('m6i.xlarge', 4, 16), spec('m7g.large', 2, 8, 'arm64'),
  spec('c5.large', 2, 4), spec('c5.xlarge', 4, 8), spec('c6i.large', 2, 4), spec('c7g.large', 2, 4, 'arm64'),
  spec('r5.large', 2, 16), spec('r5.xlarge', 4, 32), spec('r6i.large', 2, 16),
  spec('i3.large', 2, 15.25), spec('d3.xlarge', 4, 32), spec('g4dn.xlarge', 4, 16), spec('p3.2xlarge', 8, 61),
];

export function findInstanceType(name: string): InstanceTypeSpec | undefined {
  return INSTANCE_TYPES.find((t) => t.InstanceType === name);
}

function describeType(t: InstanceTypeSpec): Record<string, unknown> {
  return {
    InstanceType: t.InstanceType,
    CurrentGeneration: true,
    FreeTierEligible: t.freeTier,
    SupportedUsageClasses: ['on-demand', 'spot'],
    SupportedRootDeviceTypes: ['ebs'],
    SupportedVirtualizationTypes: ['hvm'],
    BareMetal: false,
    Hypervisor: 'nitro',
    ProcessorInfo: { SupportedArchitectures: [t.architecture] },
    VCpuInfo: { DefaultVCpus: t.vcpus },
    MemoryInfo: { SizeInMiB: t.memoryMiB },
    InstanceStorageSupported: /^(i3|d3|g4dn)\./.test(t.InstanceType),
    BurstablePerformanceSupported: t.burstable,
  };
}

const TYPE_FILTERS: FilterTable<InstanceTypeSpec & { Tags: never[] }> = {
  'instance-type': (t) => t.InstanceType,
  'free-tier-eligible': (t) => String(t.freeTier),
  'burstable-performance-supported': (t) => String(t.burstable),
  'vcpu-info.default-vcpus': (t) => String(t.vcpus),
  'memory-info.size-in-mib': (t) => String(t.memoryMiB),
  'processor-info.supported-architecture': (t) => t.architecture,
};

function describeInstanceTypes(_ec2: Ec2, input: Input) {
  const names = (input.InstanceTypes as string[] | undefined) ?? [];
  const unknown = names.filter((n) => !findInstanceType(n));
  if (unknown.length > 0) throw clientError('InvalidInstanceType', `The following supplied instance types do not exist: [${unknown.join(', ')}]`);
  const chosen = (names.length > 0 ? names.map((n) => findInstanceType(n)!) : [...INSTANCE_TYPES]).map((t) => ({ ...t, Tags: [] as never[] }));
  const { items, NextToken } = page(applyFilters(chosen, input.Filters, TYPE_FILTERS), input);
  return { InstanceTypes: items.map(describeType), ...(NextToken ? { NextToken } : {}) };
}

function describeAvailabilityZones(ec2: Ec2, input: Input) {
  const region = findRegion(ec2.region)!;
  const zones = region.availabilityZones.map((ZoneName, index) => ({
    State: ec2.isZoneDown(ZoneName) ? 'impaired' : 'available',
    OptInStatus: 'opt-in-not-required',
    Messages: [],
    RegionName: region.name,
    ZoneName,
    ZoneId: zoneId(region.name, index),
    GroupName: region.name,
    NetworkBorderGroup: region.name,
    ZoneType: 'availability-zone',
    Tags: [] as never[],
  }));
  const names = (input.ZoneNames as string[] | undefined) ?? [];
  const missing = names.find((n) => !zones.some((z) => z.ZoneName === n));
  if (missing) throw clientError('InvalidParameterValue', `The zone '${missing}' does not exist.`);
  const chosen = names.length > 0 ? zones.filter((z) => names.includes(z.ZoneName)) : zones;
  const table: FilterTable<(typeof zones)[number]> = { 'zone-name': (z) => z.ZoneName, 'zone-id': (z) => z.ZoneId, state: (z) => z.State, 'region-name': (z) => z.RegionName, 'zone-type': (z) => z.ZoneType };
  return { AvailabilityZones: applyFilters(chosen, input.Filters, table).map(({ Tags: _t, ...z }) => z) };
}

function describeRegions(_ec2: Ec2, input: Input) {
  const all = REGIONS.map((r) => ({ Endpoint: `ec2.${r.name}.amazonaws.com`, RegionName: r.name, OptInStatus: 'opt-in-not-required', Tags: [] as never[] }));
  const names = (input.RegionNames as string[] | undefined) ?? [];
  const missing = names.find((n) => !all.some((r) => r.RegionName === n));
  if (missing) throw clientError('InvalidParameterValue', `Invalid region names: [${missing}]; the simulated regions are ${REGIONS.map((r) => r.name).join(', ')}`);
  const chosen = names.length > 0 ? all.filter((r) => names.includes(r.RegionName)) : all;
  const table: FilterTable<(typeof all)[number]> = { 'region-name': (r) => r.RegionName, endpoint: (r) => r.Endpoint, 'opt-in-status': (r) => r.OptInStatus };
  return { Regions: applyFilters(chosen, input.Filters, table).map(({ Tags: _t, ...r }) => r) };
}

export const catalogueOperations = {
  DescribeImages: read(describeImages),
  DescribeInstanceTypes: read(describeInstanceTypes),
  DescribeAvailabilityZones: read(describeAvailabilityZones),
  DescribeRegions: read(describeRegions),
};
