import { AwsError, invariant } from './errors.js';
import { createClockState, scheduleTask, takeDueTask, type ClockState } from './clock.js';
import { createRandomState, type RandomState } from './random.js';
import { DEFAULT_REGION, REGIONS, isKnownRegion, type RegionInfo } from './regions.js';
import { summariseInput, type ActivityRecord } from './activity.js';
import type { Fault, FaultKind } from './faults.js';
import type { ServiceContext, ServiceDefinition } from './service.js';

export interface WorldOptions {
  seed?: number;
  accountId?: string;
  /** Virtual start time, ms since the epoch. */
  startMs?: number;
  services: readonly ServiceDefinition<unknown>[];
}

export interface CallOptions {
  region?: string;
  caller?: string;
}

/** Everything that changes as the world runs; a snapshot is a deep copy of this. */
interface WorldState {
  clock: ClockState;
  random: RandomState;
  services: Record<string, unknown>;
  activity: ActivityRecord[];
  faults: Fault[];
}

export type WorldSnapshot = { readonly __brand: 'WorldSnapshot' } & WorldState;

/** 2025-01-06T09:00:00Z, a Monday morning: a fixed start keeps outputs reproducible. */
export const DEFAULT_START_MS = Date.UTC(2025, 0, 6, 9, 0, 0);
export const DEFAULT_ACCOUNT_ID = '123456789012';

/**
 * A simulated AWS account: regions, a virtual clock, seeded IDs and per-service state.
 * Every change goes through `call` (an AWS operation), `advance` (time) or a fault,
 * so the same seed and the same calls always give the same results.
 */
export class World {
  readonly accountId: string;
  readonly seed: number;
  readonly regions: readonly RegionInfo[] = REGIONS;
  private readonly definitions = new Map<string, ServiceDefinition<unknown>>();
  private state: WorldState;
  private recording = true;
  private changes = 0;
  /** One context per service and region, made once: building closures per call is measurable. */
  private readonly contexts = new Map<string, ServiceContext<unknown>>();

  constructor(options: WorldOptions) {
    this.seed = options.seed ?? 1;
    this.accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
    for (const def of options.services) this.definitions.set(def.name, def);
    const services: Record<string, unknown> = {};
    for (const def of options.services) services[def.name] = def.createState();
    this.state = {
      clock: createClockState(options.startMs ?? DEFAULT_START_MS),
      random: createRandomState(this.seed),
      services,
      activity: [],
      faults: [],
    };
  }

  get nowMs(): number {
    return this.state.clock.nowMs;
  }

  get random(): RandomState {
    return this.state.random;
  }

  get activity(): readonly ActivityRecord[] {
    return this.state.activity;
  }

  get faults(): readonly Fault[] {
    return this.state.faults;
  }

  /**
   * Grows whenever the world may have changed (a successful write, time passing, a fault,
   * a restore), so that observers such as a lab's checks can skip work when it has not.
   */
  get changeCount(): number {
    return this.changes;
  }

  get pendingTasks(): number {
    return this.state.clock.queue.length;
  }

  service(name: string): ServiceDefinition<unknown> | undefined {
    return this.definitions.get(name);
  }

  serviceNames(): string[] {
    return [...this.definitions.keys()];
  }

  /** The raw state of one service, for tests and inspection; change it only through `call`. */
  serviceState<S>(name: string): S {
    invariant(name in this.state.services, `no service ${name}`);
    return this.state.services[name] as S;
  }

  /**
   * Calls an AWS operation. Returns the output shape's members, or throws the AwsError AWS
   * would return. Every call, failed or not, is written to the activity log.
   */
  call(serviceName: string, operation: string, input: Record<string, unknown> = {}, options: CallOptions = {}): Record<string, unknown> {
    const def = this.definitions.get(serviceName);
    invariant(def, `unknown service ${serviceName}`);
    const op = def.operations[operation];
    invariant(op, `${serviceName} has no operation ${operation}`);
    const region = options.region ?? DEFAULT_REGION;
    const record = {
      seq: this.state.activity.length + 1,
      timeMs: this.nowMs,
      service: serviceName,
      operation,
      region,
      caller: options.caller ?? 'user',
      readOnly: op.readOnly,
      input: summariseInput(input),
    };
    try {
      if (!isKnownRegion(region)) {
        throw new AwsError('UnknownRegion', `The region '${region}' is not one of the simulated regions: ${REGIONS.map((r) => r.name).join(', ')}.`, 400);
      }
      const output = op.handler(this.context(def, region), input);
      if (!op.readOnly) this.changes++;
      if (this.recording) this.state.activity.push(record);
      return output;
    } catch (error) {
      if (error instanceof AwsError && this.recording) this.state.activity.push({ ...record, errorCode: error.code });
      throw error;
    }
  }

