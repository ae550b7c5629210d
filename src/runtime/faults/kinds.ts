/**
 * The fault kinds, one row each: what the target names, how it is checked, and which regions
 * the fault touches (so a regional service hears of it only in those). Which services react
 * is each service's own declaration; the world joins the two.
 */
import type { RegionInfo } from '../regions.js';
import { FaultError, type FaultKind } from './fault.js';

/** What a kind may consult to check its target. */
export interface FaultTargetView {
  readonly regions: readonly RegionInfo[];
  /** Resource IDs that the services reacting to `kind` hold in `region`, in a stable order. */
  resources(kind: FaultKind, region: string): readonly string[];
}

export interface FaultKindDefinition {
  readonly name: FaultKind;
  /** What the target is, for usage lines: `an Availability Zone such as us-east-1a`. */
  readonly target: string;
  /** The regions the fault touches; throws a FaultError naming what would be valid. */
  regionsOf(target: string, view: FaultTargetView): readonly string[];
}

const MAX_LISTED = 10;

function listed(values: readonly string[]): string {
  return values.length <= MAX_LISTED ? values.join(', ') : `${values.slice(0, MAX_LISTED).join(', ')} and ${values.length - MAX_LISTED} more`;
}

const zoneOutage: FaultKindDefinition = {
  name: 'zone-outage',
  target: 'an Availability Zone such as us-east-1a',
  regionsOf(target, { regions }) {
    const region = regions.find((r) => r.availabilityZones.includes(target));
    if (!region) {
      const near = regions.find((r) => target.startsWith(r.name));
      const zones = near ? near.availabilityZones : regions.flatMap((r) => r.availabilityZones);
      throw new FaultError(`zone-outage: no Availability Zone '${target}'; zones${near ? ` in ${near.name}` : ''}: ${listed(zones)}`);
    }
    return [region.name];
  },
};

const regionOutage: FaultKindDefinition = {
  name: 'region-outage',
  target: 'a region such as us-east-1',
  regionsOf(target, { regions }) {
    if (!regions.some((r) => r.name === target)) {
      throw new FaultError(`region-outage: no region '${target}'; regions: ${regions.map((r) => r.name).join(', ')}`);
    }
    return [target];
  },
};

/** A fault on one resource: valid only when a reacting service holds that ID somewhere. */
function resourceFault(name: FaultKind, noun: string, example: string): FaultKindDefinition {
  return {
    name,
    target: `${noun} ID such as ${example}`,
    regionsOf(target, view) {
      const held = view.regions.map((r) => ({ region: r.name, ids: view.resources(name, r.name) }));
      const where = held.filter((h) => h.ids.includes(target)).map((h) => h.region);
      if (where.length) return where;
      const all = held.flatMap((h) => h.ids);
      throw new FaultError(`${name}: no ${noun} '${target}' in this account; ${all.length ? `${noun}s: ${listed(all)}` : `there are no ${noun}s`}`);
    },
  };
}

/** Every fault kind, in the order usage lines list them. */
export const FAULT_KIND_DEFINITIONS: readonly FaultKindDefinition[] = [
  zoneOutage,
  regionOutage,
  resourceFault('instance-failure', 'instance', 'i-0123456789abcdef0'),
];

export const FAULT_KINDS: readonly FaultKind[] = FAULT_KIND_DEFINITIONS.map((k) => k.name);

export function findFaultKind(name: string): FaultKindDefinition | undefined {
  return FAULT_KIND_DEFINITIONS.find((k) => k.name === name);
}
