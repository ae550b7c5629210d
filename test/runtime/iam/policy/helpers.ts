import type { AuthorizationRequest, Principal, PolicySource } from '../../../../src/runtime/iam/policy/index.js';

export const ACCOUNT = '123456789012';
export const alice: Principal = { type: 'user', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT, name: 'alice' };
export const root: Principal = { type: 'root', arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT };
export const anonymous: Principal = { type: 'anonymous', arn: '*', accountId: '' };
export const session: Principal = { type: 'assumed-role', arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Auditor/s1`, accountId: ACCOUNT, name: 'Auditor' };

export function identity(name: string, ...statements: object[]): PolicySource {
  return { kind: 'identity', name, document: { Version: '2012-10-17', Statement: statements } };
}

export function resource(...statements: object[]): PolicySource {
  return { kind: 'resource', name: 'bucket policy', document: { Version: '2012-10-17', Statement: statements } };
}

export function request(action: string, resourceArn: string, principal: Principal = alice, context?: AuthorizationRequest['context']): AuthorizationRequest {
  return { principal, action, resource: resourceArn, ...(context ? { context } : {}) };
}
