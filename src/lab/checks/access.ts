import { AwsError } from '../../runtime/errors.js';
import { evaluate } from '../../runtime/iam/policy/evaluate.js';
import type { AuthorizationRequest, Decision, PolicySource, Principal } from '../../runtime/iam/policy/types.js';
import type { World } from '../../runtime/index.js';
import { ANONYMOUS, LEARNER_SOURCE_IP } from '../../cli/caller.js';
import { allowOnly, defineCheckKind, isRecord, type CheckBase, type CheckOutcome, type EvaluateContext, type ParseContext } from './kind.js';

/**
 * `access: { as: user/auditor, action: s3:GetObject, resource: arn:aws:s3:::bucket/key }` +
 * `expect: allowed|denied`: may this principal do this action on this resource, as AWS's policy
 * evaluation decides from the principal's identity-based policies and the resource's policy?
 * Any set of policies with that effect passes, however it is written, and nothing is called:
 * the world and its activity log stay as they are.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export interface AccessCheck extends CheckBase {
  type: 'access';
  as: string;
  action: string;
  resource: string;
  expect: 'allowed' | 'denied';
  /** Extra request context (aws:SecureTransport: 'false' for a request over plain HTTP). */
  context: Readonly<Record<string, string>>;
}

const AS = /^(user|role)\/[\w+=,.@-]{1,128}$|^anonymous$/;
const ACTION = /^[a-z0-9-]+:[A-Za-z0-9]+$/;
const KEYS = ['as', 'action', 'resource', 'expect', 'context'] as const;

/** The session name the check's role principal carries, so a policy naming one session is not fooled. */
const CHECK_SESSION = 'awslab-access-check';

function parseAccess(value: Record<string, unknown>, ctx: ParseContext): AccessCheck | undefined {
  allowOnly(value, ['access', 'message', 'note'], ctx);
  const path = [...ctx.path, 'access'];
  const spec = value.access;
  if (!isRecord(spec)) {
    ctx.report(path, 'access: expected a mapping of as, action, resource and expect, e.g. { as: user/auditor, action: s3:GetObject, resource: arn:aws:s3:::reports/q1.csv, expect: allowed }');
    return undefined;
  }
  const inner: ParseContext = { ...ctx, path };
  allowOnly(spec, KEYS, inner);
  let ok = true;
  const text = (key: string, pattern: RegExp, example: string): string => {
    const v = spec[key];
    if (typeof v === 'string' && pattern.test(v)) return v;
    ctx.report([...path, key], `${key}: expected ${example}, found ${v === undefined ? 'nothing' : JSON.stringify(v)}`);
    ok = false;
    return '';
  };
  const as = text('as', AS, 'user/NAME, role/NAME or anonymous');
  const action = text('action', ACTION, 'one action such as s3:GetObject (no wildcards: the check asks about one request)');
  const resource = text('resource', /^arn:[^*?]+$/, 'one ARN such as arn:aws:s3:::reports/q1.csv');
  const expect = spec.expect ?? 'allowed';
  if (expect !== 'allowed' && expect !== 'denied') {
    ctx.report([...path, 'expect'], `expect: expected allowed or denied, found ${JSON.stringify(expect)}`);
    ok = false;
  }
  const context: Record<string, string> = {};
  if (spec.context !== undefined) {
    if (!isRecord(spec.context) || !Object.values(spec.context).every((v) => typeof v === 'string')) {
      ctx.report([...path, 'context'], "context: expected condition keys and text values, e.g. { aws:SecureTransport: 'false' }");
      ok = false;
    } else Object.assign(context, spec.context);
  }
  return ok ? { type: 'access', as, action, resource, expect: expect as AccessCheck['expect'], context } : undefined;
}

/** The principal `as` names, read from IAM without logging; a message when it does not exist. */
function principalOf(world: World, as: string): Principal | string {
  if (as === 'anonymous') return ANONYMOUS;
  const [kind, name] = as.split('/') as ['user' | 'role', string];
  const operation = kind === 'user' ? 'GetUser' : 'GetRole';
  let arn: string;
  try {
    const output = world.unrecorded(() => world.call('iam', operation, kind === 'user' ? { UserName: name } : { RoleName: name }));
    arn = ((kind === 'user' ? output.User : output.Role) as { Arn: string }).Arn;
  } catch (error) {
    if (error instanceof AwsError && error.code === 'NoSuchEntity') return `there is no IAM ${kind} named ${name}`;
    throw error;
  }
  if (kind === 'user') return { type: 'user', arn, accountId: world.accountId, name };
  return { type: 'assumed-role', arn: `arn:aws:sts::${world.accountId}:assumed-role/${name}/${CHECK_SESSION}`, accountId: world.accountId, name };
}

/** The resource's policy, from the service its action belongs to (s3:… → the bucket policy). */
function resourcePolicy(world: World, region: string, action: string, resource: string): PolicySource | undefined {
  const service = world.service(action.slice(0, action.indexOf(':')));
  const table = service?.authorization;
  if (!service || !table?.resourcePolicy) return undefined;
  return table.resourcePolicy(world.serviceState(service.name, service.global ? undefined : region), resource);
}

function describeDecision(decision: Decision): string {
  if (decision.decision === 'implicitDeny') return 'denied: no policy allows it (an implicit deny)';
  const statements = decision.deciding.map((d) => `${d.sid ? `statement ${d.sid}` : `statement ${d.index + 1}`} of ${d.source.name}`);
  return decision.decision === 'allowed' ? `allowed by ${statements.join(' and ')}` : `denied by the explicit Deny in ${statements.join(' and ')}`;
}

function evaluateAccess(check: AccessCheck, env: EvaluateContext): CheckOutcome {
  const who = check.as;
  const principal = principalOf(env.world, who);
  const asked = `${who} ${check.expect === 'allowed' ? 'may' : 'may not'} do ${check.action} on ${check.resource}`;
  if (typeof principal === 'string') return { passed: false, why: `Expected ${asked}, but ${principal}.` };
  const request: AuthorizationRequest = {
    principal,
    action: check.action,
    resource: check.resource,
    context: { 'aws:SecureTransport': 'true', 'aws:SourceIp': LEARNER_SOURCE_IP, ...check.context },
  };
  const policy = resourcePolicy(env.world, env.region, check.action, check.resource);
  const identity = principal.type === 'anonymous' ? [] : env.world.identityPolicies(principal);
  const decision = evaluate(request, policy ? [...identity, policy] : identity);
  const found = decision.decision === 'allowed' ? 'allowed' : 'denied';
  const because = describeDecision(decision);
  if (found === check.expect) return { passed: true, why: `${who} ${check.action} on ${check.resource}: ${because}.` };
  return { passed: false, why: `Expected ${asked}, but it is ${because}.` };
}

export const accessKind = defineCheckKind<AccessCheck>({
  key: 'access',
  keys: [],
  summary: 'the principal (`as: user/NAME`, `role/NAME` or `anonymous`) may do `action` on `resource`, as AWS\'s policy evaluation decides (`expect: denied`: may not)',
  parse: parseAccess,
  evaluate: evaluateAccess,
  // Policies, users, roles and buckets change only through writes, which move the world.
  reads: () => new Set(['world']),
});
