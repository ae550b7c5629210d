/**
 * The identity-based policies that govern a principal: a user's inline and attached policies
 * and those of its groups; a role's (and its sessions') inline and attached policies. Each
 * comes with what SimulatePrincipalPolicy calls it (SourcePolicyId, SourcePolicyType).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_Statement.html
 */
import type { PolicySource, Principal } from './policy/types.js';
import { defaultDocument, findPolicy } from './managed-policies.js';
import { groupsOf } from './groups.js';
import type { Entity, IamState, User } from './state.js';

export interface NamedPolicy {
  readonly source: PolicySource;
  /** The policy's text, for statement positions. */
  readonly text: string;
  readonly policyId: string;
  readonly policyType: 'user' | 'group' | 'role' | 'aws-managed' | 'user-managed' | 'resource' | 'none';
}

/** Documents are immutable text: each is parsed once. */
const parsedTexts = new Map<string, unknown>();

export function parsedDocument(text: string): unknown {
  let document = parsedTexts.get(text);
  if (document === undefined) {
    document = JSON.parse(text);
    parsedTexts.set(text, document);
  }
  return document;
}

function ofEntity(state: IamState, entity: Entity): NamedPolicy[] {
  const inline = Object.entries(entity.inline).map(([name, text]): NamedPolicy => ({
    source: { kind: 'identity', name, document: parsedDocument(text) },
    text,
    policyId: name,
    policyType: entity.kind,
  }));
  const attached = entity.attached.flatMap((arn): NamedPolicy[] => {
    const policy = findPolicy(state, arn);
    if (!policy) return [];
    const text = defaultDocument(policy);
    return [{ source: { kind: 'identity', name: arn, document: parsedDocument(text) }, text, policyId: policy.name, policyType: policy.awsManaged ? 'aws-managed' : 'user-managed' }];
  });
  return [...inline, ...attached];
}

/** Every identity-based policy of a user, group or role, a user's groups' included. */
export function entityPolicies(state: IamState, entity: Entity): NamedPolicy[] {
  if (entity.kind !== 'user') return ofEntity(state, entity);
  return [...ofEntity(state, entity), ...groupsOf(state, entity as User).flatMap((g) => ofEntity(state, g))];
}

const USER = /^arn:aws:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/;
const ROLE = /^arn:aws:iam::\d{12}:role\/(?:.*\/)?([^/]+)$/;
const SESSION = /^arn:aws:sts::\d{12}:assumed-role\/([^/]+)\/[^/]+$/;

/** The user or role behind a principal, if it still exists. */
export function entityOfPrincipal(state: IamState, principal: Principal): Entity | undefined {
  if (principal.type === 'user') {
    const name = USER.exec(principal.arn)?.[1];
    return name === undefined ? undefined : state.users[name.toLowerCase()];
  }
  if (principal.type === 'role' || principal.type === 'assumed-role') {
    const name = (principal.type === 'role' ? ROLE : SESSION).exec(principal.arn)?.[1];
    return name === undefined ? undefined : state.roles[name.toLowerCase()];
  }
  return undefined;
}

export function identityPolicies(state: IamState, principal: Principal): PolicySource[] {
  const entity = entityOfPrincipal(state, principal);
  return entity ? entityPolicies(state, entity).map((p) => p.source) : [];
}

/** An IAM user's Active access key names the user. */
export function principalForUserKey(state: IamState, accessKeyId: string): Principal | undefined {
  const key = state.accessKeys[accessKeyId];
  if (!key || key.status !== 'Active') return undefined;
  const user = state.users[key.userName.toLowerCase()];
  return user ? userPrincipal(user) : undefined;
}

export function userPrincipal(user: User): Principal {
  return { type: 'user', arn: user.arn, accountId: user.arn.split(':')[4]!, name: user.name };
}
