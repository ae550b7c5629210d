/**
 * The condition operators, one row each: how one request value compares with one policy
 * value. Negated operators (StringNotEquals, NotIpAddress, …) are their positive row turned
 * round, so that a missing key and multiple values follow one rule (conditions.ts).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
import ipaddr from 'ipaddr.js';
import { arnMatches, globMatches } from './wildcard.js';

export interface OperatorRow {
  /** True when `requestValue` matches `policyValue` (for a negated operator: its positive form). */
  matches(requestValue: string, policyValue: string): boolean;
  readonly negated: boolean;
  /** Whether `${…}` variables are replaced in the policy values, and escaped for a wildcard matcher. */
  readonly variables?: 'plain' | 'glob';
}

const stringEquals = (a: string, b: string) => a === b;
const ignoreCase = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const stringLike = (a: string, b: string) => globMatches(b, a);
const arnLike = (a: string, b: string) => arnMatches(b, a);

function number(text: string): number | undefined {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) ? value : undefined;
}

function numeric(compare: (a: number, b: number) => boolean) {
  return (a: string, b: string) => {
    const left = number(a);
    const right = number(b);
    return left !== undefined && right !== undefined && compare(left, right);
  };
}

/** A date as ISO 8601 or as seconds since the epoch (a request's aws:EpochTime). */
function dateMs(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function date(compare: (a: number, b: number) => boolean) {
  return (a: string, b: string) => {
    const left = dateMs(a);
    const right = dateMs(b);
    return left !== undefined && right !== undefined && compare(left, right);
  };
}

function inRange(address: string, range: string): boolean {
  try {
    const ip = ipaddr.parse(address);
    const [network, bits] = range.includes('/') ? ipaddr.parseCIDR(range) : [ipaddr.parse(range), ipaddr.parse(range).kind() === 'ipv4' ? 32 : 128];
    return ip.kind() === network.kind() && ip.match([network, bits] as [typeof ip, number]);
  } catch {
    return false;
  }
}

const bool = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const positive = (matches: OperatorRow['matches'], variables?: OperatorRow['variables']): OperatorRow => ({ matches, negated: false, variables });
const negative = (row: OperatorRow): OperatorRow => ({ ...row, negated: true });

const rows: Record<string, OperatorRow> = {
  StringEquals: positive(stringEquals, 'plain'),
  StringEqualsIgnoreCase: positive(ignoreCase, 'plain'),
  StringLike: positive(stringLike, 'glob'),
  NumericEquals: positive(numeric((a, b) => a === b)),
  NumericLessThan: positive(numeric((a, b) => a < b)),
  NumericLessThanEquals: positive(numeric((a, b) => a <= b)),
  NumericGreaterThan: positive(numeric((a, b) => a > b)),
  NumericGreaterThanEquals: positive(numeric((a, b) => a >= b)),
  DateEquals: positive(date((a, b) => a === b)),
  DateLessThan: positive(date((a, b) => a < b)),
  DateLessThanEquals: positive(date((a, b) => a <= b)),
  DateGreaterThan: positive(date((a, b) => a > b)),
  DateGreaterThanEquals: positive(date((a, b) => a >= b)),
  Bool: positive(bool),
  BinaryEquals: positive(stringEquals),
  IpAddress: positive(inRange),
  // ArnEquals and ArnLike both take wildcards in each ARN segment, as AWS documents.
  ArnEquals: positive(arnLike, 'glob'),
  ArnLike: positive(arnLike, 'glob'),
};
rows.StringNotEquals = negative(rows.StringEquals!);
rows.StringNotEqualsIgnoreCase = negative(rows.StringEqualsIgnoreCase!);
rows.StringNotLike = negative(rows.StringLike!);
rows.NumericNotEquals = negative(rows.NumericEquals!);
rows.DateNotEquals = negative(rows.DateEquals!);
rows.NotIpAddress = negative(rows.IpAddress!);
rows.ArnNotEquals = negative(rows.ArnEquals!);
rows.ArnNotLike = negative(rows.ArnLike!);

export const OPERATORS: Readonly<Record<string, OperatorRow>> = rows;
