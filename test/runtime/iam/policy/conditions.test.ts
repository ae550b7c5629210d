// Condition operators and how they treat missing and multivalued keys:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../src/runtime/iam/policy/index.js';
import { alice, identity, request } from './helpers.js';

const OBJECT = 'arn:aws:s3:::reports/q1.csv';

function decide(condition: object, context?: Record<string, string | string[]>) {
  const policy = identity('P', { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: condition });
  return evaluate(request('s3:GetObject', OBJECT, alice, context), [policy]).decision;
}

describe('condition operators', () => {
  it('StringEquals matches exactly and case-sensitively; several policy values are alternatives', () => {
    expect(decide({ StringEquals: { 's3:prefix': ['home/', 'public/'] } }, { 's3:prefix': 'public/' })).toBe('allowed');
    expect(decide({ StringEquals: { 's3:prefix': 'Public/' } }, { 's3:prefix': 'public/' })).toBe('implicitDeny');
  });

  it('StringEqualsIgnoreCase ignores case', () => {
    expect(decide({ StringEqualsIgnoreCase: { 's3:prefix': 'PUBLIC/' } }, { 's3:prefix': 'public/' })).toBe('allowed');
  });

  it('StringNotEquals holds when the value is none of the policy values', () => {
    expect(decide({ StringNotEquals: { 's3:prefix': ['a', 'b'] } }, { 's3:prefix': 'c' })).toBe('allowed');
    expect(decide({ StringNotEquals: { 's3:prefix': ['a', 'b'] } }, { 's3:prefix': 'b' })).toBe('implicitDeny');
  });

  it('StringLike and StringNotLike take * and ? wildcards', () => {
    expect(decide({ StringLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'home/alice/' })).toBe('allowed');
    expect(decide({ StringNotLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'home/alice/' })).toBe('implicitDeny');
    expect(decide({ StringLike: { 's3:prefix': 'v?' } }, { 's3:prefix': 'v1' })).toBe('allowed');
  });

  it('matches context key names case-insensitively', () => {
    expect(decide({ StringEquals: { 'S3:Prefix': 'a' } }, { 's3:prefix': 'a' })).toBe('allowed');
  });

  it('Numeric operators compare numbers, and a non-number never matches', () => {
    expect(decide({ NumericLessThan: { 's3:max-keys': '10' } }, { 's3:max-keys': '9' })).toBe('allowed');
    expect(decide({ NumericLessThan: { 's3:max-keys': 10 } }, { 's3:max-keys': '10' })).toBe('implicitDeny');
    expect(decide({ NumericLessThanEquals: { 's3:max-keys': '10' } }, { 's3:max-keys': '10' })).toBe('allowed');
    expect(decide({ NumericGreaterThan: { 's3:max-keys': '10' } }, { 's3:max-keys': 'ten' })).toBe('implicitDeny');
    expect(decide({ NumericNotEquals: { 's3:max-keys': '10' } }, { 's3:max-keys': '11' })).toBe('allowed');
  });

  it('Date operators compare ISO 8601 dates and epoch seconds', () => {
    expect(decide({ DateLessThan: { 'aws:CurrentTime': '2025-02-01T00:00:00Z' } }, { 'aws:CurrentTime': '2025-01-06T09:00:00Z' })).toBe('allowed');
    expect(decide({ DateGreaterThan: { 'aws:EpochTime': '2025-02-01T00:00:00Z' } }, { 'aws:EpochTime': '1736154000' })).toBe('implicitDeny');
  });

  it('Bool compares true and false, as JSON booleans or strings', () => {
    expect(decide({ Bool: { 'aws:SecureTransport': true } }, { 'aws:SecureTransport': 'true' })).toBe('allowed');
    expect(decide({ Bool: { 'aws:SecureTransport': 'false' } }, { 'aws:SecureTransport': 'true' })).toBe('implicitDeny');
  });

  it('IpAddress and NotIpAddress test a CIDR range or a single address', () => {
    expect(decide({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '203.0.113.7' })).toBe('allowed');
    expect(decide({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '198.51.100.7' })).toBe('implicitDeny');
    expect(decide({ NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.7'] } }, { 'aws:SourceIp': '198.51.100.7' })).toBe('implicitDeny');
    expect(decide({ IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }, { 'aws:SourceIp': '2001:db8::1' })).toBe('allowed');
  });

  it('ArnLike and ArnEquals match ARNs with wildcards per segment; ArnNotLike turns it round', () => {
    const role = 'arn:aws:iam::123456789012:role/Auditor';
    expect(decide({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/ali*' } })).toBe('allowed');
    expect(decide({ ArnEquals: { 'aws:SourceArn': role } }, { 'aws:SourceArn': role })).toBe('allowed');
    expect(decide({ ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/*' } })).toBe('implicitDeny');
  });

  it('Null tests whether the request has the key', () => {
    expect(decide({ Null: { 'aws:SourceIp': 'true' } })).toBe('allowed');
    expect(decide({ Null: { 'aws:SourceIp': 'false' } })).toBe('implicitDeny');
    expect(decide({ Null: { 'aws:SourceIp': 'false' } }, { 'aws:SourceIp': '203.0.113.7' })).toBe('allowed');
  });

  it('requires every operator and every key of a block to hold', () => {
    const both = { StringEquals: { 's3:prefix': 'a' }, Bool: { 'aws:SecureTransport': 'true' } };
    expect(decide(both, { 's3:prefix': 'a', 'aws:SecureTransport': 'true' })).toBe('allowed');
    expect(decide(both, { 's3:prefix': 'a', 'aws:SecureTransport': 'false' })).toBe('implicitDeny');
  });

  it('fills the global keys from the principal: aws:username, aws:PrincipalArn, aws:PrincipalType', () => {
    expect(decide({ StringEquals: { 'aws:username': 'alice', 'aws:PrincipalType': 'User', 'aws:PrincipalArn': alice.arn } })).toBe('allowed');
  });

  it('replaces policy variables in condition values', () => {
    expect(decide({ StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, { 's3:prefix': 'home/alice/x' })).toBe('allowed');
    expect(decide({ StringLike: { 's3:prefix': 'home/${aws:username}/*' } }, { 's3:prefix': 'home/bob/x' })).toBe('implicitDeny');
  });
});

describe('missing keys, IfExists and set operators', () => {
  it('a missing key fails a positive operator and passes a negated one', () => {
    expect(decide({ StringEquals: { 's3:prefix': 'a' } })).toBe('implicitDeny');
    expect(decide({ StringNotEquals: { 's3:prefix': 'a' } })).toBe('allowed');
    expect(decide({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } })).toBe('allowed');
  });

  it('…IfExists passes when the key is missing and compares it when present', () => {
    expect(decide({ StringEqualsIfExists: { 's3:prefix': 'a' } })).toBe('allowed');
    expect(decide({ StringEqualsIfExists: { 's3:prefix': 'a' } }, { 's3:prefix': 'b' })).toBe('implicitDeny');
  });

  it('ForAnyValue holds when at least one request value matches, and fails on a missing key', () => {
    expect(decide({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team', 'cost'] } }, { 'aws:TagKeys': ['name', 'team'] })).toBe('allowed');
    expect(decide({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] } }, { 'aws:TagKeys': ['name'] })).toBe('implicitDeny');
    expect(decide({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] } })).toBe('implicitDeny');
  });

  it('ForAllValues holds when every request value matches, and also on a missing key', () => {
    expect(decide({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'cost'] } }, { 'aws:TagKeys': ['cost', 'team'] })).toBe('allowed');
    expect(decide({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } }, { 'aws:TagKeys': ['team', 'name'] })).toBe('implicitDeny');
    expect(decide({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } })).toBe('allowed');
  });

  it('ForAnyValue with a negated operator holds when some request value matches none of the policy values', () => {
    expect(decide({ 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['team'] } }, { 'aws:TagKeys': ['team', 'name'] })).toBe('allowed');
    expect(decide({ 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['team'] } }, { 'aws:TagKeys': ['team'] })).toBe('implicitDeny');
  });
});
