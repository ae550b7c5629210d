import type { Path } from '../data/yaml-file.js';

/**
 * Checks are data, never code: an aws read call with a JMESPath and a comparison, a look at
 * the activity log (`used`), a network probe (reserved for EC2), or a combination.
 */
export type Check = AwsCheck | UsedCheck | ProbeCheck | AllCheck | AnyCheck | NotCheck;

export interface CheckCommon {
  /** Said to the learner when the check fails, instead of the generated explanation. */
  message?: string;
  /** The note section to read: `topic#heading-slug`. */
  note?: string;
}

export type Comparison =
  | { kind: 'succeeds' }
  | { kind: 'equals'; value: unknown }
  | { kind: 'contains'; value: unknown }
  | { kind: 'matches'; pattern: string }
  | { kind: 'exists'; value: boolean }
  | { kind: 'length'; value: number }
  | { kind: 'greaterThan'; value: number }
  | { kind: 'lessThan'; value: number }
  | { kind: 'error'; code: string };

export interface AwsCheck extends CheckCommon {
  type: 'aws';
  /** The command line after `aws`: it must call a read-only operation. */
  aws: string;
  query?: string;
  comparison: Comparison;
}

export interface UsedCheck extends CheckCommon {
  type: 'used';
  service: string;
  operation: string;
  /** Parameters the call must have had (a subset match). */
  with?: Record<string, unknown>;
  /** Only successful calls count unless this is true. */
  includeFailed?: boolean;
}

export interface ProbeCheck extends CheckCommon {
  type: 'probe';
  probe: string;
}

export interface AllCheck extends CheckCommon { type: 'all'; all: Check[] }
export interface AnyCheck extends CheckCommon { type: 'any'; any: Check[] }
export interface NotCheck extends CheckCommon { type: 'not'; not: Check }

export interface CheckProblem {
  path: Path;
  reason: string;
  atKey?: boolean;
}

const COMPARISONS = ['equals', 'contains', 'matches', 'exists', 'length', 'greaterThan', 'lessThan', 'error'] as const;
const KINDS = ['aws', 'used', 'probe', 'all', 'any', 'not'] as const;
const COMMON = ['message', 'note'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses a check from a lab file, collecting every problem with its path. */
export function parseCheck(value: unknown, path: Path, problems: CheckProblem[]): Check | undefined {
  if (!isRecord(value)) {
    problems.push({ path, reason: `${'a check must be a mapping with one of'} ${KINDS.join(', ')}` });
    return undefined;
  }
  const kinds = KINDS.filter((k) => k in value);
  if (kinds.length !== 1) {
    problems.push({ path, reason: kinds.length ? `a check has exactly one of ${KINDS.join(', ')}; this one has ${kinds.join(' and ')}` : `a check needs one of ${KINDS.join(', ')}` });
    return undefined;
  }
  const common = parseCommon(value, path, problems);
  switch (kinds[0]) {
    case 'aws': return parseAws(value, path, problems, common);
    case 'used': return parseUsed(value, path, problems, common);
    case 'probe':
      problems.push({ path: [...path, 'probe'], reason: 'probe checks (can this traffic reach that port?) arrive with EC2 networking; this version cannot run them', atKey: true });
      return undefined;
    case 'all':
    case 'any': {
      const kind = kinds[0];
      allowOnly(value, [kind, ...COMMON], path, problems);
      const list = value[kind];
      if (!Array.isArray(list) || list.length === 0) {
        problems.push({ path: [...path, kind], reason: `${kind}: expected a non-empty list of checks` });
        return undefined;
      }
      const parts = list.map((c, i) => parseCheck(c, [...path, kind, i], problems));
      if (parts.some((p) => !p)) return undefined;
      return kind === 'all' ? { type: 'all', all: parts as Check[], ...common } : { type: 'any', any: parts as Check[], ...common };
    }
    case 'not': {
      allowOnly(value, ['not', ...COMMON], path, problems);
      const inner = parseCheck(value.not, [...path, 'not'], problems);
      return inner && { type: 'not', not: inner, ...common };
    }
  }
  return undefined;
}

function parseCommon(value: Record<string, unknown>, path: Path, problems: CheckProblem[]): CheckCommon {
  const common: CheckCommon = {};
  for (const key of COMMON) {
    if (!(key in value)) continue;
    if (typeof value[key] !== 'string') problems.push({ path: [...path, key], reason: `${key}: expected text` });
    else common[key as 'message' | 'note'] = value[key] as string;
  }
  return common;
}

function allowOnly(value: Record<string, unknown>, allowed: readonly string[], path: Path, problems: CheckProblem[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) problems.push({ path: [...path, key], reason: `unknown key '${key}' in this check (allowed: ${allowed.join(', ')})`, atKey: true });
  }
}

