/**
 * Managed policies: the customer's own (CreatePolicy, up to five versions, one the default)
 * and AWS's, which exist in every account and cannot be changed.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicyVersion.html
 */
import type { RandomState } from '../random.js';
import { AWS_MANAGED_POLICIES, awsManagedPolicyArn } from './aws-managed-policies.js';
import { checkDocument, urlEncoded } from './documents.js';
import { alreadyExists, deleteConflict, invalidInput, limitExceeded, noSuchEntity, validationError } from './errors.js';
import { uniqueId } from './ids.js';
import { checkName, checkPath } from './names.js';
import type { IamState, ManagedPolicy, PolicyVersion } from './state.js';

export const MAX_POLICY_VERSIONS = 5;

/** A managed policy as the world sees it, whoever manages it. */
export interface PolicyView {
  readonly name: string;
  readonly id: string;
  readonly path: string;
  readonly arn: string;
  readonly description?: string;
  readonly createdMs: number;
  readonly updatedMs: number;
  readonly defaultVersionId: string;
  readonly versions: readonly PolicyVersion[];
  readonly awsManaged: boolean;
}

const AWS_VIEWS: ReadonlyMap<string, PolicyView> = new Map(
  AWS_MANAGED_POLICIES.map((p) => {
    const updatedMs = Date.parse(p.updateDate);
    const view: PolicyView = {
      name: p.name,
      id: p.id,
      path: '/',
      arn: awsManagedPolicyArn(p.name),
      description: p.description,
      createdMs: Date.parse(p.createDate),
      updatedMs,
      defaultVersionId: p.defaultVersionId,
      versions: [{ id: p.defaultVersionId, document: JSON.stringify(p.document), createdMs: updatedMs }],
      awsManaged: true,
    };
    return [view.arn, view];
  }),
);

export function findPolicy(state: IamState, arn: string): PolicyView | undefined {
  const own = state.policies[arn];
  return own ? { ...own, awsManaged: false } : AWS_VIEWS.get(arn);
}

/** GetPolicy's NoSuchEntity wording. */
export function requirePolicy(state: IamState, arn: string): PolicyView {
  const policy = findPolicy(state, arn);
  if (!policy) throw noSuchEntity(`Policy ${arn} was not found.`);
  return policy;
}

function requireOwnPolicy(state: IamState, arn: string): ManagedPolicy {
  const policy = state.policies[arn];
  if (!policy) {
    if (AWS_VIEWS.has(arn)) throw invalidInput(`Cannot modify an AWS managed policy: ${arn}`);
    throw noSuchEntity(`Policy ${arn} was not found.`);
  }
  return policy;
}

export interface NewPolicy {
  readonly name: string;
  readonly path?: string;
  readonly document: string;
  readonly description?: string;
  readonly accountId: string;
  readonly nowMs: number;
  readonly random: RandomState;
}

export function createPolicy(state: IamState, spec: NewPolicy): ManagedPolicy {
  checkName(spec.name, 'policyName', 128);
  const path = checkPath(spec.path ?? '/');
  checkDocument(spec.document, 'identity');
  if (Object.values(state.policies).some((p) => p.name.toLowerCase() === spec.name.toLowerCase())) {
    throw alreadyExists(`A policy called ${spec.name} already exists. Duplicate names are not allowed.`);
  }
  const policy: ManagedPolicy = {
    name: spec.name,
    id: uniqueId(spec.random, 'ANPA'),
    path,
    arn: `arn:aws:iam::${spec.accountId}:policy${path}${spec.name}`,
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    createdMs: spec.nowMs,
    updatedMs: spec.nowMs,
    defaultVersionId: 'v1',
    versions: [{ id: 'v1', document: spec.document, createdMs: spec.nowMs }],
    nextVersion: 2,
  };
  state.policies[policy.arn] = policy;
  return policy;
}

export function attachmentCount(state: IamState, arn: string): number {
  return [state.users, state.groups, state.roles].reduce((n, table) => n + Object.values(table).filter((e) => e.attached.includes(arn)).length, 0);
}

