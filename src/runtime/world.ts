import { AwsError, invariant } from './errors.js';
import { InputError } from './input.js';
import { createClockState, scheduleTask, takeDueTask, type ClockState } from './clock.js';
import { createRandomState, type RandomState } from './random.js';
import { DEFAULT_REGION, REGIONS, isKnownRegion, type RegionInfo } from './regions.js';
import { summariseInput, type ActivityRecord } from './activity.js';
import { FaultError, type Fault, type FaultKind } from './faults/fault.js';
import { FAULT_KINDS, findFaultKind, type FaultKindDefinition } from './faults/kinds.js';
import type { ServiceContext, ServiceDefinition } from './service.js';
import { evaluate } from './iam/policy/evaluate.js';
import { accessDeniedMessage } from './iam/policy/access-denied.js';
import type { AuthorizationRequest, PolicySource, Principal } from './iam/policy/types.js';

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
  /**
   * The identity the call is made as. Absent, the call is the account's administrator's and
   * nothing is checked; present, the service's authorization table and the principal's
   * policies decide before the handler runs.
   */
  principal?: Principal;
  /** Request context keys for the policy conditions (aws:SourceIp, aws:SecureTransport, …). */
  context?: AuthorizationRequest['context'];
}

/** Everything that changes as the world runs; a snapshot is a deep copy of this. */
interface WorldState {
  clock: ClockState;
  random: RandomState;
  /** A global service's one state, by service name (S3's bucket namespace, IAM, Route 53). */
  global: Record<string, unknown>;
  /**
   * A regional service's states, by service name and then region: each region's resources are
   * apart, as in AWS. Every simulated region gets one up front: an empty state costs little in a
   * snapshot, and creating one on first use would make a read change the world.
   */
  regional: Record<string, Record<string, unknown>>;
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
  /** The principal of the call running now; a service's own calls to another run as no one. */
  private principal: Principal | undefined;
  /** One context per service and region, made once: building closures per call is measurable. */
  private readonly contexts = new Map<string, ServiceContext<unknown>>();

