/**
 * One statement's shape: the element names IAM knows, each element's JSON type, and the
 * pairs that exclude each other. Anything else is "Syntax errors in policy.", as IAM says.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
import { parseOperator } from './conditions.js';

/** A policy IAM refuses; `message` is AWS's MalformedPolicyDocument text. */
export class PolicyDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyDocumentError';
  }
}

const ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
const PRINCIPAL_KINDS = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

export function checkStatementGrammar(statement: unknown): void {
  if (!statementFine(statement)) throw new PolicyDocumentError('Syntax errors in policy.');
}

function statementFine(s: unknown): boolean {
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return false;
  const st = s as Record<string, unknown>;
  return (
    Object.keys(st).every((k) => ELEMENTS.includes(k)) &&
    !('Action' in st && 'NotAction' in st) &&
    !('Resource' in st && 'NotResource' in st) &&
    !('Principal' in st && 'NotPrincipal' in st) &&
    typeof st.Effect === 'string' &&
    ['allow', 'deny'].includes(st.Effect.toLowerCase()) &&
    (st.Sid === undefined || typeof st.Sid === 'string') &&
    ['Action', 'NotAction', 'Resource', 'NotResource'].every((k) => stringOrStrings(st[k])) &&
    principalFine(st.Principal) &&
    principalFine(st.NotPrincipal) &&
    conditionFine(st.Condition)
  );
}

function stringOrStrings(value: unknown): boolean {
  if (value === undefined || typeof value === 'string') return true;
  return Array.isArray(value) && value.every((v) => v === null || typeof v === 'string');
}

function principalFine(value: unknown): boolean {
  if (value === undefined || value === '*') return true;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.length > 0 && entries.every(([k, v]) => PRINCIPAL_KINDS.includes(k) && stringOrStrings(v) && v !== undefined);
}

function conditionFine(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.entries(value).every(([operator, block]) => {
    if (typeof block !== 'object' || block === null || Array.isArray(block)) return false;
    const values = Object.values(block as Record<string, unknown>);
    // IAM lets an unknown operator through only with nothing under it.
    if (!parseOperator(operator)) return values.length === 0;
    return values.every((v) => ['string', 'boolean', 'number'].includes(typeof v) || (Array.isArray(v) && v.every((x) => ['string', 'boolean', 'number'].includes(typeof x))));
  });
}
