// STS and IAM principals end to end: who am I, assuming a role, and IAM's own permissions.
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/runtime/index.js';
import { account, policy, refusal, trustUser, ACCOUNT } from './helpers.js';

function withAlice() {
  const { iam, world } = account();
  const user = iam('CreateUser', { UserName: 'alice' }).User;
  const key = iam('CreateAccessKey', { UserName: 'alice' }).AccessKey.AccessKeyId as string;
  const alice = world.principalForAccessKey(key)!;
  const sts = (operation: string, input: Record<string, unknown> = {}, principal: Principal | 'admin' = alice) =>
    world.call('sts', operation, input, principal === 'admin' ? {} : { principal }) as Record<string, any>;
  return { iam, world, user, alice, sts };
}

const ROLE = `arn:aws:iam::${ACCOUNT}:role/Auditor`;

describe('GetCallerIdentity', () => {
  it("answers the account's administrator as the root user", () => {
    const { sts } = withAlice();
    expect(sts('GetCallerIdentity', {}, 'admin')).toEqual({ UserId: ACCOUNT, Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:root` });
  });

  it("answers a user with its unique ID and ARN, needing no permission", () => {
    const { sts, user } = withAlice();
    expect(sts('GetCallerIdentity')).toEqual({ UserId: user.UserId, Account: ACCOUNT, Arn: user.Arn });
  });
});

describe('AssumeRole', () => {
  it('gives a session when the trust policy names the caller; the session key is an assumed-role principal', () => {
    const { iam, sts, world } = withAlice();
    const role = iam('CreateRole', { RoleName: 'Auditor', AssumeRolePolicyDocument: trustUser('alice') }).Role;
    const out = sts('AssumeRole', { RoleArn: ROLE, RoleSessionName: 'audit-1' });
    const sessionArn = `arn:aws:sts::${ACCOUNT}:assumed-role/Auditor/audit-1`;
    expect(out.AssumedRoleUser).toEqual({ AssumedRoleId: `${role.RoleId}:audit-1`, Arn: sessionArn });
    expect(out.Credentials).toMatchObject({ AccessKeyId: expect.stringMatching(/^ASIA[A-Z2-7]{16}$/), Expiration: new Date('2025-01-06T10:00:00Z') });
    const session = world.principalForAccessKey(out.Credentials.AccessKeyId)!;
    expect(session).toEqual({ type: 'assumed-role', arn: sessionArn, accountId: ACCOUNT, name: 'Auditor' });
    expect(sts('GetCallerIdentity', {}, session)).toEqual({ UserId: `${role.RoleId}:audit-1`, Account: ACCOUNT, Arn: sessionArn });
  });

  it('lets the session key expire with its duration', () => {
    const { iam, sts, world } = withAlice();
    iam('CreateRole', { RoleName: 'Auditor', AssumeRolePolicyDocument: trustUser('alice') });
    const id = sts('AssumeRole', { RoleArn: ROLE, RoleSessionName: 'session', DurationSeconds: 900 }).Credentials.AccessKeyId;
    world.advance(899_000);
    expect(world.principalForAccessKey(id)).toBeDefined();
    world.advance(1_000);
    expect(world.principalForAccessKey(id)).toBeUndefined();
  });

  it('refuses a caller the trust policy does not name, as AccessDenied on the role', () => {
    const { iam, sts } = withAlice();
    iam('CreateRole', { RoleName: 'Auditor', AssumeRolePolicyDocument: trustUser('bob') });
    expect(refusal(() => sts('AssumeRole', { RoleArn: ROLE, RoleSessionName: 'session' }))).toEqual([
      'AccessDenied',
      403,
      `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: sts:AssumeRole on resource: ${ROLE}`,
    ]);
  });

  it("with a trust policy naming the account, needs the caller's own allow for sts:AssumeRole", () => {
    const { iam, sts } = withAlice();
    iam('CreateRole', { RoleName: 'Auditor', AssumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }) });
    expect(refusal(() => sts('AssumeRole', { RoleArn: ROLE, RoleSessionName: 'session' }))[0]).toBe('AccessDenied');
    iam('PutUserPolicy', { UserName: 'alice', PolicyName: 'assume', PolicyDocument: policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE }) });
    expect(sts('AssumeRole', { RoleArn: ROLE, RoleSessionName: 'session' }).AssumedRoleUser.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/Auditor/session`);
  });

  it('refuses a role that does not exist as AccessDenied, and the root user outright', () => {
    const { sts } = withAlice();
    expect(refusal(() => sts('AssumeRole', { RoleArn: ROLE, RoleSessionName: 'session' }))[0]).toBe('AccessDenied');
    expect(refusal(() => sts('AssumeRole', { RoleArn: ROLE, RoleSessionName: 'session' }, 'admin'))).toEqual(['AccessDenied', 403, 'Roles may not be assumed by root accounts.']);
  });

  it("refuses a duration past the role's MaxSessionDuration", () => {
    const { iam, sts } = withAlice();
    iam('CreateRole', { RoleName: 'Auditor', AssumeRolePolicyDocument: trustUser('alice') });
    expect(refusal(() => sts('AssumeRole', { RoleArn: ROLE, RoleSessionName: 'session', DurationSeconds: 7200 }))).toEqual([
      'ValidationError',
      400,
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    ]);
  });
});

describe('IAM calls made as a principal', () => {
  it("are decided by the principal's policies: IAMReadOnlyAccess lists users but cannot create one", () => {
    const { iam, world, alice } = withAlice();
    iam('AttachUserPolicy', { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' });
    expect((world.call('iam', 'ListUsers', {}, { principal: alice }).Users as unknown[]).length).toBe(1);
    expect(refusal(() => world.call('iam', 'CreateUser', { UserName: 'mallory' }, { principal: alice }))).toEqual([
      'AccessDenied',
      403,
      `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${ACCOUNT}:user/mallory because no identity-based policy allows the iam:CreateUser action`,
    ]);
  });

  it("let a role session act with the role's policies", () => {
    const { iam, world, sts } = withAlice();
    iam('CreateRole', { RoleName: 'Auditor', AssumeRolePolicyDocument: trustUser('alice') });
    iam('AttachRolePolicy', { RoleName: 'Auditor', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' });
    const session = world.principalForAccessKey(sts('AssumeRole', { RoleArn: ROLE, RoleSessionName: 'session' }).Credentials.AccessKeyId)!;
    expect(world.call('iam', 'GetRole', { RoleName: 'Auditor' }, { principal: session }).Role).toMatchObject({ RoleName: 'Auditor' });
    expect(refusal(() => world.call('iam', 'DeleteRole', { RoleName: 'Auditor' }, { principal: session }))[2]).toBe(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/Auditor/session is not authorized to perform: iam:DeleteRole on resource: ${ROLE} because no identity-based policy allows the iam:DeleteRole action`,
    );
  });

  it('act on the calling user when an access key operation names no user', () => {
    const { world, alice, iam } = withAlice();
    iam('PutUserPolicy', { UserName: 'alice', PolicyName: 'keys', PolicyDocument: policy({ Effect: 'Allow', Action: 'iam:*AccessKey*', Resource: '*' }) });
    expect((world.call('iam', 'ListAccessKeys', {}, { principal: alice }).AccessKeyMetadata as Array<{ UserName: string }>).map((k) => k.UserName)).toEqual(['alice']);
  });
});
