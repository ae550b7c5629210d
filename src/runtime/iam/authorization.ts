/**
 * What each IAM operation asks permission for when called as a principal: the action
 * `iam:<Operation>` on the user, group, role or policy it names (without its path, which the
 * request does not carry), or on the collection for a List call.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
 */
import type { AuthorizationTarget, ServiceAuthorization } from '../service.js';
import type { IamState } from './state.js';
import model from './model.json' with { type: 'json' };

type Row = (input: Record<string, any>, call: { accountId: string; region: string }) => AuthorizationTarget;

const arnOf = (call: { accountId: string }, kind: string, name = '') => `arn:aws:iam::${call.accountId}:${kind}/${name}`;

/** The resource an operation acts on, from the first member that names one. */
function resourceOf(input: Record<string, any>, call: { accountId: string }): string {
  if (typeof input.PolicyArn === 'string') return input.PolicyArn;
  if (typeof input.PolicySourceArn === 'string') return input.PolicySourceArn;
  if (typeof input.RoleName === 'string') return arnOf(call, 'role', input.RoleName);
  if (typeof input.GroupName === 'string') return arnOf(call, 'group', input.GroupName);
  if (typeof input.UserName === 'string') return arnOf(call, 'user', input.UserName);
  if (typeof input.PolicyName === 'string') return arnOf(call, 'policy', input.PolicyName);
  return '*';
}

const COLLECTIONS: Record<string, string> = { ListUsers: 'user', ListGroups: 'group', ListRoles: 'role', ListPolicies: 'policy' };

function row(operation: string): Row {
  return (input, call) => ({
    action: `iam:${operation}`,
    resources: [COLLECTIONS[operation] ? arnOf(call, COLLECTIONS[operation]) : operation === 'SimulateCustomPolicy' ? '*' : resourceOf(input, call)],
  });
}

export const IAM_AUTHORIZATION: ServiceAuthorization<IamState> = {
  actions: Object.fromEntries(Object.keys(model.operations).map((operation) => [operation, row(operation)])),
};
