/**
 * Faults are the failures labs inject: an Availability Zone or a whole region going
 * dark, or one instance failing. They are world operations like any other, recorded in
 * the activity log, and services react to them through `onFault`.
 */
export type FaultKind = 'zone-outage' | 'region-outage' | 'instance-failure';

export interface Fault {
  readonly kind: FaultKind;
  /** The zone name, region name or instance ID the fault applies to. */
  readonly target: string;
  readonly sinceMs: number;
}

export const FAULT_KINDS: readonly FaultKind[] = ['zone-outage', 'region-outage', 'instance-failure'];
