// Policy evaluation logic within one account:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../src/runtime/iam/policy/index.js';
import { alice, anonymous, identity, request, resource, root, session, ACCOUNT } from './helpers.js';

const OBJECT = 'arn:aws:s3:::reports/q1.csv';
const readReports = identity('ReadReports', { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' });

describe('evaluate: deny, allow, implicit deny', () => {
  it('denies implicitly when no policy has a matching statement, naming no statement', () => {
    expect(evaluate(request('s3:GetObject', OBJECT), [])).toEqual({ decision: 'implicitDeny', deciding: [] });
    expect(evaluate(request('s3:PutObject', OBJECT), [readReports])).toEqual({ decision: 'implicitDeny', deciding: [] });
  });

  it('allows on an identity policy Allow, naming the statement with its Sid and index', () => {
    expect(evaluate(request('s3:GetObject', OBJECT), [readReports])).toEqual({
      decision: 'allowed',
      deciding: [{ source: readReports, index: 0, sid: 'Read' }],
    });
  });

  it('lets an explicit Deny in any policy win over Allows elsewhere, naming every Deny that matched', () => {
    const deny = identity('NoReports', { Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', Action: 's3:Get*', Resource: 'arn:aws:s3:::reports/*' });
    const decision = evaluate(request('s3:GetObject', OBJECT), [readReports, deny]);
    expect(decision).toEqual({ decision: 'explicitDeny', deciding: [{ source: deny, index: 1 }] });
  });

  it('lets a bucket policy Deny win over an identity Allow', () => {
    const bucket = resource({ Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' });
    expect(evaluate(request('s3:GetObject', OBJECT), [readReports, bucket]).decision).toBe('explicitDeny');
  });

  it('allows in the same account on a resource policy Allow naming the principal, with no identity policy', () => {
    const bucket = resource({ Effect: 'Allow', Principal: { AWS: alice.arn }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' });
    expect(evaluate(request('s3:GetObject', OBJECT), [bucket])).toEqual({ decision: 'allowed', deciding: [{ source: bucket, index: 0 }] });
  });

  it('does not grant a user access through a resource policy that names only its account', () => {
    const bucket = resource({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 's3:GetObject', Resource: '*' });
    expect(evaluate(request('s3:GetObject', OBJECT), [bucket]).decision).toBe('implicitDeny');
    expect(evaluate(request('s3:GetObject', OBJECT, root), [bucket]).decision).toBe('allowed');
  });

  it('reaches every principal of an account with a Deny naming the account', () => {
    const bucket = resource({ Effect: 'Deny', Principal: { AWS: ACCOUNT }, Action: 's3:*', Resource: '*' });
    expect(evaluate(request('s3:GetObject', OBJECT), [readReports, bucket]).decision).toBe('explicitDeny');
  });

  it('ignores identity policies for the root user, which only a resource policy Deny stops', () => {
    const denyAll = identity('DenyAll', { Effect: 'Deny', Action: '*', Resource: '*' });
    expect(evaluate(request('s3:DeleteBucket', 'arn:aws:s3:::reports', root), [denyAll])).toEqual({ decision: 'allowed', deciding: [] });
    const bucket = resource({ Effect: 'Deny', Principal: '*', Action: 's3:DeleteBucket', Resource: 'arn:aws:s3:::reports' });
    expect(evaluate(request('s3:DeleteBucket', 'arn:aws:s3:::reports', root), [bucket]).decision).toBe('explicitDeny');
  });

  it('lets an anonymous caller in only through a resource policy Principal "*"', () => {
    expect(evaluate(request('s3:GetObject', OBJECT, anonymous), [readReports]).decision).toBe('implicitDeny');
    const publicRead = resource({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' });
    expect(evaluate(request('s3:GetObject', OBJECT, anonymous), [publicRead]).decision).toBe('allowed');
    const named = resource({ Effect: 'Allow', Principal: { AWS: alice.arn }, Action: 's3:GetObject', Resource: '*' });
    expect(evaluate(request('s3:GetObject', OBJECT, anonymous), [named]).decision).toBe('implicitDeny');
  });

  it("matches a role's sessions by the role's ARN in a resource policy Principal", () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-roles
    const bucket = resource({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/Auditor` }, Action: 's3:GetObject', Resource: '*' });
    expect(evaluate(request('s3:GetObject', OBJECT, session), [bucket]).decision).toBe('allowed');
    const other = resource({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/Other` }, Action: 's3:GetObject', Resource: '*' });
    expect(evaluate(request('s3:GetObject', OBJECT, session), [other]).decision).toBe('implicitDeny');
  });

  it('applies a NotPrincipal Deny to everyone but the principals it names', () => {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
    const bucket = resource({ Effect: 'Deny', NotPrincipal: { AWS: [alice.arn, `arn:aws:iam::${ACCOUNT}:root`] }, Action: 's3:*', Resource: '*' });
    const allowAll = identity('All', { Effect: 'Allow', Action: 's3:*', Resource: '*' });
    expect(evaluate(request('s3:GetObject', OBJECT), [allowAll, bucket]).decision).toBe('allowed');
    expect(evaluate(request('s3:GetObject', OBJECT, session), [allowAll, bucket]).decision).toBe('explicitDeny');
  });

  it('accepts a lone Statement object, the index then being 0', () => {
    const single = { kind: 'identity' as const, name: 'One', document: { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::reports' } } };
    expect(evaluate(request('s3:ListBucket', 'arn:aws:s3:::reports'), [single])).toEqual({ decision: 'allowed', deciding: [{ source: single, index: 0 }] });
  });
});

describe('evaluate: Action, NotAction, Resource, NotResource', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
  it('matches actions case-insensitively, with * and ? wildcards', () => {
    const policy = identity('P', { Effect: 'Allow', Action: ['S3:getobj?ct', 'ec2:Describe*'], Resource: '*' });
    expect(evaluate(request('s3:GetObject', OBJECT), [policy]).decision).toBe('allowed');
    expect(evaluate(request('ec2:DescribeInstances', '*'), [policy]).decision).toBe('allowed');
    expect(evaluate(request('ec2:RunInstances', '*'), [policy]).decision).toBe('implicitDeny');
  });

  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
  it('matches ARNs case-sensitively', () => {
    const policy = identity('P', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::Reports/*' });
    expect(evaluate(request('s3:GetObject', OBJECT), [policy]).decision).toBe('implicitDeny');
    expect(evaluate(request('s3:GetObject', 'arn:aws:s3:::Reports/q1.csv'), [policy]).decision).toBe('allowed');
  });

  it('keeps a wildcard inside its ARN segment, while the resource segment may hold / and :', () => {
    const policy = identity('P', { Effect: 'Allow', Action: 'iam:GetUser', Resource: 'arn:aws:iam::*:user/*' });
    expect(evaluate(request('iam:GetUser', `arn:aws:iam::${ACCOUNT}:user/team/alice`), [policy]).decision).toBe('allowed');
    expect(evaluate(request('iam:GetUser', `arn:aws:iam::${ACCOUNT}:role/alice`), [policy]).decision).toBe('implicitDeny');
    const bucketOnly = identity('B', { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::reports' });
    expect(evaluate(request('s3:GetObject', OBJECT), [bucketOnly]).decision).toBe('implicitDeny');
  });

  it('covers every action but the listed ones with NotAction', () => {
    const policy = identity('P', { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' });
    expect(evaluate(request('s3:GetObject', OBJECT), [policy]).decision).toBe('allowed');
    expect(evaluate(request('iam:CreateUser', '*'), [policy]).decision).toBe('implicitDeny');
  });

  it('covers every resource but the listed ones with NotResource', () => {
    const policy = identity('P', { Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'] }, { Effect: 'Allow', Action: 's3:*', Resource: '*' });
    expect(evaluate(request('s3:GetObject', OBJECT), [policy]).decision).toBe('allowed');
    expect(evaluate(request('s3:GetObject', 'arn:aws:s3:::payroll/x'), [policy]).decision).toBe('explicitDeny');
  });
});

describe('evaluate: policy variables', () => {
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
  const home = identity('Home', { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/*' });

  it("replaces ${aws:username} with the user's name", () => {
    expect(evaluate(request('s3:GetObject', 'arn:aws:s3:::home/alice/notes.txt'), [home]).decision).toBe('allowed');
    expect(evaluate(request('s3:GetObject', 'arn:aws:s3:::home/bob/notes.txt'), [home]).decision).toBe('implicitDeny');
  });

  it('matches nothing when the key is absent (a role session has no aws:username), unless a default is given', () => {
    expect(evaluate(request('s3:GetObject', 'arn:aws:s3:::home/Auditor/x', session), [home]).decision).toBe('implicitDeny');
    const withDefault = identity('D', { Effect: 'Allow', Action: 's3:*', Resource: "arn:aws:s3:::home/${aws:username, 'shared'}/*" });
    expect(evaluate(request('s3:GetObject', 'arn:aws:s3:::home/shared/x', session), [withDefault]).decision).toBe('allowed');
  });

  it('reads ${*} as a literal asterisk, not a wildcard', () => {
    const literal = identity('L', { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/${*}' });
    expect(evaluate(request('s3:GetObject', 'arn:aws:s3:::b/*'), [literal]).decision).toBe('allowed');
    expect(evaluate(request('s3:GetObject', 'arn:aws:s3:::b/x'), [literal]).decision).toBe('implicitDeny');
  });

  it('leaves variables as text in a Version 2008-10-17 document', () => {
    const old = { kind: 'resource' as const, name: 'bucket policy', document: { Version: '2008-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/*' }] } };
    expect(evaluate(request('s3:GetObject', 'arn:aws:s3:::home/alice/x'), [old]).decision).toBe('implicitDeny');
    expect(evaluate(request('s3:GetObject', 'arn:aws:s3:::home/${aws:username}/x'), [old]).decision).toBe('allowed');
  });
});
