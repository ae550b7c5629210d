import type { ServiceModel } from './model.js';
import type { RandomState } from './random.js';
import type { Fault, FaultKind } from './faults/fault.js';
import type { AwsError } from './errors.js';
import type { AuthorizationRequest, Decision, PolicySource, Principal } from './iam/policy/types.js';

/** What an operation handler may use: its service's state and the world's clock, IDs and faults. */
export interface ServiceContext<S> {
  /**
   * The state this call works on: a regional service's state for `region` (the world keeps one
   * per region, so a handler never partitions by region itself), or a global service's one state.
   */
  readonly state: S;
  /** The region the call was sent to; a task runs in the region that scheduled it. */
  readonly region: string;
  readonly accountId: string;
  /** Virtual time in milliseconds since the epoch. */
  readonly nowMs: number;
  readonly random: RandomState;
  /** Runs `task` of this service after `delayMs` of virtual time. */
  schedule(delayMs: number, task: string, payload: unknown): void;
  /** Calls another operation in the same world (a service acting on another, like replication). */
  call(service: string, operation: string, input: Record<string, unknown>, region?: string): Record<string, unknown>;
  readonly faults: readonly Fault[];
  isZoneDown(zone: string): boolean;
  isRegionDown(region: string): boolean;
  /** Who made this call (CallOptions.principal); undefined for the account's administrator and for the cloud itself. */
  readonly principal?: Principal;
  /** The identity-based policies that govern `principal`, from every service that keeps them (IAM). */
  identityPolicies(principal: Principal): readonly PolicySource[];
}

/**
 * One operation's handler. `I` and `O` are the operation's generated input and output types
 * (SERVICE/shapes.generated.ts, via TypedOperations); the world itself sees plain records.
 */
export interface OperationDefinition<S, I = any, O extends object = Record<string, unknown>> {
  /** True when the operation changes nothing: only these may be used in lab checks. */
  readonly readOnly: boolean;
  handler(ctx: ServiceContext<S>, input: I): O;
}

/**
 * A service's operation table typed by its generated shapes table (`S3Shapes`, …): every
 * modelled operation needs a handler, and a handler's input and output members are AWS's.
 */
export type TypedOperations<S, Shapes extends { [O in keyof Shapes]: { input: object; output: object } }> = {
  readonly [O in keyof Shapes]: OperationDefinition<S, Shapes[O]['input'], Shapes[O]['output']>;
};

/**
 * One simulated AWS service: AWS's operation table, the handlers behind it, and its state.
 * State must be plain data (objects, arrays, Maps, Sets, Uint8Arrays): snapshots clone it
 * with structuredClone, which drops class prototypes.
 */
export interface ServiceDefinition<S> {
  /** botocore's service name: `s3`, `ec2`, `autoscaling`, … */
  readonly name: string;
  readonly model: ServiceModel;
  /**
   * Services whose resources are not per-region (S3's bucket namespace, IAM, Route 53) get one
   * state; any other service gets one state per simulated region.
   */
  readonly global?: boolean;
  /** An empty state: called once for a global service, once per region for a regional one. */
  createState(): S;
  readonly operations: Readonly<Record<string, OperationDefinition<S, any, object>>>;
  readonly tasks?: Readonly<Record<string, (ctx: ServiceContext<S>, payload: any) => void>>;
  /**
   * The fault kinds this service reacts to (a row of faults/kinds.ts each). A fault no service
   * reacts to is refused, so declaring a reaction is what makes a kind usable.
   */
  readonly faults?: Readonly<Record<FaultKind, FaultReaction<S>>>;
  /**
   * How a call made as a principal (CallOptions.principal) is authorized: the IAM action and
   * resources of each operation, the resource-based policy on a resource, and the error the
   * service returns on a denial. A service without it cannot be called as a principal.
   */
  readonly authorization?: ServiceAuthorization<S>;
  /** The identity-based policies this service keeps for a principal (IAM: a user's inline, attached and groups' policies). */
  identityPolicies?(state: S, principal: Principal): readonly PolicySource[];
  /** The principal an access key ID belongs to (IAM's user keys, STS's session keys), or undefined. */
  principalForAccessKey?(state: S, accessKeyId: string, nowMs: number): Principal | undefined;
}

/** What one operation asks permission for; `undefined` means the operation needs none (sts:GetCallerIdentity). */
export interface AuthorizationTarget {
  readonly action: string;
  readonly resources: readonly string[];
  /** Service-specific condition keys of this request (s3:prefix, s3:max-keys, …). */
  readonly context?: AuthorizationRequest['context'];
}

export interface ServiceAuthorization<S> {
  /** Every operation of the service, each with what it asks permission for. */
  readonly actions: Readonly<Record<string, (input: any, call: { readonly accountId: string; readonly region: string }) => AuthorizationTarget | undefined>>;
  /** The resource-based policy on a resource (a bucket policy), if it has one. */
  resourcePolicy?(state: S, resourceArn: string): PolicySource | undefined;
  /** The error for a denial; without it, AWS's usual AccessDenied naming the principal, action, resource and reason. */
  accessDenied?(denial: Denial): AwsError;
}

export interface Denial {
  readonly request: AuthorizationRequest;
  readonly decision: Decision;
}

export interface FaultReaction<S> {
  /**
   * For a kind whose target is a resource (instance-failure): the IDs this region's state holds
   * that the fault may target. The world checks a target against them and names them when wrong.
   */
  targets?(state: S): Iterable<string>;
  /**
   * Called when the fault starts or ends, so the service can react (fail instances, fail over):
   * once for a global service, and for a regional one once per region the fault touches, with
   * that region's state.
   */
  react(ctx: ServiceContext<S>, fault: Fault, phase: 'start' | 'end'): void;
}

/** Lets a service module keep its own state type while the world holds a heterogeneous list. */
export function defineService<S>(definition: ServiceDefinition<S>): ServiceDefinition<unknown> {
  return definition as ServiceDefinition<unknown>;
}
