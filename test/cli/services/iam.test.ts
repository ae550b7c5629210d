import { describe, expect, it } from 'vitest';
import { runAwsLine } from '../../../src/cli/index.js';
import { testContext } from '../support.js';

/**
 * botocore's after-call.iam handler (json_decode_policies): IAM returns policy documents
 * URL-encoded, and the CLI prints them decoded as JSON, checked against /usr/bin/aws.
 * https://docs.aws.amazon.com/cli/latest/reference/iam/get-user-policy.html
 */
describe('aws iam prints policy documents decoded', () => {
  it('get-user-policy shows PolicyDocument as JSON, not %7B…', () => {
    const ctx = testContext();
    expect(runAwsLine('aws iam create-user --user-name alice', ctx).exitCode).toBe(0);
    const put = runAwsLine(`aws iam put-user-policy --user-name alice --policy-name read --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}'`, ctx);
    expect(put).toMatchObject({ exitCode: 0, stdout: '' });
    const got = runAwsLine('aws iam get-user-policy --user-name alice --policy-name read', ctx);
    expect(got.stdout).toBe(
      '{\n    "UserName": "alice",\n    "PolicyName": "read",\n    "PolicyDocument": {\n        "Version": "2012-10-17",\n        "Statement": [\n            {\n                "Effect": "Allow",\n                "Action": "s3:Get*",\n                "Resource": "*"\n            }\n        ]\n    }\n}\n',
    );
  });

  it('decodes documents inside lists and nested structures (get-role, get-policy-version)', () => {
    const ctx = testContext();
    runAwsLine(`aws iam create-role --role-name r --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'`, ctx);
    const role = JSON.parse(runAwsLine('aws iam get-role --role-name r', ctx).stdout) as { Role: { AssumeRolePolicyDocument: unknown } };
    expect(role.Role.AssumeRolePolicyDocument).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    const version = JSON.parse(runAwsLine('aws iam get-policy-version --policy-arn arn:aws:iam::aws:policy/AdministratorAccess --version-id v1', ctx).stdout) as { PolicyVersion: { Document: unknown } };
    expect(version.PolicyVersion.Document).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
  });

  it('prints IAM errors with their code and message', () => {
    const result = runAwsLine('aws iam get-user --user-name bob', testContext());
    expect(result).toMatchObject({ exitCode: 254, stdout: '' });
    expect(result.stderr.trim()).toBe('aws: [ERROR]: An error occurred (NoSuchEntity) when calling the GetUser operation: The user with name bob cannot be found.');
  });
});
