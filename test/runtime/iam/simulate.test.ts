// The policy simulator:
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_Statement.html
import { describe, expect, it } from 'vitest';
import { account, policy, refusal, ACCOUNT } from './helpers.js';

const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;

function auditor() {
  const { iam, world } = account();
  iam('CreateUser', { UserName: 'alice' });
  iam('CreateGroup', { GroupName: 'auditors' });
  iam('AddUserToGroup', { GroupName: 'auditors', UserName: 'alice' });
  iam('AttachGroupPolicy', { GroupName: 'auditors', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' });
  const deny = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "NoPayroll",\n      "Effect": "Deny",\n      "Action": "s3:*",\n      "Resource": "arn:aws:s3:::payroll/*"\n    }\n  ]\n}';
  iam('PutUserPolicy', { UserName: 'alice', PolicyName: 'no-payroll', PolicyDocument: deny });
  return { iam, world };
}

describe('SimulatePrincipalPolicy', () => {
  it("evaluates a user's own and its groups' policies, naming the deciding statement and where it sits", () => {
    const { iam } = auditor();
    const out = iam('SimulatePrincipalPolicy', { PolicySourceArn: ALICE, ActionNames: ['s3:GetObject', 's3:PutObject'], ResourceArns: ['arn:aws:s3:::reports/q1.csv', 'arn:aws:s3:::payroll/may.csv'] });
    expect(out.IsTruncated).toBe(false);
    expect(out.EvaluationResults).toEqual([
      {
        EvalActionName: 's3:GetObject',
        EvalResourceName: 'arn:aws:s3:::reports/q1.csv',
        EvalDecision: 'allowed',
        MatchedStatements: [{ SourcePolicyId: 'AmazonS3ReadOnlyAccess', SourcePolicyType: 'aws-managed', StartPosition: { Line: 1, Column: 38 }, EndPosition: { Line: 1, Column: 167 } }],
        MissingContextValues: [],
      },
      {
        EvalActionName: 's3:GetObject',
        EvalResourceName: 'arn:aws:s3:::payroll/may.csv',
        EvalDecision: 'explicitDeny',
        MatchedStatements: [{ SourcePolicyId: 'no-payroll', SourcePolicyType: 'user', StartPosition: { Line: 4, Column: 5 }, EndPosition: { Line: 9, Column: 6 } }],
        MissingContextValues: [],
      },
      { EvalActionName: 's3:PutObject', EvalResourceName: 'arn:aws:s3:::reports/q1.csv', EvalDecision: 'implicitDeny', MatchedStatements: [], MissingContextValues: [] },
      {
        EvalActionName: 's3:PutObject',
        EvalResourceName: 'arn:aws:s3:::payroll/may.csv',
        EvalDecision: 'explicitDeny',
        MatchedStatements: [{ SourcePolicyId: 'no-payroll', SourcePolicyType: 'user', StartPosition: { Line: 4, Column: 5 }, EndPosition: { Line: 9, Column: 6 } }],
        MissingContextValues: [],
      },
    ]);
  });

  it('simulates against resource * when no ResourceArns are given', () => {
    const { iam } = auditor();
    expect(iam('SimulatePrincipalPolicy', { PolicySourceArn: ALICE, ActionNames: ['s3:ListBucket'] }).EvaluationResults[0]).toMatchObject({ EvalResourceName: '*', EvalDecision: 'allowed' });
  });

  it('adds PolicyInputList policies, named PolicyInputList.N', () => {
    const { iam } = auditor();
    const extra = policy({ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' });
    const result = iam('SimulatePrincipalPolicy', { PolicySourceArn: ALICE, ActionNames: ['s3:PutObject'], PolicyInputList: [extra] }).EvaluationResults[0];
    expect(result).toMatchObject({ EvalDecision: 'allowed', MatchedStatements: [{ SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'none' }] });
  });

  it('takes context entries for conditions and lists the condition keys the request lacked', () => {
    const { iam } = account();
    iam('CreateUser', { UserName: 'alice' });
    iam('PutUserPolicy', { UserName: 'alice', PolicyName: 'office', PolicyDocument: policy({ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }) });
    const simulate = (entries?: object[]) => iam('SimulatePrincipalPolicy', { PolicySourceArn: ALICE, ActionNames: ['s3:GetObject'], ...(entries ? { ContextEntries: entries } : {}) }).EvaluationResults[0];
    expect(simulate()).toMatchObject({ EvalDecision: 'implicitDeny', MissingContextValues: ['aws:SourceIp'] });
    expect(simulate([{ ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['203.0.113.5'], ContextKeyType: 'ip' }])).toMatchObject({ EvalDecision: 'allowed', MissingContextValues: [] });
  });

  it("fills ${aws:username} from the simulated user's name", () => {
    const { iam } = account();
    iam('CreateUser', { UserName: 'alice' });
    iam('PutUserPolicy', { UserName: 'alice', PolicyName: 'home', PolicyDocument: policy({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/*' }) });
    const decide = (arn: string) => iam('SimulatePrincipalPolicy', { PolicySourceArn: ALICE, ActionNames: ['s3:GetObject'], ResourceArns: [arn] }).EvaluationResults[0].EvalDecision;
    expect([decide('arn:aws:s3:::home/alice/a'), decide('arn:aws:s3:::home/bob/a')]).toEqual(['allowed', 'implicitDeny']);
  });

  it("evaluates a role's policies and a resource policy given for the role", () => {
    const { iam } = account();
    iam('CreateRole', { RoleName: 'Reader', AssumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }) });
    const bucketPolicy = policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/Reader` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' });
    const result = iam('SimulatePrincipalPolicy', { PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/Reader`, ActionNames: ['s3:GetObject'], ResourceArns: ['arn:aws:s3:::reports/a'], ResourcePolicy: bucketPolicy }).EvaluationResults[0];
    expect(result).toMatchObject({ EvalDecision: 'allowed', MatchedStatements: [{ SourcePolicyId: 'ResourcePolicy', SourcePolicyType: 'resource' }] });
  });

  it('says NoSuchEntity for a principal that does not exist, and InvalidInput for an ARN that names none', () => {
    const { iam } = account();
    expect(refusal(() => iam('SimulatePrincipalPolicy', { PolicySourceArn: ALICE, ActionNames: ['s3:GetObject'] }))).toEqual(['NoSuchEntity', 404, 'The user with name alice cannot be found.']);
    expect(refusal(() => iam('SimulatePrincipalPolicy', { PolicySourceArn: 'alice', ActionNames: ['s3:GetObject'] }))[0]).toBe('InvalidInput');
  });
});

describe('SimulateCustomPolicy', () => {
  it('evaluates only the given policies', () => {
    const { iam } = account();
    const out = iam('SimulateCustomPolicy', { PolicyInputList: ['{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::teambucket"}}'], ActionNames: ['s3:ListBucket', 's3:GetObject'], ResourceArns: ['arn:aws:s3:::teambucket'] });
    expect(out.EvaluationResults.map((r: { EvalDecision: string }) => r.EvalDecision)).toEqual(['allowed', 'implicitDeny']);
    expect(out.EvaluationResults[0].MatchedStatements).toEqual([{ SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'none', StartPosition: { Line: 1, Column: 37 }, EndPosition: { Line: 1, Column: 117 } }]);
  });

  it('refuses a malformed input policy with MalformedPolicyDocument', () => {
    const { iam } = account();
    expect(refusal(() => iam('SimulateCustomPolicy', { PolicyInputList: [policy({ Effect: 'Allow', Action: 'GetObject', Resource: '*' })], ActionNames: ['s3:GetObject'] }))).toEqual([
      'MalformedPolicyDocument',
      400,
      'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
    ]);
  });
});
