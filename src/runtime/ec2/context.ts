/**
 * What EC2's concept modules are handed: the region's state, the region's name and the
 * world's clock and IDs. Operation handlers build it once per call from the service context.
 */
import type { ServiceContext } from '../service.js';
import { ids, type RandomState } from '../random.js';
import type { Ec2RegionState } from './state.js';
import { ensureDefaultNetwork } from './default-vpc.js';

/** EC2 is regional: the world keeps one of these per region and hands each call its region's. */
export type Ec2State = Ec2RegionState;

export interface Ec2 {
  readonly state: Ec2RegionState;
  readonly region: string;
  readonly accountId: string;
  readonly nowMs: number;
  readonly random: RandomState;
  /** A new resource id with AWS's prefix (`vpc`, `subnet`, `sg`, `i`, …). */
  newId(prefix: string): string;
  schedule(delayMs: number, task: string, payload: unknown): void;
  isZoneDown(zone: string): boolean;
  readonly faults: ServiceContext<Ec2State>['faults'];
}

/** The region's EC2, with the default VPC made on first use as a new account has it. */
export function ec2Of(ctx: ServiceContext<Ec2State>): Ec2 {
  const state = ctx.state;
  const ec2: Ec2 = {
    state,
    region: ctx.region,
    accountId: ctx.accountId,
    nowMs: ctx.nowMs,
    random: ctx.random,
    newId: (prefix) => ids.resource(ctx.random, prefix),
    schedule: (delayMs, task, payload) => ctx.schedule(delayMs, task, payload),
    isZoneDown: (zone) => ctx.isZoneDown(zone),
    get faults() {
      return ctx.faults;
    },
  };
  if (!state.defaultsMade) ensureDefaultNetwork(ec2);
  return ec2;
}
