/**
 * Users, groups and roles: the three kinds of IAM identity that hold policies. They share
 * creation, lookup, listing and the checks before deletion; what differs is in a table.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUser.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteGroup.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRole.html
 */
import type { RandomState } from '../random.js';
import { alreadyExists, deleteConflict, noSuchNamed, type EntityKind } from './errors.js';
import { uniqueId, type IdPrefix } from './ids.js';
import { checkName, checkPath } from './names.js';
import type { Entity, Group, IamState, Role, User } from './state.js';

interface KindRow {
  readonly table: (state: IamState) => Record<string, Entity>;
  readonly prefix: IdPrefix;
  readonly title: string;
  readonly maxNameLength: number;
}

export const KINDS: Readonly<Record<EntityKind, KindRow>> = {
  user: { table: (s) => s.users, prefix: 'AIDA', title: 'User', maxNameLength: 64 },
  group: { table: (s) => s.groups, prefix: 'AGPA', title: 'Group', maxNameLength: 128 },
  role: { table: (s) => s.roles, prefix: 'AROA', title: 'Role', maxNameLength: 64 },
};

export interface NewEntity {
  readonly name: string;
  readonly path?: string;
  readonly accountId: string;
  readonly nowMs: number;
  readonly random: RandomState;
}

/** The common part of a new user, group or role; the caller adds what its kind has. */
export function newEntity(state: IamState, kind: EntityKind, spec: NewEntity): Entity {
  const row = KINDS[kind];
  checkName(spec.name, `${kind}Name`, row.maxNameLength);
  const path = checkPath(spec.path ?? '/');
  if (row.table(state)[spec.name.toLowerCase()]) throw alreadyExists(`${row.title} with name ${spec.name} already exists.`);
  return {
    kind,
    name: spec.name,
    id: uniqueId(spec.random, row.prefix),
    path,
    arn: `arn:aws:iam::${spec.accountId}:${kind}${path}${spec.name}`,
    createdMs: spec.nowMs,
    attached: [],
    inline: {},
  };
}

export function store(state: IamState, entity: Entity): void {
  KINDS[entity.kind].table(state)[entity.name.toLowerCase()] = entity;
}

export function findEntity(state: IamState, kind: EntityKind, name: string): Entity | undefined {
  return KINDS[kind].table(state)[name.toLowerCase()];
}

export function requireEntity(state: IamState, kind: 'user', name: string): User;
export function requireEntity(state: IamState, kind: 'group', name: string): Group;
export function requireEntity(state: IamState, kind: 'role', name: string): Role;
export function requireEntity(state: IamState, kind: EntityKind, name: string): Entity;
export function requireEntity(state: IamState, kind: EntityKind, name: string): Entity {
  const entity = findEntity(state, kind, name);
  if (!entity) throw noSuchNamed(kind, name);
  return entity;
}

/** Every entity of a kind under a path prefix, in name order as IAM lists them. */
export function listEntities<E extends Entity>(state: IamState, kind: EntityKind, pathPrefix = '/'): E[] {
  return Object.values(KINDS[kind].table(state))
    .filter((e) => e.path.startsWith(pathPrefix))
    .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1)) as E[];
}

/**
 * Deletes a user, group or role once nothing hangs off it, refusing with AWS's DeleteConflict
 * message naming what must go first.
 */
export function deleteEntity(state: IamState, kind: EntityKind, name: string): void {
  const entity = requireEntity(state, kind, name);
  const key = entity.name.toLowerCase();
  if (kind === 'user' && Object.values(state.accessKeys).some((k) => k.userName.toLowerCase() === key)) {
    throw deleteConflict('Cannot delete entity, must delete access keys first.');
  }
  if (kind === 'user' && (entity as User).groups.length > 0) throw deleteConflict('Cannot delete entity, must remove users from group first.');
  if (kind === 'group' && Object.values(state.users).some((u) => u.groups.includes(key))) {
    throw deleteConflict('Cannot delete entity, must remove users from group first.');
  }
  if (entity.inline && Object.keys(entity.inline).length > 0) throw deleteConflict('Cannot delete entity, must delete policies first.');
  if (entity.attached.length > 0) throw deleteConflict('Cannot delete entity, must detach all policies first.');
  delete KINDS[kind].table(state)[key];
}

/** A user, group or role as IAM's User, Group and Role shapes show it (without the role's extras). */
export function entityShape(entity: Entity): Record<string, unknown> {
  const title = KINDS[entity.kind].title;
  return {
    Path: entity.path,
    [`${title}Name`]: entity.name,
    [`${title}Id`]: entity.id,
    Arn: entity.arn,
    CreateDate: new Date(entity.createdMs),
  };
}
