/**
 * Faults are the failures labs inject: an Availability Zone or a whole region going dark, or
 * one instance failing. They are world operations like any other, and services react to them
 * through the reactions they declare (`ServiceDefinition.faults`).
 */
export type FaultKind = string;

export interface Fault {
  readonly kind: FaultKind;
  /** The zone name, region name or resource ID the fault applies to. */
  readonly target: string;
  readonly sinceMs: number;
}

/**
 * A fault the world refuses: an unknown kind, a target that does not exist, or a kind no
 * simulated service reacts to yet. Not an AwsError: no AWS API returns it, the console does.
 */
export class FaultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaultError';
  }
}

export function isFaultError(value: unknown): value is FaultError {
  return value instanceof FaultError;
}
