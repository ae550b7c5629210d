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

/**
 * One filter, compiled once per call: values without a wildcard are compared as strings
 * (most filters name one exact value), the others matched as patterns; a tag filter reads
 * the tags in place rather than through a list of values.
 */
interface CompiledFilter<R> {
  readonly read: ((resource: R) => FilterValue) | undefined;
  /** tag:KEY reads the values of that key; tag-key the keys; tag-value the values. */
  readonly tag: { readonly key?: string; readonly part: 'Key' | 'Value' } | undefined;
  /** The one exact value, when the filter has just one and no wildcard. */
  readonly single: string | undefined;
  readonly exact: ReadonlySet<string>;
  readonly wild: readonly RegExp[];
}

function compileFilter<R extends { Tags: Tag[] }>(filter: Filter, table: FilterTable<R>): CompiledFilter<R> {
  const name = filter.Name ?? '';
  const values = filter.Values ?? [];
  const read = Object.hasOwn(table, name) ? table[name] : undefined;
  let tag: CompiledFilter<R>['tag'];
  if (!read) {
    if (name.startsWith('tag:')) tag = { key: name.slice(4), part: 'Value' };
    else if (name === 'tag-key') tag = { part: 'Key' };
    else if (name === 'tag-value') tag = { part: 'Value' };
    else throw invalidFilter(name);
  }
  const wildcard = (v: string) => v.includes('*') || v.includes('?');
  const exact = values.filter((v) => !wildcard(v));
  const wild = values.filter(wildcard).map(pattern);
  return { read, tag, single: exact.length === 1 && wild.length === 0 ? exact[0] : undefined, exact: new Set(exact), wild };
}

function test(filter: Pick<CompiledFilter<never>, 'single' | 'exact' | 'wild'>, text: string): boolean {
  if (filter.single !== undefined) return text === filter.single;
  if (filter.exact.has(text)) return true;
  for (const re of filter.wild) if (re.test(text)) return true;
  return false;
}

function matches<R extends { Tags: Tag[] }>(filter: CompiledFilter<R>, resource: R): boolean {
  const tag = filter.tag;
  if (tag) {
    for (const t of resource.Tags) if ((tag.key === undefined || t.Key === tag.key) && test(filter, t[tag.part])) return true;
    return false;
  }
  const read = filter.read!(resource);
  if (!Array.isArray(read)) return read !== undefined && read !== null && test(filter, String(read));
  for (const v of read as readonly unknown[]) if (v !== undefined && v !== null && test(filter, String(v))) return true;
  return false;
}

/** AWS's answer to a filter name the operation does not know. */
export function invalidFilter(name: string): AwsError {
  return new AwsError('InvalidParameterValue', `The filter '${name}' is invalid`, 400);
}

/** Keeps the resources every filter matches. Throws InvalidParameterValue for an unknown filter. */
export function applyFilters<R extends { Tags: Tag[] }>(resources: readonly R[], filters: readonly Filter[] | undefined, table: FilterTable<R>): R[] {
  if (!filters || filters.length === 0) return [...resources];
  const compiled = filters.map((filter) => compileFilter(filter, table));
  const kept: R[] = [];
  next: for (const resource of resources) {
    for (const filter of compiled) if (!matches(filter, resource)) continue next;
    kept.push(resource);
  }
  return kept;
}
