/**
 * `--filters Name=…,Values=…` for every Describe operation, from one table per operation:
 * a filter name maps to what it reads from a resource. As AWS documents: several values
 * of one filter match if any matches, several filters must all match, values may use `*`
 * (any run of characters) and `?` (one character), and matching is case-sensitive.
 * `tag:<key>`, `tag-key` and `tag-value` work on every resource that has tags.
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Filtering.html
 */
import { AwsError } from '../errors.js';
import type { Tag } from './state.js';

/** What a filter reads: one value or several (a group's rules, an instance's groups). */
export type FilterValue = string | number | boolean | undefined | null | readonly (string | number | boolean | undefined | null)[];

export type FilterTable<R> = Readonly<Record<string, (resource: R) => FilterValue>>;

export interface Filter {
  Name?: string;
  Values?: string[];
}

const patterns = new Map<string, RegExp>();

function pattern(value: string): RegExp {
  let re = patterns.get(value);
  if (!re) {
    const body = value.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]');
    re = new RegExp(`^${body}$`);
    if (patterns.size > 10_000) patterns.clear();
    patterns.set(value, re);
  }
  return re;
}

function matchesAny(read: FilterValue, values: readonly string[]): boolean {
  const seen = Array.isArray(read) ? read : [read];
  for (const v of seen) {
    if (v === undefined || v === null) continue;
    const text = String(v);
    for (const value of values) if (pattern(value).test(text)) return true;
  }
  return false;
}

function tagReader<R extends { Tags: Tag[] }>(name: string): ((r: R) => FilterValue) | undefined {
  if (name.startsWith('tag:')) {
    const key = name.slice(4);
    return (r) => r.Tags.filter((t) => t.Key === key).map((t) => t.Value);
  }
  if (name === 'tag-key') return (r) => r.Tags.map((t) => t.Key);
  if (name === 'tag-value') return (r) => r.Tags.map((t) => t.Value);
  return undefined;
}

/** AWS's answer to a filter name the operation does not know. */
export function invalidFilter(name: string): AwsError {
  return new AwsError('InvalidParameterValue', `The filter '${name}' is invalid`, 400);
}

/** Keeps the resources every filter matches. Throws InvalidParameterValue for an unknown filter. */
export function applyFilters<R extends { Tags: Tag[] }>(resources: readonly R[], filters: readonly Filter[] | undefined, table: FilterTable<R>): R[] {
  if (!filters || filters.length === 0) return [...resources];
  const readers = filters.map((filter) => {
    const name = filter.Name ?? '';
    const read = Object.hasOwn(table, name) ? table[name] : tagReader<R>(name);
    if (!read) throw invalidFilter(name);
    return { read, values: filter.Values ?? [] };
  });
  return resources.filter((resource) => readers.every(({ read, values }) => matchesAny(read(resource), values)));
}
