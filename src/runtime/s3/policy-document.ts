/**
 * A bucket policy document checked as S3 checks it on PutBucketPolicy: valid JSON, a known
 * Version, a Statement whose every entry has an Effect, a Principal, an Action that is S3's and a
 * Resource inside this bucket, and actions that apply to at least one of those resources. The
 * first problem wins, with S3's MalformedPolicy message.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
import { AwsError } from '../errors.js';
import { resourceTypesOf, type S3ResourceType } from './actions.js';

/** S3 keeps bucket policies to 20 KB. https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html */
const MAX_POLICY_BYTES = 20 * 1024;
const VERSIONS = new Set(['2008-10-17', '2012-10-17']);
const PRINCIPAL_KINDS = new Set(['AWS', 'Service', 'CanonicalUser', 'Federated']);
const AWS_PRINCIPAL = /^(\*|\d{12}|arn:aws:iam::\d{12}:(root|user\/.+|role\/.+)|arn:aws:sts::\d{12}:assumed-role\/.+\/.+)$/;

export type PolicyStatement = Readonly<Record<string, unknown>>;

export function malformedPolicy(message: string): AwsError {
  return new AwsError('MalformedPolicy', message, 400);
}

/**
 * Parses and checks a policy for `bucket`; returns its statements. `principalExists` answers
 * whether an IAM user or role ARN of this account exists (S3 refuses a principal it cannot
 * resolve); leave it out to check only the form.
 */
export function checkBucketPolicy(text: string, bucket: string, principalExists?: (arn: string) => boolean): PolicyStatement[] {
  if (new TextEncoder().encode(text).length > MAX_POLICY_BYTES) throw malformedPolicy('Policy exceeds the maximum allowed document size.');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw malformedPolicy('This policy contains invalid Json');
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) throw malformedPolicy('This policy contains invalid Json');
  const { Version: version, Statement: statement } = document as Record<string, unknown>;
  if (version !== undefined && (typeof version !== 'string' || !VERSIONS.has(version))) {
    throw malformedPolicy('The policy must contain a valid version string');
  }
  if (statement === undefined) throw malformedPolicy('Missing required field Statement');
  const statements = Array.isArray(statement) ? statement : [statement];
  if (statements.length === 0) throw malformedPolicy('Could not parse the policy: Statement is empty!');
  for (const entry of statements) checkStatement(entry, bucket, principalExists);
  return statements as PolicyStatement[];
}

function checkStatement(entry: unknown, bucket: string, principalExists: ((arn: string) => boolean) | undefined): void {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw malformedPolicy('This policy contains invalid Json');
  const statement = entry as Record<string, unknown>;
  if (statement.Effect === undefined) throw malformedPolicy('Missing required field Effect');
  if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') throw malformedPolicy(`Invalid effect: ${String(statement.Effect)}`);
  const principal = statement.Principal ?? statement.NotPrincipal;
  if (principal === undefined) throw malformedPolicy('Missing required field Principal');
  checkPrincipal(principal, principalExists);
  const actions = stringsOf(statement.Action ?? statement.NotAction, 'Missing required field Action', 'Policy has invalid action');
  const resources = stringsOf(statement.Resource ?? statement.NotResource, 'Missing required field Resource', 'Policy has invalid resource');
  const resourceTypes = new Set<S3ResourceType>();
  for (const resource of resources) resourceTypes.add(resourceTypeIn(resource, bucket));
  for (const action of actions) {
    const types = resourceTypesOf(action);
    if (types.size === 0) throw malformedPolicy('Policy has invalid action');
    // A NotAction names what the statement leaves out, so what it covers is never empty.
    if (statement.Action !== undefined && ![...types].some((type) => resourceTypes.has(type))) {
      throw malformedPolicy('Action does not apply to any resource(s) in statement');
    }
  }
}

/** A policy element that is one string or a non-empty list of them. */
function stringsOf(value: unknown, missing: string, invalid: string): string[] {
  if (value === undefined) throw malformedPolicy(missing);
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((item) => typeof item === 'string' && item !== '')) throw malformedPolicy(invalid);
  return list as string[];
}

/**
 * A bucket policy's resources are this bucket (`arn:aws:s3:::bucket`) or objects in it
 * (`arn:aws:s3:::bucket/…`); anything else, `*` included, is refused.
 */
function resourceTypeIn(resource: string, bucket: string): S3ResourceType {
  const prefix = `arn:aws:s3:::${bucket}`;
  if (resource === prefix) return 'bucket';
  if (resource.startsWith(`${prefix}/`)) return 'object';
  throw malformedPolicy('Policy has invalid resource');
}

function checkPrincipal(principal: unknown, principalExists: ((arn: string) => boolean) | undefined): void {
  if (principal === '*') return;
  if (typeof principal !== 'object' || principal === null || Array.isArray(principal)) throw malformedPolicy('Invalid principal in policy');
  const entries = Object.entries(principal);
  if (entries.length === 0) throw malformedPolicy('Invalid principal in policy');
  for (const [kind, value] of entries) {
    if (!PRINCIPAL_KINDS.has(kind)) throw malformedPolicy('Invalid principal in policy');
    const values = Array.isArray(value) ? value : [value];
    if (values.length === 0 || !values.every((v) => typeof v === 'string' && v !== '')) throw malformedPolicy('Invalid principal in policy');
    if (kind !== 'AWS') continue;
    for (const v of values as string[]) {
      if (!AWS_PRINCIPAL.test(v)) throw malformedPolicy('Invalid principal in policy');
      if (principalExists && /^arn:aws:iam::\d{12}:(user|role)\//.test(v) && !principalExists(v)) throw malformedPolicy('Invalid principal in policy');
    }
  }
}
