export { CHECK_KINDS, evaluate, parseCheck, proveCheck, readsOf, type ParseCheckOptions } from './registry.js';
export type { Check, CheckBase, CheckEnvironment, CheckKind, CheckOutcome, CheckProblem, CheckSource, ProofTrial } from './kind.js';
export type { Comparison } from './comparison.js';
export type { AwsCheck } from './aws.js';
