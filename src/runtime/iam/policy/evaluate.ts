/**
 * Policy evaluation for a request within one account, as AWS documents it: an explicit Deny
 * in any policy wins; otherwise an Allow in an identity-based policy or in the resource-based
 * policy allows; otherwise the request is implicitly denied. The account's root user is
 * allowed whatever its identity policies say, and only a resource policy's Deny stops it.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 */
import { requestContext, type RequestContext } from './context.js';
import { conditionHolds } from './conditions.js';
import { parsePolicy, type PolicyDocument, type Statement } from './document.js';
import { matchPrincipal } from './principals.js';
import { actionMatches, arnMatches } from './wildcard.js';
import { substituteVariables } from './variables.js';
import type { AuthorizationRequest, Decision, DecidingStatement, PolicySource } from './types.js';

/** Documents are parsed once each: the same object is evaluated on every call a lab makes. */
const parsed = new WeakMap<object, PolicyDocument>();

function documentOf(source: PolicySource): PolicyDocument {
  const key = source.document;
  if (typeof key === 'object' && key !== null) {
    let document = parsed.get(key);
    if (!document) {
      document = parsePolicy(key, 'stored');
      parsed.set(key, document);
    }
    return document;
  }
  return parsePolicy(key, 'stored');
}

export function evaluate(request: AuthorizationRequest, policies: readonly PolicySource[]): Decision {
  const context = requestContext(request);
  const denies: DecidingStatement[] = [];
  const allows: DecidingStatement[] = [];
  for (const source of policies) {
    // The root user is not governed by identity-based policies, and an anonymous caller has none.
    if ((request.principal.type === 'root' || request.principal.type === 'anonymous') && source.kind === 'identity') continue;
    const document = documentOf(source);
    const variables = document.version === '2012-10-17';
    for (const statement of document.statements) {
      const applies = statementApplies(statement, source, request, context, variables);
      if (applies === 'no') continue;
      const deciding: DecidingStatement = { source, index: statement.index, ...(statement.sid ? { sid: statement.sid } : {}) };
      if (statement.effect === 'Deny') denies.push(deciding);
      else if (applies === 'yes') allows.push(deciding);
    }
  }
  if (denies.length > 0) return { decision: 'explicitDeny', deciding: denies };
  if (request.principal.type === 'root') return { decision: 'allowed', deciding: allows };
  if (allows.length > 0) return { decision: 'allowed', deciding: allows };
  return { decision: 'implicitDeny', deciding: [] };
}

/**
 * Whether a statement covers the request: `yes`; `no`; or `deny-only` when a resource policy
 * names the principal's account rather than the principal, which reaches it with a Deny but
 * leaves an Allow to the account's own identity-based policies.
 */
function statementApplies(statement: Statement, source: PolicySource, request: AuthorizationRequest, context: RequestContext, variables: boolean): 'yes' | 'no' | 'deny-only' {
  if (!actionCovered(statement, request.action)) return 'no';
  if (!resourceCovered(statement, request.resource, context, variables)) return 'no';
  if (!statement.conditions.every((c) => conditionHolds(c, context, variables))) return 'no';
  if (source.kind === 'identity') return 'yes';
  if (statement.principal) {
    const match = matchPrincipal(statement.principal, request.principal);
    return match === 'exact' ? 'yes' : match === 'account' ? 'deny-only' : 'no';
  }
  if (statement.notPrincipal) return matchPrincipal(statement.notPrincipal, request.principal) === 'exact' ? 'no' : 'yes';
  return 'no';
}

function actionCovered(statement: Statement, action: string): boolean {
  if (statement.actions) return statement.actions.some((pattern) => actionMatches(pattern, action));
  return !statement.notActions!.some((pattern) => actionMatches(pattern, action));
}

/** A trust policy has no Resource: the role it is attached to is the resource. */
function resourceCovered(statement: Statement, resource: string, context: RequestContext, variables: boolean): boolean {
  const matches = (pattern: string) => {
    const expanded = variables ? substituteVariables(pattern, context, true) : pattern;
    return expanded !== undefined && arnMatches(expanded, resource);
  };
  if (statement.resources) return statement.resources.some(matches);
  if (statement.notResources) return !statement.notResources.some(matches);
  return true;
}