  /**
   * Runs `fn` without writing its calls to the activity log: a lab's checks look at the
   * world after every line, and their reads are not the learner's doing.
   */
  unrecorded<T>(fn: () => T): T {
    const before = this.recording;
    this.recording = false;
    try {
      return fn();
    } finally {
      this.recording = before;
    }
  }

  /** Moves virtual time forward, running every task that falls due on the way, in order. */
  advance(ms: number): void {
    invariant(Number.isFinite(ms) && ms >= 0, `the clock only moves forward (asked to move ${ms} ms)`);
    const until = this.nowMs + ms;
    if (ms > 0) this.changes++;
    for (let task = takeDueTask(this.state.clock, until); task; task = takeDueTask(this.state.clock, until)) {
      const def = this.definitions.get(task.service);
      const handler = def?.tasks?.[task.task];
      invariant(def && handler, `no task handler ${task.service}.${task.task}`);
      handler(this.context(def, (task.payload as { region?: string } | null)?.region ?? DEFAULT_REGION), task.payload);
    }
    this.state.clock.nowMs = until;
  }

  /** Starts a fault (an AZ or region outage, an instance failure) and lets every service react. */
  injectFault(kind: FaultKind, target: string): Fault {
    const existing = this.state.faults.find((f) => f.kind === kind && f.target === target);
    if (existing) return existing;
    const fault: Fault = { kind, target, sinceMs: this.nowMs };
    this.state.faults.push(fault);
    this.changes++;
    this.notifyFault(fault, 'start');
    return fault;
  }

  /** Ends a fault; returns false when no such fault was active. */
  recoverFault(kind: FaultKind, target: string): boolean {
    const fault = this.state.faults.find((f) => f.kind === kind && f.target === target);
    if (!fault) return false;
    this.state.faults = this.state.faults.filter((f) => f !== fault);
    this.changes++;
    this.notifyFault(fault, 'end');
    return true;
  }

  isZoneDown(zone: string): boolean {
    return this.state.faults.some((f) => (f.kind === 'zone-outage' && f.target === zone) || (f.kind === 'region-outage' && zone.startsWith(f.target)));
  }

  isRegionDown(region: string): boolean {
    return this.state.faults.some((f) => f.kind === 'region-outage' && f.target === region);
  }

  snapshot(): WorldSnapshot {
    return structuredClone(this.state) as WorldSnapshot;
  }

  restore(snapshot: WorldSnapshot): void {
    this.state = structuredClone(snapshot) as WorldState;
    this.changes++;
  }

  private notifyFault(fault: Fault, phase: 'start' | 'end'): void {
    for (const def of this.definitions.values()) {
      if (!def.onFault) continue;
      for (const region of def.global ? [DEFAULT_REGION] : this.regions.map((r) => r.name)) {
        def.onFault(this.context(def, region), fault, phase);
      }
    }
  }

  private context(def: ServiceDefinition<unknown>, region: string): ServiceContext<unknown> {
    const key = `${def.name}|${region}`;
    let context = this.contexts.get(key);
    if (!context) {
      context = this.makeContext(def, region);
      this.contexts.set(key, context);
    }
    return context;
  }

  private makeContext(def: ServiceDefinition<unknown>, region: string): ServiceContext<unknown> {
    // Getters, not copies: after a restore the world's state is a new object.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const world = this;
    return {
      get state() {
        return world.state.services[def.name];
      },
      region,
      accountId: this.accountId,
      get nowMs() {
        return world.nowMs;
      },
      get random() {
        return world.state.random;
      },
      schedule: (delayMs, task, payload) => {
        invariant(def.tasks?.[task], `${def.name} has no task ${task}`);
        scheduleTask(this.state.clock, this.nowMs + delayMs, def.name, task, payload);
      },
      call: (service, operation, input, callRegion) => this.call(service, operation, input, { region: callRegion ?? region, caller: def.name }),
      get faults() {
        return world.state.faults;
      },
      isZoneDown: (zone) => this.isZoneDown(zone),
      isRegionDown: (r) => this.isRegionDown(r),
    };
  }
}
