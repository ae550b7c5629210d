/**
 * Access keys: at most two per user, each Active or Inactive. The secret is shown once, by
 * CreateAccessKey. An access key resolves to the user it belongs to (the CLI's --profile).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html (access keys per user: 2)
 */
import type { RandomState } from '../random.js';
import { limitExceeded, noSuchEntity, validationError } from './errors.js';
import { requireEntity } from './entities.js';
import { accessKeyId, secretAccessKey } from './ids.js';
import type { AccessKey, IamState } from './state.js';

export const MAX_ACCESS_KEYS = 2;

export function createAccessKey(state: IamState, userName: string, nowMs: number, random: RandomState): AccessKey {
  const user = requireEntity(state, 'user', userName);
  if (keysOf(state, user.name).length >= MAX_ACCESS_KEYS) throw limitExceeded(`Cannot exceed quota for AccessKeysPerUser: ${MAX_ACCESS_KEYS}`);
  const key: AccessKey = { id: accessKeyId(random, 'AKIA'), secret: secretAccessKey(random), userName: user.name, status: 'Active', createdMs: nowMs };
  state.accessKeys[key.id] = key;
  return key;
}

export function keysOf(state: IamState, userName: string): AccessKey[] {
  const key = userName.toLowerCase();
  return Object.values(state.accessKeys).filter((k) => k.userName.toLowerCase() === key);
}

function requireKey(state: IamState, userName: string, id: string): AccessKey {
  requireEntity(state, 'user', userName);
  const key = state.accessKeys[id];
  if (!key || key.userName.toLowerCase() !== userName.toLowerCase()) throw noSuchEntity(`The Access Key with id ${id} cannot be found.`);
  return key;
}

export function updateAccessKey(state: IamState, userName: string, id: string, status: string): void {
  if (status !== 'Active' && status !== 'Inactive') {
    throw validationError(`1 validation error detected: Value '${status}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]`);
  }
  requireKey(state, userName, id).status = status;
}

export function deleteAccessKey(state: IamState, userName: string, id: string): void {
  requireKey(state, userName, id);
  delete state.accessKeys[id];
}

export function keyMetadata(key: AccessKey): Record<string, unknown> {
  return { UserName: key.userName, AccessKeyId: key.id, Status: key.status, CreateDate: new Date(key.createdMs) };
}
