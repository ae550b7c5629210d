/**
 * The request context a policy's conditions and variables read: the caller's keys plus the
 * global keys AWS fills in from the principal. Key names are case-insensitive.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
import type { AuthorizationRequest, Principal } from './types.js';

export interface RequestContext {
  /** The key's values (a single-valued key gives one), or undefined when the request has no such key. */
  get(key: string): readonly string[] | undefined;
}

const PRINCIPAL_TYPES: Record<Principal['type'], string> = {
  root: 'Account',
  user: 'User',
  role: 'AssumedRole',
  'assumed-role': 'AssumedRole',
  anonymous: 'Anonymous',
};

/** The keys AWS adds to every request from who made it. */
function principalKeys(principal: Principal): Record<string, string> {
  const keys: Record<string, string> = { 'aws:PrincipalType': PRINCIPAL_TYPES[principal.type] };
  if (principal.type === 'anonymous') return keys;
  keys['aws:PrincipalArn'] = principal.arn;
  keys['aws:PrincipalAccount'] = principal.accountId;
  if (principal.type === 'user' && principal.name) keys['aws:username'] = principal.name;
  return keys;
}

export function requestContext(request: AuthorizationRequest): RequestContext {
  const values = new Map<string, readonly string[]>();
  for (const [key, value] of Object.entries(principalKeys(request.principal))) values.set(key.toLowerCase(), [value]);
  for (const [key, value] of Object.entries(request.context ?? {})) values.set(key.toLowerCase(), typeof value === 'string' ? [value] : value);
  return { get: (key) => values.get(key.toLowerCase()) };
}
