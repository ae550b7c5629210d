/**
 * A policy document's grammar: parsing the JSON, checking it as IAM does and normalising each
 * statement to lists. The messages are AWS's MalformedPolicyDocument texts, checked in the
 * order IAM checks them (syntax, version, legacy parsing, Sid uniqueness, actions, resources).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
 */
import { parseOperator, type Condition } from './conditions.js';
import type { PrincipalSpec } from './principals.js';
import { checkStatementGrammar, PolicyDocumentError } from './statement-grammar.js';
import { checkResourceFormat, checkActionPrefix } from './element-formats.js';

export { PolicyDocumentError };

/**
 * What the document is for: an identity policy (no Principal, Resource required), a resource
 * policy such as a bucket policy (Principal required), or a role's trust policy (Principal
 * required, no Resource, only sts: actions).
 */
export type PolicyKind = 'identity' | 'resource' | 'trust';

export interface Statement {
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  readonly resources?: readonly string[];
  readonly notResources?: readonly string[];
  readonly principal?: PrincipalSpec;
  readonly notPrincipal?: PrincipalSpec;
  readonly conditions: readonly Condition[];
}

export interface PolicyDocument {
  readonly version?: string;
  readonly statements: readonly Statement[];
}

const VERSIONS = ['2008-10-17', '2012-10-17'];
const TOP_ELEMENTS = ['Version', 'Id', 'Statement'];

const TRUST_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity', 'sts:TagSession', 'sts:SetSourceIdentity', 'sts:SetContext'];

/** Parses a policy's JSON text; throws PolicyDocumentError with AWS's message when IAM would refuse it. */
export function parsePolicyText(text: string, kind: PolicyKind): PolicyDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PolicyDocumentError('Syntax errors in policy.');
  }
  return parsePolicy(json, kind);
}

/**
 * Checks and normalises a parsed document. `stored` is for evaluating a document its service
 * already accepted (a trust policy evaluated as a resource policy): the grammar only.
 */
export function parsePolicy(json: unknown, kind: PolicyKind | 'stored'): PolicyDocument {
  const raw = checkSyntax(json);
  const version = raw.Version as string | undefined;
  // IAM wants the current grammar; S3 bucket policies still take 2008-10-17.
  if (kind === 'identity' || kind === 'trust' ? version !== '2012-10-17' : version !== undefined && !VERSIONS.includes(version)) {
    throw new PolicyDocumentError('Policy document must be version 2012-10-17 or greater.');
  }
  const statements = (Array.isArray(raw.Statement) ? raw.Statement : [raw.Statement]) as Record<string, unknown>[];
  for (const s of statements) if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw new PolicyDocumentError('The policy failed legacy parsing');
  const sids = statements.map((s) => s.Sid).filter((sid): sid is string => typeof sid === 'string' && sid !== '');
  if (new Set(sids).size !== sids.length) throw new PolicyDocumentError('Statement IDs (SID) in a single policy must be unique.');
  if (statements.some((s) => isEmpty(s.Action ?? s.NotAction))) throw new PolicyDocumentError('Policy statement must contain actions.');
  for (const s of statements) for (const r of [...list(s.Resource), ...list(s.NotResource)]) checkResourceFormat(r);
  for (const s of statements) for (const a of [...list(s.Action), ...list(s.NotAction)]) checkActionPrefix(a);
  if (kind !== 'stored') checkKind(statements, kind);
  return { version, statements: statements.map((s, index) => normalise(s, index)) };
}

function checkSyntax(json: unknown): Record<string, unknown> {
  if (!isObject(json)) throw new PolicyDocumentError('Syntax errors in policy.');
  const fine =
    Object.keys(json).every((k) => TOP_ELEMENTS.includes(k)) &&
    (json.Version === undefined || VERSIONS.includes(json.Version as string)) &&
    (json.Id === undefined || typeof json.Id === 'string') &&
    (isObject(json.Statement) || (Array.isArray(json.Statement) && json.Statement.length > 0));
  if (!fine) throw new PolicyDocumentError('Syntax errors in policy.');
  const statements = Array.isArray(json.Statement) ? json.Statement : [json.Statement];
  for (const s of statements) checkStatementGrammar(s);
  return json;
}

function checkKind(statements: readonly Record<string, unknown>[], kind: PolicyKind): void {
  if (kind === 'identity') {
    if (statements.some((s) => isEmpty(s.Resource ?? s.NotResource))) throw new PolicyDocumentError('Policy statement must contain resources.');
    if (statements.some((s) => s.Principal !== undefined || s.NotPrincipal !== undefined)) {
      throw new PolicyDocumentError('Policy document should not specify a principal.');
    }
    return;
  }
  if (kind === 'trust') {
    const actions = statements.flatMap((s) => list(s.Action ?? s.NotAction));
    if (actions.some((a) => !TRUST_ACTIONS.includes(a))) {
      throw new PolicyDocumentError('Trust Policy statement actions can only be sts:AssumeRole, sts:AssumeRoleWithSAML,  and sts:AssumeRoleWithWebIdentity');
    }
    if (statements.some((s) => s.Resource !== undefined || s.NotResource !== undefined)) throw new PolicyDocumentError('Has prohibited field Resource.');
  } else if (statements.some((s) => isEmpty(s.Resource ?? s.NotResource))) {
    throw new PolicyDocumentError('Policy statement must contain resources.');
  }
  if (statements.some((s) => s.Principal === undefined && s.NotPrincipal === undefined)) throw new PolicyDocumentError('Missing required field Principal');
}

function normalise(s: Record<string, unknown>, index: number): Statement {
  const conditions: Condition[] = [];
  for (const [operator, block] of Object.entries((s.Condition ?? {}) as Record<string, Record<string, unknown>>)) {
    const parsed = parseOperator(operator)!;
    for (const [key, value] of Object.entries(block)) conditions.push({ operator, ...parsed, key, values: list(value).map(String) });
  }
  return {
    index,
    sid: typeof s.Sid === 'string' ? s.Sid : undefined,
    effect: s.Effect as 'Allow' | 'Deny',
    actions: optionalList(s.Action),
    notActions: optionalList(s.NotAction),
    resources: optionalList(s.Resource),
    notResources: optionalList(s.NotResource),
    principal: principalSpec(s.Principal),
    notPrincipal: principalSpec(s.NotPrincipal),
    conditions,
  };
}

function principalSpec(value: unknown): PrincipalSpec | undefined {
  if (value === undefined) return undefined;
  if (value === '*') return '*';
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, list(v)]));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string-or-list element as a list, nulls dropped (IAM skips them). */
function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter((v) => v !== null && v !== undefined).map(String);
}

function optionalList(value: unknown): string[] | undefined {
  return value === undefined ? undefined : list(value);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.length === 0);
}
