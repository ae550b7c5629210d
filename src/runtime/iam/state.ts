/**
 * IAM's one state for the account (IAM is global). Names are unique without regard to case,
 * so each table is keyed by the lower-cased name and keeps the name as created.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-names
 */
import type { EntityKind } from './errors.js';

export interface PolicyHolder {
  /** Managed policy ARNs, in the order attached. */
  attached: string[];
  /** Inline policies: name → document text as given. */
  inline: Record<string, string>;
}

export interface Entity extends PolicyHolder {
  readonly kind: EntityKind;
  readonly name: string;
  readonly id: string;
  readonly path: string;
  readonly arn: string;
  readonly createdMs: number;
}

export interface User extends Entity {
  readonly kind: 'user';
  /** Lower-cased group names. */
  groups: string[];
}

export interface Group extends Entity {
  readonly kind: 'group';
}

export interface Role extends Entity {
  readonly kind: 'role';
  trustPolicy: string;
  readonly description?: string;
  readonly maxSessionDurationSeconds: number;
}

export interface PolicyVersion {
  readonly id: string;
  readonly document: string;
  readonly createdMs: number;
}

export interface ManagedPolicy {
  readonly name: string;
  readonly id: string;
  readonly path: string;
  readonly arn: string;
  readonly description?: string;
  readonly createdMs: number;
  updatedMs: number;
  defaultVersionId: string;
  versions: PolicyVersion[];
  /** The number the next version takes: IAM never reuses one. */
  nextVersion: number;
}

export interface AccessKey {
  readonly id: string;
  readonly secret: string;
  readonly userName: string;
  status: 'Active' | 'Inactive';
  readonly createdMs: number;
}

export interface IamState {
  users: Record<string, User>;
  groups: Record<string, Group>;
  roles: Record<string, Role>;
  /** Customer managed policies by ARN. */
  policies: Record<string, ManagedPolicy>;
  accessKeys: Record<string, AccessKey>;
}

export function createIamState(): IamState {
  return { users: {}, groups: {}, roles: {}, policies: {}, accessKeys: {} };
}