function parseAws(value: Record<string, unknown>, path: Path, problems: CheckProblem[], common: CheckCommon): AwsCheck | undefined {
  allowOnly(value, ['aws', 'query', ...COMPARISONS, ...COMMON], path, problems);
  const aws = value.aws;
  if (typeof aws !== 'string' || !aws.trim()) {
    problems.push({ path: [...path, 'aws'], reason: 'aws: expected the command line after `aws`, e.g. s3api get-bucket-versioning --bucket b' });
    return undefined;
  }
  if (/^\s*aws\s/.test(aws)) problems.push({ path: [...path, 'aws'], reason: "aws: leave out the leading 'aws' (write s3api get-bucket-versioning …)" });
  if (value.query !== undefined && typeof value.query !== 'string') problems.push({ path: [...path, 'query'], reason: 'query: expected a JMESPath expression as text' });
  const present = COMPARISONS.filter((k) => k in value);
  if (present.length > 1) {
    problems.push({ path, reason: `a check compares one way; this one has ${present.join(' and ')}` });
    return undefined;
  }
  const comparison = parseComparison(present[0], value, path, problems);
  if (!comparison) return undefined;
  if (comparison.kind === 'error' && value.query !== undefined) problems.push({ path: [...path, 'query'], reason: 'query: an error check looks at the error code, so a query has nothing to apply to' });
  return { type: 'aws', aws: aws.trim(), ...(typeof value.query === 'string' ? { query: value.query } : {}), comparison, ...common };
}

function parseComparison(kind: (typeof COMPARISONS)[number] | undefined, value: Record<string, unknown>, path: Path, problems: CheckProblem[]): Comparison | undefined {
  if (!kind) return { kind: 'succeeds' };
  const operand = value[kind];
  const at = [...path, kind];
  switch (kind) {
    case 'equals':
    case 'contains':
      return { kind, value: operand };
    case 'matches':
      if (typeof operand !== 'string') break;
      try {
        new RegExp(operand);
      } catch (error) {
        problems.push({ path: at, reason: `matches: not a valid regular expression (${(error as Error).message})` });
        return undefined;
      }
      return { kind, pattern: operand };
    case 'exists':
      if (typeof operand !== 'boolean') break;
      return { kind, value: operand };
    case 'length':
    case 'greaterThan':
    case 'lessThan':
      if (typeof operand !== 'number' || !Number.isFinite(operand)) break;
      return { kind, value: operand };
    case 'error':
      if (typeof operand !== 'string' || !operand) break;
      return { kind, code: operand };
  }
  const expected = { matches: 'a regular expression as text', exists: 'true or false', length: 'a number', greaterThan: 'a number', lessThan: 'a number', error: 'an AWS error code such as NoSuchKey' }[kind];
  problems.push({ path: at, reason: `${kind}: expected ${expected}` });
  return undefined;
}

function parseUsed(value: Record<string, unknown>, path: Path, problems: CheckProblem[], common: CheckCommon): UsedCheck | undefined {
  allowOnly(value, ['used', 'with', 'includeFailed', ...COMMON], path, problems);
  const used = value.used;
  const match = typeof used === 'string' ? /^([a-z0-9-]+):([A-Z][A-Za-z0-9]+)$/.exec(used) : null;
  if (!match) {
    problems.push({ path: [...path, 'used'], reason: 'used: expected service:Operation as in IAM, e.g. s3:DeleteObject' });
    return undefined;
  }
  if (value.with !== undefined && !isRecord(value.with)) problems.push({ path: [...path, 'with'], reason: 'with: expected a mapping of parameter names to values, e.g. { Bucket: b }' });
  if (value.includeFailed !== undefined && typeof value.includeFailed !== 'boolean') problems.push({ path: [...path, 'includeFailed'], reason: 'includeFailed: expected true or false' });
  return {
    type: 'used',
    service: match[1]!,
    operation: match[2]!,
    ...(isRecord(value.with) ? { with: value.with } : {}),
    ...(value.includeFailed === true ? { includeFailed: true } : {}),
    ...common,
  };
}
