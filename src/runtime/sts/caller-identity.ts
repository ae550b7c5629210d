/**
 * GetCallerIdentity: who the call was made as. The account's administrator (no principal) is
 * the root user; a user shows its unique ID; a role session shows the role's ID and the
 * session name. No permission is needed to call it.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#principaltable (aws:userid)
 */
import type { ServiceContext } from '../service.js';
import type { StsState } from './state.js';

export function callerIdentity(ctx: ServiceContext<StsState>): { UserId: string; Account: string; Arn: string } {
  const principal = ctx.principal;
  if (!principal || principal.type === 'root') return { UserId: ctx.accountId, Account: ctx.accountId, Arn: `arn:aws:iam::${ctx.accountId}:root` };
  if (principal.type === 'assumed-role') {
    const session = Object.values(ctx.state.sessions).find((s) => `arn:aws:sts::${s.accountId}:assumed-role/${s.roleName}/${s.sessionName}` === principal.arn);
    const roleId = session?.roleId ?? principal.name ?? '';
    return { UserId: `${roleId}:${principal.arn.split('/').pop()}`, Account: principal.accountId, Arn: principal.arn };
  }
  if (principal.type === 'user' && principal.name) {
    const user = ctx.call('iam', 'GetUser', { UserName: principal.name }).User as { UserId: string };
    return { UserId: user.UserId, Account: principal.accountId, Arn: principal.arn };
  }
  return { UserId: principal.name ?? principal.arn, Account: principal.accountId, Arn: principal.arn };
}
