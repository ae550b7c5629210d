/**
 * Group membership: a user belongs to any number of groups and takes their policies.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddUserToGroup.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_RemoveUserFromGroup.html
 */
import { noSuchEntity } from './errors.js';
import { requireEntity } from './entities.js';
import type { Group, IamState, User } from './state.js';

export function addUserToGroup(state: IamState, groupName: string, userName: string): void {
  const group = requireEntity(state, 'group', groupName);
  const user = requireEntity(state, 'user', userName);
  const key = group.name.toLowerCase();
  if (!user.groups.includes(key)) user.groups.push(key);
}

export function removeUserFromGroup(state: IamState, groupName: string, userName: string): void {
  const group = requireEntity(state, 'group', groupName);
  const user = requireEntity(state, 'user', userName);
  const key = group.name.toLowerCase();
  if (!user.groups.includes(key)) throw noSuchEntity(`The user with name ${user.name} cannot be found.`);
  user.groups = user.groups.filter((g) => g !== key);
}

export function groupMembers(state: IamState, group: Group): User[] {
  const key = group.name.toLowerCase();
  return Object.values(state.users)
    .filter((u) => u.groups.includes(key))
    .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
}

export function groupsOf(state: IamState, user: User): Group[] {
  return user.groups.map((g) => state.groups[g]!).filter(Boolean);
}