export function deletePolicy(state: IamState, arn: string): void {
  const policy = requireOwnPolicy(state, arn);
  if (attachmentCount(state, arn) > 0) throw deleteConflict('Cannot delete a policy attached to entities.');
  if (policy.versions.length > 1) throw deleteConflict('Cannot delete a policy with non-default versions. Delete the non-default versions first.');
  delete state.policies[arn];
}

export function policyShape(state: IamState, policy: PolicyView): Record<string, unknown> {
  return {
    PolicyName: policy.name,
    PolicyId: policy.id,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: attachmentCount(state, policy.arn),
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    ...(policy.description !== undefined ? { Description: policy.description } : {}),
    CreateDate: new Date(policy.createdMs),
    UpdateDate: new Date(policy.updatedMs),
  };
}

export function requireVersion(policy: PolicyView, versionId: string): PolicyVersion {
  if (!/^v[1-9][0-9]*(\.[A-Za-z0-9-]*)?$/.test(versionId)) {
    throw validationError(
      `1 validation error detected: Value '${versionId}' at 'versionId' failed to satisfy constraint: Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?`,
    );
  }
  const version = policy.versions.find((v) => v.id === versionId);
  if (!version) throw noSuchEntity(`Policy ${policy.arn} version ${versionId} does not exist or is not attachable.`);
  return version;
}

export function versionShape(policy: PolicyView, version: PolicyVersion, withDocument: boolean): Record<string, unknown> {
  return {
    ...(withDocument ? { Document: urlEncoded(version.document) } : {}),
    VersionId: version.id,
    IsDefaultVersion: version.id === policy.defaultVersionId,
    CreateDate: new Date(version.createdMs),
  };
}

export function createPolicyVersion(state: IamState, arn: string, document: string, setAsDefault: boolean, nowMs: number): PolicyVersion {
  const policy = requireOwnPolicy(state, arn);
  checkDocument(document, 'identity');
  if (policy.versions.length >= MAX_POLICY_VERSIONS) {
    throw limitExceeded('A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.');
  }
  const version: PolicyVersion = { id: `v${policy.nextVersion}`, document, createdMs: nowMs };
  policy.nextVersion++;
  policy.versions.push(version);
  if (setAsDefault) {
    policy.defaultVersionId = version.id;
    policy.updatedMs = nowMs;
  }
  return version;
}

export function deletePolicyVersion(state: IamState, arn: string, versionId: string): void {
  const policy = requireOwnPolicy(state, arn);
  requireVersion({ ...policy, awsManaged: false }, versionId);
  if (versionId === policy.defaultVersionId) throw deleteConflict('Cannot delete the default version of a policy.');
  policy.versions = policy.versions.filter((v) => v.id !== versionId);
}

export function setDefaultPolicyVersion(state: IamState, arn: string, versionId: string, nowMs: number): void {
  const policy = requireOwnPolicy(state, arn);
  requireVersion({ ...policy, awsManaged: false }, versionId);
  policy.defaultVersionId = versionId;
  policy.updatedMs = nowMs;
}

/** ListPolicies: `Local` is the customer's, `AWS` is AWS's, `All` both; OnlyAttached keeps the attached ones. */
export function listPolicies(state: IamState, input: { Scope?: string; OnlyAttached?: boolean; PathPrefix?: string }): PolicyView[] {
  const scope = input.Scope ?? 'All';
  const own = Object.values(state.policies).map((p) => ({ ...p, awsManaged: false }));
  const views = [...(scope === 'AWS' ? [] : own), ...(scope === 'Local' ? [] : AWS_VIEWS.values())];
  return views
    .filter((p) => p.path.startsWith(input.PathPrefix ?? '/'))
    .filter((p) => !input.OnlyAttached || attachmentCount(state, p.arn) > 0)
    .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
}

/** The document a policy's default version holds. */
export function defaultDocument(policy: PolicyView): string {
  return policy.versions.find((v) => v.id === policy.defaultVersionId)!.document;
}
