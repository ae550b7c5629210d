// Managed and inline policies:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicyVersion.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListPolicies.html
import { describe, expect, it } from 'vitest';
import { account, policy, refusal, ACCOUNT } from './helpers.js';

const readS3 = policy({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' });
const ARN = `arn:aws:iam::${ACCOUNT}:policy/ReadS3`;

describe('customer managed policies', () => {
  it('creates a policy at version v1, unattached', () => {
    const { iam } = account();
    expect(iam('CreatePolicy', { PolicyName: 'ReadS3', PolicyDocument: readS3 }).Policy).toEqual({
      PolicyName: 'ReadS3',
      PolicyId: expect.stringMatching(/^ANPA[A-Z2-7]{17}$/),
      Arn: ARN,
      Path: '/',
      DefaultVersionId: 'v1',
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      CreateDate: new Date('2025-01-06T09:00:00Z'),
      UpdateDate: new Date('2025-01-06T09:00:00Z'),
    });
    expect(iam('GetPolicyVersion', { PolicyArn: ARN, VersionId: 'v1' }).PolicyVersion).toEqual({
      Document: encodeURIComponent(readS3).replace(/\*/g, '%2A'),
      VersionId: 'v1',
      IsDefaultVersion: true,
      CreateDate: new Date('2025-01-06T09:00:00Z'),
    });
  });

  it('refuses a malformed document with MalformedPolicyDocument, and a duplicate name', () => {
    const { iam } = account();
    expect(refusal(() => iam('CreatePolicy', { PolicyName: 'P', PolicyDocument: policy({ Effect: 'Allow', Action: 's3:*' }) }))).toEqual([
      'MalformedPolicyDocument',
      400,
      'Policy statement must contain resources.',
    ]);
    iam('CreatePolicy', { PolicyName: 'ReadS3', PolicyDocument: readS3 });
    expect(refusal(() => iam('CreatePolicy', { PolicyName: 'ReadS3', PolicyDocument: readS3 }))).toEqual([
      'EntityAlreadyExists',
      409,
      'A policy called ReadS3 already exists. Duplicate names are not allowed.',
    ]);
  });

  it('keeps up to five versions: a sixth is LimitExceeded; SetAsDefault moves the default', () => {
    const { iam } = account();
    iam('CreatePolicy', { PolicyName: 'ReadS3', PolicyDocument: readS3 });
    expect(iam('CreatePolicyVersion', { PolicyArn: ARN, PolicyDocument: readS3 }).PolicyVersion).toMatchObject({ VersionId: 'v2', IsDefaultVersion: false });
    expect(iam('CreatePolicyVersion', { PolicyArn: ARN, PolicyDocument: readS3, SetAsDefault: true }).PolicyVersion).toMatchObject({ VersionId: 'v3', IsDefaultVersion: true });
    iam('CreatePolicyVersion', { PolicyArn: ARN, PolicyDocument: readS3 });
    iam('CreatePolicyVersion', { PolicyArn: ARN, PolicyDocument: readS3 });
    expect(refusal(() => iam('CreatePolicyVersion', { PolicyArn: ARN, PolicyDocument: readS3 }))).toEqual([
      'LimitExceeded',
      409,
      'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    ]);
    expect(iam('GetPolicy', { PolicyArn: ARN }).Policy.DefaultVersionId).toBe('v3');
    expect(iam('ListPolicyVersions', { PolicyArn: ARN }).Versions.map((v: { VersionId: string }) => v.VersionId)).toEqual(['v5', 'v4', 'v3', 'v2', 'v1']);
  });

  it('never reuses a deleted version number, and will not delete the default version', () => {
    const { iam } = account();
    iam('CreatePolicy', { PolicyName: 'ReadS3', PolicyDocument: readS3 });
    iam('CreatePolicyVersion', { PolicyArn: ARN, PolicyDocument: readS3 });
    iam('DeletePolicyVersion', { PolicyArn: ARN, VersionId: 'v2' });
    expect(iam('CreatePolicyVersion', { PolicyArn: ARN, PolicyDocument: readS3 }).PolicyVersion.VersionId).toBe('v3');
    expect(refusal(() => iam('DeletePolicyVersion', { PolicyArn: ARN, VersionId: 'v1' }))).toEqual(['DeleteConflict', 409, 'Cannot delete the default version of a policy.']);
    iam('SetDefaultPolicyVersion', { PolicyArn: ARN, VersionId: 'v3' });
    expect(iam('GetPolicy', { PolicyArn: ARN }).Policy.DefaultVersionId).toBe('v3');
  });

  it('names a missing policy or version as IAM does', () => {
    const { iam } = account();
    expect(refusal(() => iam('GetPolicy', { PolicyArn: ARN }))).toEqual(['NoSuchEntity', 404, `Policy ${ARN} was not found.`]);
    iam('CreatePolicy', { PolicyName: 'ReadS3', PolicyDocument: readS3 });
    expect(refusal(() => iam('GetPolicyVersion', { PolicyArn: ARN, VersionId: 'v9' }))).toEqual(['NoSuchEntity', 404, `Policy ${ARN} version v9 does not exist or is not attachable.`]);
  });

  it('refuses to delete a policy that is attached, counting its attachments', () => {
    const { iam } = account();
    iam('CreatePolicy', { PolicyName: 'ReadS3', PolicyDocument: readS3 });
    iam('CreateUser', { UserName: 'alice' });
    iam('AttachUserPolicy', { UserName: 'alice', PolicyArn: ARN });
    expect(iam('GetPolicy', { PolicyArn: ARN }).Policy.AttachmentCount).toBe(1);
    expect(refusal(() => iam('DeletePolicy', { PolicyArn: ARN }))).toEqual(['DeleteConflict', 409, 'Cannot delete a policy attached to entities.']);
    iam('DetachUserPolicy', { UserName: 'alice', PolicyArn: ARN });
    expect(iam('DeletePolicy', { PolicyArn: ARN })).toEqual({});
  });
});

describe('AWS managed policies', () => {
  it('exist in every account with their real documents (AmazonS3ReadOnlyAccess v3)', () => {
    const { iam } = account();
    const arn = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
    expect(iam('GetPolicy', { PolicyArn: arn }).Policy).toMatchObject({ PolicyName: 'AmazonS3ReadOnlyAccess', DefaultVersionId: 'v3', Path: '/' });
    const document = JSON.parse(decodeURIComponent(iam('GetPolicyVersion', { PolicyArn: arn, VersionId: 'v3' }).PolicyVersion.Document));
    expect(document).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'], Resource: '*' }] });
  });

  it('lists by scope: AWS, Local or All, and OnlyAttached', () => {
    const { iam } = account();
    iam('CreatePolicy', { PolicyName: 'ReadS3', PolicyDocument: readS3 });
    const names = (input: Record<string, unknown>) => iam('ListPolicies', input).Policies.map((p: { PolicyName: string }) => p.PolicyName);
    expect(names({ Scope: 'Local' })).toEqual(['ReadS3']);
    expect(names({ Scope: 'AWS' })).toEqual(['AdministratorAccess', 'AmazonEC2ReadOnlyAccess', 'AmazonS3FullAccess', 'AmazonS3ReadOnlyAccess', 'IAMReadOnlyAccess', 'ReadOnlyAccess']);
    expect(names({})).toHaveLength(7);
    iam('CreateGroup', { GroupName: 'g' });
    iam('AttachGroupPolicy', { GroupName: 'g', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' });
    expect(names({ OnlyAttached: true })).toEqual(['IAMReadOnlyAccess']);
  });

  it('cannot be changed', () => {
    const { iam } = account();
    expect(refusal(() => iam('CreatePolicyVersion', { PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess', PolicyDocument: readS3 }))).toEqual([
      'InvalidInput',
      400,
      'Cannot modify an AWS managed policy: arn:aws:iam::aws:policy/AdministratorAccess',
    ]);
  });
});

describe('attaching and inline policies', () => {
  it('attaches to users, groups and roles alike; attaching twice is one attachment', () => {
    const { iam } = account();
    iam('CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }) });
    iam('AttachRolePolicy', { RoleName: 'r', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' });
    iam('AttachRolePolicy', { RoleName: 'r', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' });
    expect(iam('ListAttachedRolePolicies', { RoleName: 'r' })).toEqual({ AttachedPolicies: [{ PolicyName: 'AmazonS3FullAccess', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3FullAccess' }], IsTruncated: false });
  });

  it('refuses a policy ARN that names nothing, and detaching one not attached', () => {
    const { iam } = account();
    iam('CreateGroup', { GroupName: 'g' });
    const arn = `arn:aws:iam::${ACCOUNT}:policy/Nope`;
    expect(refusal(() => iam('AttachGroupPolicy', { GroupName: 'g', PolicyArn: arn }))).toEqual(['NoSuchEntity', 404, `Policy ${arn} does not exist or is not attachable.`]);
    expect(refusal(() => iam('DetachGroupPolicy', { GroupName: 'g', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }))).toEqual([
      'NoSuchEntity',
      404,
      'Policy arn:aws:iam::aws:policy/ReadOnlyAccess was not found.',
    ]);
  });

  it('puts, gets, lists and deletes inline policies; a second put under the name replaces the first', () => {
    const { iam } = account();
    iam('CreateUser', { UserName: 'alice' });
    iam('PutUserPolicy', { UserName: 'alice', PolicyName: 'read', PolicyDocument: readS3 });
    const writeS3 = policy({ Effect: 'Allow', Action: 's3:Put*', Resource: '*' });
    iam('PutUserPolicy', { UserName: 'alice', PolicyName: 'read', PolicyDocument: writeS3 });
    const got = iam('GetUserPolicy', { UserName: 'alice', PolicyName: 'read' });
    expect([got.UserName, got.PolicyName, decodeURIComponent(got.PolicyDocument)]).toEqual(['alice', 'read', writeS3]);
    expect(iam('ListUserPolicies', { UserName: 'alice' })).toEqual({ PolicyNames: ['read'], IsTruncated: false });
    iam('DeleteUserPolicy', { UserName: 'alice', PolicyName: 'read' });
    expect(refusal(() => iam('GetUserPolicy', { UserName: 'alice', PolicyName: 'read' }))).toEqual(['NoSuchEntity', 404, 'The user policy with name read cannot be found.']);
  });

  it('validates an inline policy like a managed one', () => {
    const { iam } = account();
    iam('CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }) });
    expect(refusal(() => iam('PutRolePolicy', { RoleName: 'r', PolicyName: 'p', PolicyDocument: '{"Version": "2012-10-17"' }))).toEqual(['MalformedPolicyDocument', 400, 'Syntax errors in policy.']);
    expect(refusal(() => iam('GetRolePolicy', { RoleName: 'r', PolicyName: 'p' }))[2]).toBe('The role policy with name p cannot be found.');
  });
});

describe('access keys', () => {
  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html
  it('creates an Active AKIA key with its secret, which ListAccessKeys never shows', () => {
    const { iam } = account();
    iam('CreateUser', { UserName: 'alice' });
    const { AccessKey } = iam('CreateAccessKey', { UserName: 'alice' });
    expect(AccessKey).toEqual({ UserName: 'alice', AccessKeyId: expect.stringMatching(/^AKIA[A-Z2-7]{16}$/), Status: 'Active', SecretAccessKey: expect.stringMatching(/^[A-Za-z0-9+/]{40}$/), CreateDate: new Date('2025-01-06T09:00:00Z') });
    expect(iam('ListAccessKeys', { UserName: 'alice' }).AccessKeyMetadata).toEqual([{ UserName: 'alice', AccessKeyId: AccessKey.AccessKeyId, Status: 'Active', CreateDate: new Date('2025-01-06T09:00:00Z') }]);
  });

  it('allows two keys per user: a third is LimitExceeded', () => {
    const { iam } = account();
    iam('CreateUser', { UserName: 'alice' });
    iam('CreateAccessKey', { UserName: 'alice' });
    iam('CreateAccessKey', { UserName: 'alice' });
    expect(refusal(() => iam('CreateAccessKey', { UserName: 'alice' }))).toEqual(['LimitExceeded', 409, 'Cannot exceed quota for AccessKeysPerUser: 2']);
  });

  it('deactivates a key, after which it names no one; deletes it', () => {
    const { iam, world } = account();
    iam('CreateUser', { UserName: 'alice' });
    const id = iam('CreateAccessKey', { UserName: 'alice' }).AccessKey.AccessKeyId;
    expect(world.principalForAccessKey(id)).toEqual({ type: 'user', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT, name: 'alice' });
    iam('UpdateAccessKey', { UserName: 'alice', AccessKeyId: id, Status: 'Inactive' });
    expect(iam('ListAccessKeys', { UserName: 'alice' }).AccessKeyMetadata[0].Status).toBe('Inactive');
    expect(world.principalForAccessKey(id)).toBeUndefined();
    iam('DeleteAccessKey', { UserName: 'alice', AccessKeyId: id });
    expect(refusal(() => iam('DeleteAccessKey', { UserName: 'alice', AccessKeyId: id }))).toEqual(['NoSuchEntity', 404, `The Access Key with id ${id} cannot be found.`]);
  });
});
