/**
 * The simulated AWS Identity and Access Management: users, groups, roles, managed and inline
 * policies, access keys and the policy simulator. IAM is global. Thin handlers over the
 * concept modules; the policy engine is policy/.
 */
import { defineService, type ServiceContext, type TypedOperations } from '../service.js';
import type { ServiceModel } from '../model.js';
import model from './model.json' with { type: 'json' };
import { createIamState, type IamState, type Role, type User } from './state.js';
import type { IamShapes } from './shapes.generated.js';
import { deleteEntity, entityShape, listEntities, newEntity, requireEntity, store } from './entities.js';
import { checkDocument, urlEncoded } from './documents.js';
import { addUserToGroup, groupMembers, groupsOf, removeUserFromGroup } from './groups.js';
import {
  createPolicy,
  createPolicyVersion,
  deletePolicy,
  deletePolicyVersion,
  listPolicies,
  policyShape,
  requirePolicy,
  requireVersion,
  setDefaultPolicyVersion,
  versionShape,
} from './managed-policies.js';
import { attachedPolicies, attachPolicy, detachPolicy } from './attachments.js';
import { deleteInlinePolicy, getInlinePolicy, inlinePolicyNames, putInlinePolicy } from './inline-policies.js';
import { createAccessKey, deleteAccessKey, keyMetadata, keysOf, updateAccessKey } from './access-keys.js';
import { page } from './pagination.js';
import { simulateCustom, simulatePrincipal } from './simulation-requests.js';
import { identityPolicies, principalForUserKey } from './identity-policies.js';
import { IAM_AUTHORIZATION } from './authorization.js';
import type { EntityKind } from './errors.js';
import { invalidInput, validationError } from './errors.js';

type Ctx = ServiceContext<IamState>;

const read = <I, O extends object>(handler: (ctx: Ctx, input: I) => O) => ({ readOnly: true, handler });
const write = <I, O extends object>(handler: (ctx: Ctx, input: I) => O) => ({ readOnly: false, handler });

function typed(operations: TypedOperations<IamState, IamShapes>): TypedOperations<IamState, IamShapes> {
  return operations;
}

const spec = (ctx: Ctx, name: string, path?: string) => ({ name, path, accountId: ctx.accountId, nowMs: ctx.nowMs, random: ctx.random });

function roleShape(role: Role) {
  return {
    ...entityShape(role),
    AssumeRolePolicyDocument: urlEncoded(role.trustPolicy),
    ...(role.description !== undefined ? { Description: role.description } : {}),
    MaxSessionDuration: role.maxSessionDurationSeconds,
    RoleLastUsed: {},
  };
}

/** A request without UserName acts on the calling user, as IAM does for access keys and GetUser. */
function userNameOf(ctx: Ctx, input: { UserName?: string }, operation: string): string {
  if (input.UserName !== undefined) return input.UserName;
  if (ctx.principal?.type === 'user' && ctx.principal.name) return ctx.principal.name;
  throw invalidInput(`${operation} needs --user-name here: awslab does not simulate the root user's own credentials.`);
}

/** The six operations each of users, groups and roles has for its policies. */
function policyOperations(kind: EntityKind, member: 'UserName' | 'GroupName' | 'RoleName') {
  type In = Record<string, any>;
  return {
    attach: write((ctx, input: In) => (attachPolicy(ctx.state, kind, input[member], input.PolicyArn), {})),
    detach: write((ctx, input: In) => (detachPolicy(ctx.state, kind, input[member], input.PolicyArn), {})),
    listAttached: read((ctx, input: In) => {
      const { items, paging } = page(attachedPolicies(ctx.state, kind, input[member], input.PathPrefix), input);
      return { AttachedPolicies: items, ...paging };
    }),
    put: write((ctx, input: In) => (putInlinePolicy(ctx.state, kind, input[member], input.PolicyName, input.PolicyDocument), {})),
    get: read((ctx, input: In) => {
      const entity = requireEntity(ctx.state, kind, input[member]);
      return { [member]: entity.name, PolicyName: input.PolicyName, PolicyDocument: urlEncoded(getInlinePolicy(ctx.state, kind, input[member], input.PolicyName)) };
    }),
    remove: write((ctx, input: In) => (deleteInlinePolicy(ctx.state, kind, input[member], input.PolicyName), {})),
    list: read((ctx, input: In) => {
      const { items, paging } = page(inlinePolicyNames(ctx.state, kind, input[member]), input);
      return { PolicyNames: items, ...paging };
    }),
  };
}

