/**
 * Attaching managed policies to users, groups and roles. A policy ARN that names no policy is
 * NoSuchEntity with IAM's "does not exist or is not attachable" wording; attaching twice
 * changes nothing; detaching one that is not attached is NoSuchEntity.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachUserPolicy.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DetachUserPolicy.html
 */
import { noSuchEntity, type EntityKind } from './errors.js';
import { requireEntity } from './entities.js';
import { findPolicy } from './managed-policies.js';
import type { IamState } from './state.js';

export function attachPolicy(state: IamState, kind: EntityKind, name: string, arn: string): void {
  const entity = requireEntity(state, kind, name);
  if (!findPolicy(state, arn)) throw noSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
  if (!entity.attached.includes(arn)) entity.attached.push(arn);
}

export function detachPolicy(state: IamState, kind: EntityKind, name: string, arn: string): void {
  const entity = requireEntity(state, kind, name);
  if (!entity.attached.includes(arn)) throw noSuchEntity(`Policy ${arn} was not found.`);
  entity.attached = entity.attached.filter((a) => a !== arn);
}

/** ListAttached…Policies: PolicyName and PolicyArn of each, under a path prefix. */
export function attachedPolicies(state: IamState, kind: EntityKind, name: string, pathPrefix = '/'): { PolicyName: string; PolicyArn: string }[] {
  return requireEntity(state, kind, name)
    .attached.map((arn) => findPolicy(state, arn))
    .filter((p) => p !== undefined && p.path.startsWith(pathPrefix))
    .map((p) => ({ PolicyName: p!.name, PolicyArn: p!.arn }));
}
