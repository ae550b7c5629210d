/**
 * "The meaning of public": S3 calls a bucket policy public when one of its Allow statements
 * grants to everyone (Principal "*", {"AWS": "*"}, or a NotPrincipal) without a condition that
 * pins the request to fixed values of the keys S3 lists (aws:SourceIp to a CIDR narrower than
 * the whole internet, aws:SourceArn, aws:SourceVpc, aws:SourceVpce, aws:SourceOwner,
 * aws:SourceAccount, aws:PrincipalOrgID, aws:PrincipalAccount, aws:userid,
 * s3:x-amz-server-side-encryption-aws-kms-key-id).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
 */
import type { PolicyStatement } from './policy-document.js';

const FIXING_KEYS = new Set([
  'aws:sourcearn', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourceowner', 'aws:sourceaccount', 'aws:principalorgid',
  'aws:principalaccount', 'aws:userid', 's3:x-amz-server-side-encryption-aws-kms-key-id',
]);
/** Operators that narrow a key to the values given; Not… and …IfExists operators do not. */
const FIXING_OPERATORS = new Set(['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike']);

export function isPublicPolicy(statements: readonly PolicyStatement[]): boolean {
  return statements.some(isPublicStatement);
}

function isPublicStatement(statement: PolicyStatement): boolean {
  if (statement.Effect !== 'Allow') return false;
  const everyone = statement.NotPrincipal !== undefined || grantsEveryone(statement.Principal);
  return everyone && !fixedByCondition(statement.Condition);
}

function grantsEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  const aws = (principal as Record<string, unknown>).AWS;
  return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
}

function fixedByCondition(condition: unknown): boolean {
  if (typeof condition !== 'object' || condition === null) return false;
  for (const [operator, block] of Object.entries(condition)) {
    if (typeof block !== 'object' || block === null) continue;
    const op = operator.toLowerCase().replace(/^for(any|all)value:/, '');
    for (const [key, value] of Object.entries(block)) {
      const values = (Array.isArray(value) ? value : [value]).map(String);
      if (values.length === 0) continue;
      const name = key.toLowerCase();
      if (name === 'aws:sourceip' && op === 'ipaddress' && values.every((cidr) => !/\/0$/.test(cidr))) return true;
      if (FIXING_KEYS.has(name) && FIXING_OPERATORS.has(op) && values.every((v) => !/[*?]/.test(v))) return true;
    }
  }
  return false;
}
