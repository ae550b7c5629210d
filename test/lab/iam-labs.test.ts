/**
 * The IAM and bucket policy labs grade by effect (access: checks): a correct policy spelt
 * unlike the reference solution must score full marks, a partial one part, a wrong one nothing.
 */
import { describe, expect, it } from 'vitest';
import { playLab, pointsByTask, whyOf } from './play-lab.js';

const play = playLab;

const points = pointsByTask;
const why = whyOf;

const userAndGroup = ['aws iam create-user --user-name auditor', 'aws iam create-group --group-name auditors', 'aws iam add-user-to-group --group-name auditors --user-name auditor'];

describe('iam-least-privilege-auditor', () => {
  it('gives full marks for a customer managed policy attached to the group, one statement over both ARNs', () => {
    const { grade } = play('iam-least-privilege-auditor', [
      ...userAndGroup,
      `echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject"],"Resource":["arn:aws:s3:::reports-{{suffix}}","arn:aws:s3:::reports-{{suffix}}/*"]}]}' > audit.json`,
      'aws iam create-policy --policy-name ReportsReadOnly --policy-document file://audit.json',
      'aws iam attach-group-policy --group-name auditors --policy-arn arn:aws:iam::{{account}}:policy/ReportsReadOnly',
      'aws iam create-access-key --user-name auditor',
    ]);
    expect(points(grade)).toEqual({ 'user-in-group': 5, 'can-read-reports': 10, 'nothing-more': 15, 'access-key': 5 });
  });

  it("gives part marks for the colleague's draft (s3:* on *), naming the statement that allows too much", () => {
    const { grade, session } = play('iam-least-privilege-auditor', [...userAndGroup, 'aws iam put-group-policy --group-name auditors --policy-name draft --policy-document file://draft-policy.json']);
    expect(points(grade)).toEqual({ 'user-in-group': 5, 'can-read-reports': 10, 'nothing-more': 0, 'access-key': 0 });
    expect(why(grade, 'nothing-more')).toBe(
      session.fill('Expected user/auditor may not do s3:PutObject on arn:aws:s3:::reports-{{suffix}}/2024/q1-revenue.csv, but it is allowed by statement AuditEverything of draft.'),
    );
  });

  it('gives nothing for a policy that names only the bucket, which covers no object', () => {
    const { grade } = play('iam-least-privilege-auditor', [
      'aws iam create-user --user-name auditor',
      `echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject"],"Resource":"arn:aws:s3:::reports-{{suffix}}"}]}' > p.json`,
      'aws iam put-user-policy --user-name auditor --policy-name read --policy-document file://p.json',
    ]);
    expect(points(grade)).toEqual({ 'user-in-group': 0, 'can-read-reports': 0, 'nothing-more': 0, 'access-key': 0 });
  });
});

describe('s3-bucket-policy-role', () => {
  it('gives full marks for one Allow over the bucket and its objects, a TLS Deny on s3:*, and all four settings', () => {
    const { grade, session } = play('s3-bucket-policy-role', [
      `echo '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"s3:*","Resource":["arn:aws:s3:::shared-{{suffix}}/*","arn:aws:s3:::shared-{{suffix}}"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}},{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{account}}:role/ReportWriter"},"Action":["s3:ListBucket","s3:GetObject","s3:PutObject"],"Resource":["arn:aws:s3:::shared-{{suffix}}","arn:aws:s3:::shared-{{suffix}}/*"]}]}' > p.json`,
      'aws s3api put-bucket-policy --bucket shared-{{suffix}} --policy file://p.json',
      'aws s3api put-public-access-block --bucket shared-{{suffix}} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    ]);
    expect(points(grade)).toEqual({ 'public-out': 10, 'role-in': 15, 'block-public-access': 10, 'tls-only': 5 });
    // The public is refused.
    expect(session.run(session.fill('aws s3 cp s3://shared-{{suffix}}/daily/report.csv got.csv --no-sign-request')).result.exitCode).toBe(1);
  });

  it('gives part marks for deleting the policy and blocking public access, without letting the role in', () => {
    const { grade, session } = play('s3-bucket-policy-role', [
      'aws s3api delete-bucket-policy --bucket shared-{{suffix}}',
      'aws s3api put-public-access-block --bucket shared-{{suffix}} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    ]);
    expect(points(grade)).toEqual({ 'public-out': 10, 'role-in': 0, 'block-public-access': 10, 'tls-only': 0 });
    expect(why(grade, 'role-in')).toBe(
      session.fill('Expected role/ReportWriter may do s3:ListBucket on arn:aws:s3:::shared-{{suffix}}, but it is denied: no policy allows it (an implicit deny).'),
    );
  });

  it('gives nothing for a permissions policy on the role while the public policy stays', () => {
    const { grade } = play('s3-bucket-policy-role', [
      `echo '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}' > role.json`,
      'aws iam put-role-policy --role-name ReportWriter --policy-name s3 --policy-document file://role.json',
    ]);
    expect(points(grade)).toEqual({ 'public-out': 0, 'role-in': 0, 'block-public-access': 0, 'tls-only': 0 });
  });
});
