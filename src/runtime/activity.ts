/**
 * The activity log, in the spirit of CloudTrail: every operation with its parameters,
 * outcome and virtual time. Labs grade from it (`used` checks) and learners can read it.
 */
export interface ActivityRecord {
  readonly seq: number;
  readonly timeMs: number;
  readonly service: string;
  readonly operation: string;
  readonly region: string;
  /** Who made the call: the learner, a lab's setup or event, or the cloud itself. */
  readonly caller: string;
  /** The ARN of the principal the call was made as, when it was not the account's administrator. */
  readonly principal?: string;
  readonly readOnly: boolean;
  /** The request parameters; binary payloads are replaced by their size. */
  readonly input: Record<string, unknown>;
  /** The AWS error code when the call failed. */
  readonly errorCode?: string;
}

/** Keeps the log small and JSON-safe: request bodies become `{ "bytes": n }`. */
export function summariseInput(input: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const key in input) {
    const value = input[key];
    if (value instanceof Uint8Array) {
      out ??= { ...input };
      out[key] = { bytes: value.byteLength };
    }
  }
  return out ?? input;
}