  constructor(options: WorldOptions) {
    this.seed = options.seed ?? 1;
    this.accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
    for (const def of options.services) {
      for (const kind of Object.keys(def.faults ?? {})) invariant(findFaultKind(kind), `${def.name} reacts to fault kind ${kind}, which is not in faults/kinds.ts`);
      this.definitions.set(def.name, def);
    }
    const global: Record<string, unknown> = {};
    const regional: Record<string, Record<string, unknown>> = {};
    for (const def of options.services) {
      if (def.global) global[def.name] = def.createState();
      else regional[def.name] = Object.fromEntries(REGIONS.map((r) => [r.name, def.createState()]));
    }
    this.state = {
      clock: createClockState(options.startMs ?? DEFAULT_START_MS),
      random: createRandomState(this.seed),
      global,
      regional,
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

  /**
   * The raw state of one service, for tests and inspection; change it only through `call`.
   * A regional service has one per region (the default region unless `region` names another);
   * a global service has one, and naming a region for it is a mistake.
   */
  serviceState<S>(name: string, region?: string): S {
    const def = this.definitions.get(name);
    invariant(def, `no service ${name}; services: ${this.serviceNames().join(', ')}`);
    if (def.global) {
      invariant(region === undefined, `${name} is a global service: its state has no region (asked for ${region})`);
      return this.state.global[name] as S;
    }
    const states = this.state.regional[name]!;
    const wanted = region ?? DEFAULT_REGION;
    invariant(wanted in states, `no region ${wanted}; regions: ${Object.keys(states).join(', ')}`);
    return states[wanted] as S;
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
      ...(options.principal ? { principal: options.principal.arn } : {}),
      readOnly: op.readOnly,
      input: summariseInput(input),
    };
    const outer = this.principal;
    try {
      if (!isKnownRegion(region)) {
        throw new AwsError('UnknownRegion', `The region '${region}' is not one of the simulated regions: ${REGIONS.map((r) => r.name).join(', ')}.`, 400);
      }
      if (options.principal) this.authorize(def, operation, input, region, options.principal, options.context);
      this.principal = options.principal;
      const output = op.handler(this.context(def, region), input) as Record<string, unknown>;
      if (!op.readOnly) this.changes++;
      if (this.recording) this.state.activity.push(record);
      return output;
    } catch (error) {
      if (error instanceof AwsError && this.recording) this.state.activity.push({ ...record, errorCode: error.code });
      if (error instanceof InputError) error.locate(`${serviceName}.${operation}`);
      throw error;
    } finally {
      this.principal = outer;
    }
  }

  /**
   * The identity-based policies that govern a principal, from every service that keeps them
   * (IAM). Each such service is global: a principal's policies are not per region.
   */
  identityPolicies(principal: Principal): PolicySource[] {
    const policies: PolicySource[] = [];
    for (const def of this.definitions.values()) {
      if (def.identityPolicies) policies.push(...def.identityPolicies(this.state.global[def.name], principal));
    }
    return policies;
  }

  /** The principal an access key ID belongs to (an IAM user's key, an STS session's), or undefined. */
  principalForAccessKey(accessKeyId: string): Principal | undefined {
    for (const def of this.definitions.values()) {
      const principal = def.principalForAccessKey?.(this.state.global[def.name], accessKeyId, this.nowMs);
      if (principal) return principal;
    }
    return undefined;
  }

  /**
   * Decides a call made as a principal before its handler runs: the operation's row in its
   * service's authorization table names the action and resources, and the principal's
   * identity-based policies with each resource's resource-based policy decide. Throws the
   * service's AccessDenied error on a denial.
   */
  private authorize(def: ServiceDefinition<unknown>, operation: string, input: Record<string, unknown>, region: string, principal: Principal, extra: CallOptions['context']): void {
    const table = def.authorization;
    if (!table) {
      throw new AwsError(
        'NotImplemented',
        `awslab does not check ${def.name} permissions yet, so it cannot run ${def.name} calls as ${principal.arn}; run them as the account's administrator (without a principal or profile).`,
        501,
      );
    }
    const row = table.actions[operation];
    invariant(row, `${def.name}.${operation} has no row in ${def.name}'s authorization table`);
    const target = row(input, { accountId: this.accountId, region });
    if (!target) return;
    const identity = this.identityPolicies(principal);
    const context = {
      'aws:CurrentTime': new Date(this.nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      'aws:EpochTime': String(Math.floor(this.nowMs / 1000)),
      'aws:RequestedRegion': region,
      ...target.context,
      ...extra,
    };
    const state = this.context(def, region).state;
    for (const resource of target.resources) {
      const request: AuthorizationRequest = { principal, action: target.action, resource, context };
      const resourcePolicy = table.resourcePolicy?.(state, resource);
      const decision = evaluate(request, resourcePolicy ? [...identity, resourcePolicy] : identity);
      if (decision.decision === 'allowed') continue;
      throw table.accessDenied?.({ request, decision }) ?? new AwsError('AccessDenied', accessDeniedMessage(request, decision), 403);
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
      handler(this.context(def, task.region), task.payload);
    }
    this.state.clock.nowMs = until;
  }

  /**
   * Starts a fault (an AZ or region outage, an instance failure) and lets every service that
   * reacts to its kind react. Throws a FaultError, changing nothing, when the kind is unknown,
   * no service reacts to it, or the target does not exist.
   */
  injectFault(kind: FaultKind, target: string): Fault {
    const regions = this.faultRegions(this.faultKind(kind), target);
    const existing = this.state.faults.find((f) => f.kind === kind && f.target === target);
    if (existing) return existing;
    const fault: Fault = { kind, target, sinceMs: this.nowMs };
    this.state.faults.push(fault);
    this.changes++;
    this.notifyFault(fault, regions, 'start');
    return fault;
  }

  /**
   * Ends a fault; returns false when no such fault was active. The target is not checked again:
   * an instance may be gone by the time its failure ends.
   */
  recoverFault(kind: FaultKind, target: string): boolean {
    const definition = this.faultKind(kind);
    const fault = this.state.faults.find((f) => f.kind === kind && f.target === target);
    if (!fault) return false;
    const regions = this.faultRegions(definition, target, true);
    this.state.faults = this.state.faults.filter((f) => f !== fault);
    this.changes++;
    this.notifyFault(fault, regions, 'end');
    return true;
  }

  /** The services that react to a fault kind, in registration order. */
  faultReactors(kind: FaultKind): string[] {
    return [...this.definitions.values()].filter((def) => def.faults?.[kind]).map((def) => def.name);
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

  private faultKind(kind: FaultKind): FaultKindDefinition {
    const definition = findFaultKind(kind);
    if (!definition) throw new FaultError(`no fault kind '${kind}'; kinds: ${FAULT_KINDS.join(', ')}`);
    if (this.faultReactors(kind).length === 0) {
      const usable = FAULT_KINDS.filter((k) => this.faultReactors(k).length > 0);
      throw new FaultError(
        `${kind}: no simulated service reacts to it yet (services: ${this.serviceNames().join(', ')}), so injecting it would change nothing; ` +
          (usable.length ? `kinds that do: ${usable.join(', ')}` : 'no fault kind has a reacting service yet'),
      );
    }
    return definition;
  }

  /**
   * The regions a fault touches. On recovery a resource may be gone, so an unknown target
   * then means every region: each reacting service decides what ending the fault undoes.
   */
  private faultRegions(kind: FaultKindDefinition, target: string, recovering = false): readonly string[] {
    const view = { regions: this.regions, resources: (k: FaultKind, region: string) => this.faultTargets(k, region) };
    if (!recovering) return kind.regionsOf(target, view);
    try {
      return kind.regionsOf(target, view);
    } catch (error) {
      if (error instanceof FaultError) return this.regions.map((r) => r.name);
      throw error;
    }
  }

  private faultTargets(kind: FaultKind, region: string): string[] {
    const ids: string[] = [];
    for (const def of this.definitions.values()) {
      const targets = def.faults?.[kind]?.targets;
      if (targets) ids.push(...targets(this.context(def, region).state));
    }
    return ids;
  }

  private notifyFault(fault: Fault, regions: readonly string[], phase: 'start' | 'end'): void {
    for (const def of this.definitions.values()) {
      const reaction = def.faults?.[fault.kind];
      if (!reaction) continue;
      for (const region of def.global ? [DEFAULT_REGION] : regions) reaction.react(this.context(def, region), fault, phase);
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
    const name = def.name;
    const state = def.global ? () => world.state.global[name] : () => world.state.regional[name]![region];
    return {
      get state() {
        return state();
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
        scheduleTask(this.state.clock, this.nowMs + delayMs, { service: def.name, region, task, payload });
      },
      call: (service, operation, input, callRegion) => this.call(service, operation, input, { region: callRegion ?? region, caller: def.name }),
      get faults() {
        return world.state.faults;
      },
      isZoneDown: (zone) => this.isZoneDown(zone),
      isRegionDown: (r) => this.isRegionDown(r),
      get principal() {
        return world.principal;
      },
      identityPolicies: (principal) => this.identityPolicies(principal),
    };
  }
}
