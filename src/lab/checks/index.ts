export { CHECK_KINDS, evaluate, parseCheck, proveCheck, readsOf } from './registry.js';
export type { Check, CheckEnvironment, CheckOutcome, CheckProblem, CheckSource, ProofTrial } from './kind.js';
export type { Comparison } from './comparison.js';
export type { AwsCheck } from './aws.js';
