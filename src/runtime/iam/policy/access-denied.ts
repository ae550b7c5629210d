/**
 * AWS's access denied message: who was refused what on which resource, and whether a Deny
 * said so or no Allow did, naming the kind of policy.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
import type { AuthorizationRequest, Decision } from './types.js';

export function accessDeniedMessage(request: AuthorizationRequest, decision: Decision): string {
  const who = request.principal.type === 'anonymous' ? 'anonymous' : request.principal.arn;
  const head = `User: ${who} is not authorized to perform: ${request.action} on resource: ${request.resource}`;
  if (decision.decision === 'explicitDeny') {
    const kind = decision.deciding[0]?.source.kind === 'resource' ? 'a resource-based policy' : 'an identity-based policy';
    return `${head} with an explicit deny in ${kind}`;
  }
  return `${head} because no identity-based policy allows the ${request.action} action`;
}
