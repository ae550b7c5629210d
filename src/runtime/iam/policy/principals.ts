/**
 * The Principal and NotPrincipal elements of a resource-based policy: whom a statement is
 * about. Naming an account (its ID or `arn:aws:iam::ID:root`) delegates to the account: it is
 * the root itself, and a user or role of that account still needs its own identity-based
 * allow, though a Deny naming the account reaches all of them. A role's ARN covers its
 * sessions (`arn:aws:sts::ID:assumed-role/NAME/SESSION`).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
 */
import type { Principal } from './types.js';

/** `*` (everyone, anonymous included) or the values by principal kind (AWS, Service, Federated, CanonicalUser). */
export type PrincipalSpec = '*' | Readonly<Record<string, readonly string[]>>;

/** `exact` names this principal; `account` names its account; `none` names someone else. */
export type PrincipalMatch = 'exact' | 'account' | 'none';

const ACCOUNT_ID = /^\d{12}$/;
const ROOT = /^arn:aws:iam::(\d{12}):root$/;
const ROLE = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;
const SESSION = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/;

export function matchPrincipal(spec: PrincipalSpec, principal: Principal): PrincipalMatch {
  if (spec === '*') return 'exact';
  let best: PrincipalMatch = 'none';
  for (const value of spec.AWS ?? []) {
    const match = matchAwsValue(value, principal);
    if (match === 'exact') return match;
    if (match === 'account') best = match;
  }
  return best;
}

function matchAwsValue(value: string, principal: Principal): PrincipalMatch {
  if (value === '*') return 'exact';
  if (principal.type === 'anonymous') return 'none';
  const account = ACCOUNT_ID.test(value) ? value : ROOT.exec(value)?.[1];
  if (account !== undefined) {
    if (account !== principal.accountId) return 'none';
    return principal.type === 'root' ? 'exact' : 'account';
  }
  if (value === principal.arn) return 'exact';
  const role = ROLE.exec(value);
  const session = SESSION.exec(principal.arn);
  if (role && session && role[1] === session[1] && role[2] === session[2]) return 'exact';
  return 'none';
}
