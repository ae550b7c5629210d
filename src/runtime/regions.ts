/** The regions a simulated account has, each with three Availability Zones. */
export interface RegionInfo {
  readonly name: string;
  readonly description: string;
  readonly availabilityZones: readonly string[];
}

const REGION_NAMES: ReadonlyArray<[string, string]> = [
  ['us-east-1', 'US East (N. Virginia)'],
  ['us-east-2', 'US East (Ohio)'],
  ['us-west-2', 'US West (Oregon)'],
  ['eu-west-1', 'Europe (Ireland)'],
  ['eu-central-1', 'Europe (Frankfurt)'],
  ['ap-southeast-1', 'Asia Pacific (Singapore)'],
];

export const REGIONS: readonly RegionInfo[] = REGION_NAMES.map(([name, description]) => ({
  name,
  description,
  availabilityZones: ['a', 'b', 'c'].map((letter) => `${name}${letter}`),
}));

export const DEFAULT_REGION = 'us-east-1';

export function findRegion(name: string): RegionInfo | undefined {
  return REGIONS.find((r) => r.name === name);
}

export function isKnownRegion(name: string): boolean {
  return findRegion(name) !== undefined;
}
