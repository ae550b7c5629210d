export { World, DEFAULT_ACCOUNT_ID, DEFAULT_START_MS, type WorldOptions, type CallOptions, type WorldSnapshot } from './world.js';
export { AwsError, isAwsError } from './errors.js';
export { REGIONS, DEFAULT_REGION, findRegion, isKnownRegion, type RegionInfo } from './regions.js';
export type { ActivityRecord } from './activity.js';
export type { Fault, FaultKind } from './faults/fault.js';
export { FaultError, isFaultError } from './faults/fault.js';
export { FAULT_KINDS, FAULT_KIND_DEFINITIONS, findFaultKind, type FaultKindDefinition } from './faults/kinds.js';
export type { ServiceModel, OperationModel, Shape, MemberRef, ShapeType, Paginator } from './model.js';
export type { ServiceDefinition, OperationDefinition, ServiceContext, FaultReaction, ServiceAuthorization, AuthorizationTarget, Denial } from './service.js';
export type { Principal, AuthorizationRequest, PolicySource, DecidingStatement, Decision } from './iam/policy/types.js';
export { evaluate, parsePolicyText, PolicyDocumentError, type PolicyKind } from './iam/policy/index.js';
export { parsePolicy } from './iam/policy/document.js';
export { accessDeniedMessage } from './iam/policy/access-denied.js';
export { mfaCode, mfaSerialNumber, MFA_PERIOD_MS } from './account/mfa.js';
import { World, type WorldOptions } from './world.js';
import { s3 } from './s3/index.js';
import { ec2 } from './ec2/index.js';
import { iam } from './iam/index.js';
import { sts } from './sts/index.js';

/** Every simulated service, in the order `aws help` lists them. */
export const SERVICES = [s3, ec2, iam, sts];

/** A fresh simulated account with every service. */
export function createWorld(options: Omit<WorldOptions, 'services'> = {}): World {
  return new World({ ...options, services: SERVICES });
}
