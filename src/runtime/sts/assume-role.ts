/**
 * AssumeRole: temporary credentials for a role session, when the role's trust policy and the
 * caller's identity-based policies allow sts:AssumeRole on the role (in one account, a trust
 * policy naming the caller is enough; one naming the account leaves it to the caller's
 * policies). The root user may not assume roles. A role that does not exist is refused as
 * AccessDenied, not NoSuchEntity, so that a caller cannot probe for role names.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html
 */
import { AwsError, isAwsError } from '../errors.js';
import type { ServiceContext } from '../service.js';
import { evaluate } from '../iam/policy/evaluate.js';
import type { Principal } from '../iam/policy/types.js';
import { accessKeyId, secretAccessKey } from '../iam/ids.js';
import { randomString } from '../../lib/random.js';
import type { RoleSession, StsState } from './state.js';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const TOKEN_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

interface AssumeRoleInput {
  RoleArn: string;
  RoleSessionName: string;
  DurationSeconds?: number;
}

const validation = (message: string) => new AwsError('ValidationError', message, 400);

export function assumeRole(ctx: ServiceContext<StsState>, input: AssumeRoleInput): Record<string, unknown> {
  if (!SESSION_NAME.test(input.RoleSessionName)) {
    throw validation(`1 validation error detected: Value '${input.RoleSessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`);
  }
  const principal: Principal = ctx.principal ?? { type: 'root', arn: `arn:aws:iam::${ctx.accountId}:root`, accountId: ctx.accountId };
  if (principal.type === 'root') throw new AwsError('AccessDenied', 'Roles may not be assumed by root accounts.', 403);
  const denied = new AwsError('AccessDenied', `User: ${principal.arn} is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`, 403);
  const match = ROLE_ARN.exec(input.RoleArn);
  if (!match) throw denied;
  const role = findRole(ctx, match[2]!);
  if (!role || role.Arn !== input.RoleArn) throw denied;
  const trust = JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument)) as unknown;
  const decision = evaluate({ principal, action: 'sts:AssumeRole', resource: role.Arn }, [
    ...ctx.identityPolicies(principal),
    { kind: 'resource', name: 'trust policy', document: trust },
  ]);
  if (decision.decision !== 'allowed') throw denied;
  const duration = input.DurationSeconds ?? 3600;
  if (duration > role.MaxSessionDuration) throw validation('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  const session: RoleSession = {
    accessKeyId: accessKeyId(ctx.random, 'ASIA'),
    roleArn: role.Arn,
    roleId: role.RoleId,
    roleName: role.RoleName,
    sessionName: input.RoleSessionName,
    accountId: match[1]!,
    expiresMs: ctx.nowMs + duration * 1000,
  };
  ctx.state.sessions[session.accessKeyId] = session;
  return {
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: secretAccessKey(ctx.random),
      SessionToken: `IQoJb3JpZ2luX2Vj${randomString(ctx.random, TOKEN_CHARACTERS, 340)}`,
      Expiration: new Date(session.expiresMs),
    },
    AssumedRoleUser: { AssumedRoleId: `${session.roleId}:${session.sessionName}`, Arn: sessionArn(session) },
    PackedPolicySize: 0,
  };
}

interface RoleView {
  Arn: string;
  RoleId: string;
  RoleName: string;
  AssumeRolePolicyDocument: string;
  MaxSessionDuration: number;
}

function findRole(ctx: ServiceContext<StsState>, name: string): RoleView | undefined {
  try {
    return ctx.call('iam', 'GetRole', { RoleName: name }).Role as RoleView;
  } catch (error) {
    if (isAwsError(error) && error.code === 'NoSuchEntity') return undefined;
    throw error;
  }
}

export const sessionArn = (s: RoleSession) => `arn:aws:sts::${s.accountId}:assumed-role/${s.roleName}/${s.sessionName}`;

/** A session's access key names the session until it expires. */
export function principalForSessionKey(state: StsState, accessKeyId: string, nowMs: number): Principal | undefined {
  const session = state.sessions[accessKeyId];
  if (!session || nowMs >= session.expiresMs) return undefined;
  return { type: 'assumed-role', arn: sessionArn(session), accountId: session.accountId, name: session.roleName };
}
