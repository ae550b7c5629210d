import type { Paginator } from '../../runtime/model.js';
import { isDict, type PyDict, type PyValue } from '../python/builtins.js';

/**
 * What the CLI formats when it paginated an operation (it does by default for every
 * operation with a paginator, unless --no-paginate or a manual token/limit argument).
 * The formatters never see the service's page as is:
 *
 * - json, yaml and table print botocore's PageIterator.build_full_result(): the result
 *   keys that are present, then the paginator's non_aggregate_keys (null when absent),
 *   then NextToken when --max-items stopped early. So list-objects-v2 prints only
 *   Contents and CommonPrefixes: Name, Prefix, KeyCount and MaxKeys are not result keys.
 * - text prints each page as the non-aggregate part plus every result key, absent ones
 *   as None (formatter.py TextFormatter), which is why `--output text` of a listing
 *   starts with a "None" line when CommonPrefixes is missing; the NextToken follows as
 *   its own {"NextToken": {"NextToken": ...}} document.
 *
 * awslab's driver hands over one merged page; a NextToken member that the paginator does
 * not otherwise use is taken as the CLI's resume token.
 */
export function resultKeys(paginator: Paginator): string[] {
  return toList(paginator.result_key);
}

function toList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function buildFullResult(page: PyDict, paginator: Paginator): PyDict {
  const complete: PyDict = {};
  for (const expression of resultKeys(paginator)) {
    const value = search(page, expression);
    if (value === null) continue;
    setValue(complete, expression, value);
  }
  mergeDicts(complete, nonAggregatePart(page, paginator));
  const token = resumeToken(page, paginator);
  if (token !== undefined) complete.NextToken = token;
  return complete;
}

export function textPage(page: PyDict, paginator: Paginator): PyDict {
  const current = nonAggregatePart(page, paginator);
  for (const expression of resultKeys(paginator)) setValue(current, expression, search(page, expression));
  return current;
}

export function resumeToken(page: PyDict, paginator: Paginator): PyValue | undefined {
  if (!('NextToken' in page)) return undefined;
  const used = [...resultKeys(paginator), ...toList(paginator.output_token), ...(paginator.non_aggregate_keys ?? [])];
  return used.includes('NextToken') ? undefined : (page.NextToken as PyValue);
}

function nonAggregatePart(page: PyDict, paginator: Paginator): PyDict {
  const part: PyDict = {};
  for (const expression of paginator.non_aggregate_keys ?? []) setValue(part, expression, search(page, expression));
  return part;
}

/** A result key is a dotted path (botocore's set_value_from_jmespath supports no more). */
function search(value: PyValue, expression: string): PyValue {
  let current: PyValue = value;
  for (const key of expression.split('.')) {
    if (!isDict(current) || !(key in current)) return null;
    current = current[key] as PyValue;
  }
  return current;
}

function setValue(target: PyDict, expression: string, value: PyValue): void {
  const keys = expression.split('.');
  let current = target;
  for (const key of keys.slice(0, -1)) {
    if (!isDict(current[key])) current[key] = {};
    current = current[key] as PyDict;
  }
  current[keys[keys.length - 1] as string] = value;
}

function mergeDicts(target: PyDict, source: PyDict): void {
  for (const key of Object.keys(source)) {
    const value = source[key] as PyValue;
    if (isDict(value) && isDict(target[key])) mergeDicts(target[key] as PyDict, value);
    else target[key] = value;
  }
}