const users = policyOperations('user', 'UserName');
const groups = policyOperations('group', 'GroupName');
const roles = policyOperations('role', 'RoleName');

export const iam = defineService<IamState>({
  name: 'iam',
  model: model as unknown as ServiceModel,
  global: true,
  createState: createIamState,
  identityPolicies: identityPolicies,
  principalForAccessKey: (state, id) => principalForUserKey(state, id),
  authorization: IAM_AUTHORIZATION,
  operations: typed({
    CreateUser: write((ctx, input) => {
      const user: User = { ...newEntity(ctx.state, 'user', spec(ctx, input.UserName, input.Path)), kind: 'user', groups: [] };
      store(ctx.state, user);
      return { User: entityShape(user) as never };
    }),
    GetUser: read((ctx, input) => ({ User: entityShape(requireEntity(ctx.state, 'user', userNameOf(ctx, input, 'GetUser'))) as never })),
    ListUsers: read((ctx, input) => {
      const { items, paging } = page(listEntities(ctx.state, 'user', input.PathPrefix), input);
      return { Users: items.map(entityShape) as never, ...paging };
    }),
    DeleteUser: write((ctx, input) => (deleteEntity(ctx.state, 'user', input.UserName), {})),
    CreateGroup: write((ctx, input) => {
      const group = { ...newEntity(ctx.state, 'group', spec(ctx, input.GroupName, input.Path)), kind: 'group' as const };
      store(ctx.state, group);
      return { Group: entityShape(group) as never };
    }),
    GetGroup: read((ctx, input) => {
      const group = requireEntity(ctx.state, 'group', input.GroupName);
      const { items, paging } = page(groupMembers(ctx.state, group), input);
      return { Group: entityShape(group) as never, Users: items.map(entityShape) as never, ...paging };
    }),
    ListGroups: read((ctx, input) => {
      const { items, paging } = page(listEntities(ctx.state, 'group', input.PathPrefix), input);
      return { Groups: items.map(entityShape) as never, ...paging };
    }),
    DeleteGroup: write((ctx, input) => (deleteEntity(ctx.state, 'group', input.GroupName), {})),
    AddUserToGroup: write((ctx, input) => (addUserToGroup(ctx.state, input.GroupName, input.UserName), {})),
    RemoveUserFromGroup: write((ctx, input) => (removeUserFromGroup(ctx.state, input.GroupName, input.UserName), {})),
    ListGroupsForUser: read((ctx, input) => {
      const { items, paging } = page(groupsOf(ctx.state, requireEntity(ctx.state, 'user', input.UserName)), input);
      return { Groups: items.map(entityShape) as never, ...paging };
    }),
    CreateRole: write((ctx, input) => {
      checkDocument(input.AssumeRolePolicyDocument, 'trust');
      const role: Role = {
        ...newEntity(ctx.state, 'role', spec(ctx, input.RoleName, input.Path)),
        kind: 'role',
        trustPolicy: input.AssumeRolePolicyDocument,
        ...(input.Description !== undefined ? { description: input.Description } : {}),
        maxSessionDurationSeconds: checkSessionDuration(input.MaxSessionDuration ?? 3600),
      };
      store(ctx.state, role);
      const { RoleLastUsed: _unused, MaxSessionDuration: _max, ...shape } = roleShape(role);
      return { Role: shape as never };
    }),
    GetRole: read((ctx, input) => ({ Role: roleShape(requireEntity(ctx.state, 'role', input.RoleName)) as never })),
    ListRoles: read((ctx, input) => {
      const { items, paging } = page(listEntities<Role>(ctx.state, 'role', input.PathPrefix), input);
      return { Roles: items.map((r) => { const { RoleLastUsed: _unused, ...shape } = roleShape(r); return shape; }) as never, ...paging };
    }),
    DeleteRole: write((ctx, input) => (deleteEntity(ctx.state, 'role', input.RoleName), {})),
    UpdateAssumeRolePolicy: write((ctx, input) => {
      const role = requireEntity(ctx.state, 'role', input.RoleName);
      checkDocument(input.PolicyDocument, 'trust');
      role.trustPolicy = input.PolicyDocument;
      return {};
    }),
    CreatePolicy: write((ctx, input) => {
      const policy = createPolicy(ctx.state, { ...spec(ctx, input.PolicyName, input.Path), document: input.PolicyDocument, description: input.Description });
      const { Description: _omitted, ...shape } = policyShape(ctx.state, { ...policy, awsManaged: false });
      return { Policy: shape as never };
    }),
    GetPolicy: read((ctx, input) => ({ Policy: policyShape(ctx.state, requirePolicy(ctx.state, input.PolicyArn)) as never })),
    DeletePolicy: write((ctx, input) => (deletePolicy(ctx.state, input.PolicyArn), {})),
    ListPolicies: read((ctx, input) => {
      const { items, paging } = page(listPolicies(ctx.state, input), input);
      return { Policies: items.map((p) => { const { Description: _omitted, ...shape } = policyShape(ctx.state, p); return shape; }) as never, ...paging };
    }),
    GetPolicyVersion: read((ctx, input) => {
      const policy = requirePolicy(ctx.state, input.PolicyArn);
      return { PolicyVersion: versionShape(policy, requireVersion(policy, input.VersionId), true) as never };
    }),
    CreatePolicyVersion: write((ctx, input) => {
      const version = createPolicyVersion(ctx.state, input.PolicyArn, input.PolicyDocument, input.SetAsDefault === true, ctx.nowMs);
      return { PolicyVersion: versionShape(requirePolicy(ctx.state, input.PolicyArn), version, false) as never };
    }),
    ListPolicyVersions: read((ctx, input) => {
      const policy = requirePolicy(ctx.state, input.PolicyArn);
      const newest = [...policy.versions].reverse();
      const { items, paging } = page(newest, input);
      return { Versions: items.map((v) => versionShape(policy, v, false)) as never, ...paging };
    }),
    DeletePolicyVersion: write((ctx, input) => (deletePolicyVersion(ctx.state, input.PolicyArn, input.VersionId), {})),
    SetDefaultPolicyVersion: write((ctx, input) => (setDefaultPolicyVersion(ctx.state, input.PolicyArn, input.VersionId, ctx.nowMs), {})),
    AttachUserPolicy: users.attach,
    DetachUserPolicy: users.detach,
    ListAttachedUserPolicies: users.listAttached,
    AttachGroupPolicy: groups.attach,
    DetachGroupPolicy: groups.detach,
    ListAttachedGroupPolicies: groups.listAttached,
    AttachRolePolicy: roles.attach,
    DetachRolePolicy: roles.detach,
    ListAttachedRolePolicies: roles.listAttached,
    PutUserPolicy: users.put,
    GetUserPolicy: users.get as never,
    DeleteUserPolicy: users.remove,
    ListUserPolicies: users.list as never,
    PutGroupPolicy: groups.put,
    GetGroupPolicy: groups.get as never,
    DeleteGroupPolicy: groups.remove,
    ListGroupPolicies: groups.list as never,
    PutRolePolicy: roles.put,
    GetRolePolicy: roles.get as never,
    DeleteRolePolicy: roles.remove,
    ListRolePolicies: roles.list as never,
    CreateAccessKey: write((ctx, input) => {
      const key = createAccessKey(ctx.state, userNameOf(ctx, input, 'CreateAccessKey'), ctx.nowMs, ctx.random);
      return { AccessKey: { UserName: key.userName, AccessKeyId: key.id, Status: key.status, SecretAccessKey: key.secret, CreateDate: new Date(key.createdMs) } };
    }),
    ListAccessKeys: read((ctx, input) => {
      const name = userNameOf(ctx, input, 'ListAccessKeys');
      requireEntity(ctx.state, 'user', name);
      const { items, paging } = page(keysOf(ctx.state, name), input);
      return { AccessKeyMetadata: items.map(keyMetadata) as never, ...paging };
    }),
    UpdateAccessKey: write((ctx, input) => (updateAccessKey(ctx.state, userNameOf(ctx, input, 'UpdateAccessKey'), input.AccessKeyId, input.Status), {})),
    DeleteAccessKey: write((ctx, input) => (deleteAccessKey(ctx.state, userNameOf(ctx, input, 'DeleteAccessKey'), input.AccessKeyId), {})),
    SimulatePrincipalPolicy: read((ctx, input) => simulatePrincipal(ctx.state, input) as never),
    SimulateCustomPolicy: read((ctx, input) => simulateCustom(ctx.accountId, input) as never),
  }),
});

/** MaxSessionDuration: one to twelve hours. https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html */
function checkSessionDuration(seconds: number): number {
  if (seconds < 3600 || seconds > 43200) {
    throw validationError(`1 validation error detected: Value '${seconds}' at 'maxSessionDuration' failed to satisfy constraint: Member must have value ${seconds < 3600 ? 'greater than or equal to 3600' : 'less than or equal to 43200'}`);
  }
  return seconds;
}
