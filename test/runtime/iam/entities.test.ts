// Users, groups and roles:
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUser.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
import { describe, expect, it } from 'vitest';
import { account, policy, refusal, trustUser, ACCOUNT } from './helpers.js';

describe('users', () => {
  it('creates a user with its path, an AIDA unique ID and an ARN that includes the path', () => {
    const { iam } = account();
    const { User } = iam('CreateUser', { UserName: 'alice', Path: '/auditors/' });
    expect(User).toEqual({ Path: '/auditors/', UserName: 'alice', UserId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/), Arn: `arn:aws:iam::${ACCOUNT}:user/auditors/alice`, CreateDate: new Date('2025-01-06T09:00:00Z') });
    expect(iam('GetUser', { UserName: 'alice' }).User).toEqual(User);
  });

  it('treats names as unique without regard to case: EntityAlreadyExists', () => {
    const { iam } = account();
    iam('CreateUser', { UserName: 'alice' });
    expect(refusal(() => iam('CreateUser', { UserName: 'Alice' }))).toEqual(['EntityAlreadyExists', 409, 'User with name Alice already exists.']);
  });

  it('says NoSuchEntity for a user that does not exist', () => {
    expect(refusal(() => account().iam('GetUser', { UserName: 'bob' }))).toEqual(['NoSuchEntity', 404, 'The user with name bob cannot be found.']);
  });

  it('refuses a name outside [\\w+=,.@-] and a path not wrapped in slashes', () => {
    const { iam } = account();
    expect(refusal(() => iam('CreateUser', { UserName: 'bad name' }))).toEqual([
      'ValidationError',
      400,
      "1 validation error detected: Value 'bad name' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    ]);
    expect(refusal(() => iam('CreateUser', { UserName: 'a', Path: 'team' }))[2]).toBe(
      'The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.',
    );
  });

  it('lists users in name order under a path prefix, paging with Marker and MaxItems', () => {
    const { iam } = account();
    for (const name of ['carol', 'alice', 'bob']) iam('CreateUser', { UserName: name, Path: name === 'bob' ? '/ops/' : '/' });
    expect(iam('ListUsers').Users.map((u: { UserName: string }) => u.UserName)).toEqual(['alice', 'bob', 'carol']);
    expect(iam('ListUsers', { PathPrefix: '/ops/' }).Users.map((u: { UserName: string }) => u.UserName)).toEqual(['bob']);
    const first = iam('ListUsers', { MaxItems: 2 });
    expect([first.Users.length, first.IsTruncated, first.Marker]).toEqual([2, true, '2']);
    expect(iam('ListUsers', { MaxItems: 2, Marker: first.Marker })).toMatchObject({ Users: [{ UserName: 'carol' }], IsTruncated: false });
  });

  it('refuses to delete a user with access keys, groups, inline or attached policies, naming what must go first', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users_remove.html
    const { iam } = account();
    iam('CreateUser', { UserName: 'alice' });
    iam('CreateGroup', { GroupName: 'auditors' });
    const key = iam('CreateAccessKey', { UserName: 'alice' }).AccessKey.AccessKeyId;
    iam('AddUserToGroup', { GroupName: 'auditors', UserName: 'alice' });
    iam('PutUserPolicy', { UserName: 'alice', PolicyName: 'p', PolicyDocument: policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) });
    iam('AttachUserPolicy', { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    const conflict = () => refusal(() => iam('DeleteUser', { UserName: 'alice' }));
    expect(conflict()).toEqual(['DeleteConflict', 409, 'Cannot delete entity, must delete access keys first.']);
    iam('DeleteAccessKey', { UserName: 'alice', AccessKeyId: key });
    expect(conflict()[2]).toBe('Cannot delete entity, must remove users from group first.');
    iam('RemoveUserFromGroup', { GroupName: 'auditors', UserName: 'alice' });
    expect(conflict()[2]).toBe('Cannot delete entity, must delete policies first.');
    iam('DeleteUserPolicy', { UserName: 'alice', PolicyName: 'p' });
    expect(conflict()[2]).toBe('Cannot delete entity, must detach all policies first.');
    iam('DetachUserPolicy', { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    expect(iam('DeleteUser', { UserName: 'alice' })).toEqual({});
    expect(iam('ListUsers').Users).toEqual([]);
  });
});

describe('groups', () => {
  it('adds and removes members; GetGroup lists them and ListGroupsForUser the groups', () => {
    const { iam } = account();
    iam('CreateUser', { UserName: 'alice' });
    const { Group } = iam('CreateGroup', { GroupName: 'auditors' });
    expect(Group).toMatchObject({ GroupName: 'auditors', GroupId: expect.stringMatching(/^AGPA/), Arn: `arn:aws:iam::${ACCOUNT}:group/auditors` });
    iam('AddUserToGroup', { GroupName: 'auditors', UserName: 'alice' });
    iam('AddUserToGroup', { GroupName: 'auditors', UserName: 'alice' });
    expect(iam('GetGroup', { GroupName: 'auditors' }).Users.map((u: { UserName: string }) => u.UserName)).toEqual(['alice']);
    expect(iam('ListGroupsForUser', { UserName: 'alice' }).Groups.map((g: { GroupName: string }) => g.GroupName)).toEqual(['auditors']);
    iam('RemoveUserFromGroup', { GroupName: 'auditors', UserName: 'alice' });
    expect(iam('GetGroup', { GroupName: 'auditors' }).Users).toEqual([]);
    expect(refusal(() => iam('RemoveUserFromGroup', { GroupName: 'auditors', UserName: 'alice' }))).toEqual(['NoSuchEntity', 404, 'The user with name alice cannot be found.']);
  });

  it('says which of group and user is missing', () => {
    const { iam } = account();
    iam('CreateUser', { UserName: 'alice' });
    expect(refusal(() => iam('AddUserToGroup', { GroupName: 'nope', UserName: 'alice' }))).toEqual(['NoSuchEntity', 404, 'The group with name nope cannot be found.']);
  });

  it('refuses to delete a group that still has members', () => {
    const { iam } = account();
    iam('CreateUser', { UserName: 'alice' });
    iam('CreateGroup', { GroupName: 'auditors' });
    iam('AddUserToGroup', { GroupName: 'auditors', UserName: 'alice' });
    expect(refusal(() => iam('DeleteGroup', { GroupName: 'auditors' }))).toEqual(['DeleteConflict', 409, 'Cannot delete entity, must remove users from group first.']);
  });
});

describe('roles', () => {
  it('creates a role with its trust policy, returned URL-encoded as the API does', () => {
    const { iam } = account();
    const trust = trustUser('alice');
    const { Role } = iam('CreateRole', { RoleName: 'Auditor', AssumeRolePolicyDocument: trust, Description: 'reads' });
    expect(Role).toEqual({
      Path: '/',
      RoleName: 'Auditor',
      RoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}$/),
      Arn: `arn:aws:iam::${ACCOUNT}:role/Auditor`,
      CreateDate: new Date('2025-01-06T09:00:00Z'),
      AssumeRolePolicyDocument: encodeURIComponent(trust),
      Description: 'reads',
    });
    expect(iam('GetRole', { RoleName: 'Auditor' }).Role).toMatchObject({ MaxSessionDuration: 3600, RoleLastUsed: {} });
  });

  it('validates the trust policy: a Principal is required and Resource is refused', () => {
    const { iam } = account();
    expect(refusal(() => iam('CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: policy({ Effect: 'Allow', Action: 'sts:AssumeRole' }) }))).toEqual([
      'MalformedPolicyDocument',
      400,
      'Missing required field Principal',
    ]);
    expect(refusal(() => iam('CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Resource: '*' }) }))[2]).toBe(
      'Has prohibited field Resource.',
    );
    expect(iam('ListRoles').Roles).toEqual([]);
  });

  it('replaces the trust policy with UpdateAssumeRolePolicy', () => {
    const { iam } = account();
    iam('CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: trustUser('alice') });
    iam('UpdateAssumeRolePolicy', { RoleName: 'r', PolicyDocument: trustUser('bob') });
    expect(decodeURIComponent(iam('GetRole', { RoleName: 'r' }).Role.AssumeRolePolicyDocument)).toBe(trustUser('bob'));
  });

  it('keeps MaxSessionDuration between one and twelve hours', () => {
    const { iam } = account();
    expect(refusal(() => iam('CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: trustUser('a'), MaxSessionDuration: 600 }))).toEqual([
      'ValidationError',
      400,
      "1 validation error detected: Value '600' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
    ]);
  });
});
