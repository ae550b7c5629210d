// IAM's grammar checks and their MalformedPolicyDocument messages:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html (MalformedPolicyDocument)
import { describe, expect, it } from 'vitest';
import { parsePolicyText, PolicyDocumentError, type PolicyKind } from '../../../../src/runtime/iam/policy/index.js';

const allow = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
const doc = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

function refusal(text: string, kind: PolicyKind = 'identity'): string {
  try {
    parsePolicyText(text, kind);
  } catch (error) {
    if (error instanceof PolicyDocumentError) return error.message;
    throw error;
  }
  throw new Error('accepted');
}

describe('policy grammar', () => {
  it('normalises string-or-list elements to lists and keeps each Sid', () => {
    const policy = parsePolicyText(doc({ Sid: 'A', ...allow }, { Effect: 'Deny', NotAction: ['iam:*'], NotResource: 'arn:aws:s3:::x' }), 'identity');
    expect(policy.statements).toEqual([
      { index: 0, sid: 'A', effect: 'Allow', actions: ['s3:GetObject'], resources: ['*'], conditions: [], notActions: undefined, notResources: undefined, principal: undefined, notPrincipal: undefined },
      { index: 1, sid: undefined, effect: 'Deny', notActions: ['iam:*'], notResources: ['arn:aws:s3:::x'], conditions: [], actions: undefined, resources: undefined, principal: undefined, notPrincipal: undefined },
    ]);
  });

  it.each([
    ['text that is not JSON', '{"Version": "2012-10-17",'],
    ['a JSON array', '[]'],
    ['an unknown top-level element', JSON.stringify({ Version: '2012-10-17', Statement: [allow], Extra: 1 })],
    ['an unknown Version', JSON.stringify({ Version: '2020-01-01', Statement: [allow] })],
    ['no Statement', JSON.stringify({ Version: '2012-10-17' })],
    ['an empty Statement list', JSON.stringify({ Version: '2012-10-17', Statement: [] })],
    ['an unknown statement element', doc({ ...allow, Actions: 's3:*' })],
    ['both Action and NotAction', doc({ ...allow, NotAction: 's3:*' })],
    ['an Effect other than Allow or Deny', doc({ ...allow, Effect: 'Permit' })],
    ['an Action that is a number', doc({ ...allow, Action: 3 })],
    ['an unknown condition operator', doc({ ...allow, Condition: { StringEqualz: { 's3:prefix': 'a' } } })],
    ['a condition value that is an object', doc({ ...allow, Condition: { StringEquals: { 's3:prefix': { a: 1 } } } })],
  ])('refuses %s with "Syntax errors in policy."', (_what, text) => {
    expect(refusal(text)).toBe('Syntax errors in policy.');
  });

  it('wants Version 2012-10-17 in an IAM policy, but takes 2008-10-17 in a resource policy', () => {
    expect(refusal(JSON.stringify({ Statement: [allow] }))).toBe('Policy document must be version 2012-10-17 or greater.');
    expect(refusal(JSON.stringify({ Version: '2008-10-17', Statement: [allow] }))).toBe('Policy document must be version 2012-10-17 or greater.');
    expect(parsePolicyText(JSON.stringify({ Version: '2008-10-17', Statement: [{ ...allow, Principal: '*' }] }), 'resource').version).toBe('2008-10-17');
  });

  it('refuses an Effect in the wrong case as failing legacy parsing', () => {
    expect(refusal(doc({ ...allow, Effect: 'allow' }))).toBe('The policy failed legacy parsing');
  });

  it('refuses two statements with the same Sid', () => {
    expect(refusal(doc({ Sid: 'S', ...allow }, { Sid: 'S', ...allow }))).toBe('Statement IDs (SID) in a single policy must be unique.');
  });

  it('refuses a statement without actions or resources', () => {
    expect(refusal(doc({ Effect: 'Allow', Resource: '*' }))).toBe('Policy statement must contain actions.');
    expect(refusal(doc({ Effect: 'Allow', Action: [], Resource: '*' }))).toBe('Policy statement must contain actions.');
    expect(refusal(doc({ Effect: 'Allow', Action: 's3:*' }))).toBe('Policy statement must contain resources.');
  });

  it('names a resource that is not an ARN or in no known partition', () => {
    expect(refusal(doc({ ...allow, Resource: 'my-bucket' }))).toBe('Resource my-bucket must be in ARN format or "*".');
    expect(refusal(doc({ ...allow, Resource: 'arn:amazon:s3:::b' }))).toBe('Partition "amazon" is not valid for resource "arn:amazon:s3:::b".');
    expect(refusal(doc({ ...allow, Resource: 'arn:aws:iam:us-east-1:123456789012:user/a' }))).toBe('IAM resource arn:aws:iam:us-east-1:123456789012:user/a cannot contain region information.');
  });

  it('names an action without a vendor prefix, with two colons, or with a bad vendor', () => {
    expect(refusal(doc({ ...allow, Action: 'GetObject' }))).toBe('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.');
    expect(refusal(doc({ ...allow, Action: 's3:Get:Object' }))).toBe('Actions/Condition can contain only one colon.');
    expect(refusal(doc({ ...allow, Action: 's3!:GetObject' }))).toBe('Vendor s3! is not valid');
  });

  it('refuses a Principal in an identity policy', () => {
    expect(refusal(doc({ ...allow, Principal: '*' }))).toBe('Policy document should not specify a principal.');
  });

  it('wants a Principal and sts actions, and no Resource, in a trust policy', () => {
    const trust = { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' };
    expect(parsePolicyText(doc(trust), 'trust').statements[0]!.principal).toEqual({ Service: ['ec2.amazonaws.com'] });
    expect(refusal(doc({ ...trust, Action: 's3:GetObject' }), 'trust')).toBe(
      'Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity',
    );
    expect(refusal(doc({ ...trust, Resource: '*' }), 'trust')).toBe('Has prohibited field Resource.');
    expect(refusal(doc({ Effect: 'Allow', Action: 'sts:AssumeRole' }), 'trust')).toBe('Missing required field Principal');
  });
});
