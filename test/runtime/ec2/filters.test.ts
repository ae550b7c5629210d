/**
 * Describe filters as AWS documents them: values of one filter are alternatives, filters
 * all apply, `*` and `?` are wildcards, matching is case-sensitive, and tag:KEY, tag-key
 * and tag-value read the tags. An unknown filter name is InvalidParameterValue.
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Filtering.html
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstances.html
 */
import { describe, expect, it } from 'vitest';
import { applyFilters, type FilterTable } from '../../../src/runtime/ec2/filters.js';

interface Thing { Name: string; Zone: string | undefined; Groups: string[]; Tags: { Key: string; Value: string }[] }
const TABLE: FilterTable<Thing> = { name: (t) => t.Name, zone: (t) => t.Zone, group: (t) => t.Groups };
const things: Thing[] = [
  { Name: 'web-1', Zone: 'us-east-1a', Groups: ['sg-1', 'sg-2'], Tags: [{ Key: 'team', Value: 'red' }, { Key: 'Name', Value: 'web' }] },
  { Name: 'web-2', Zone: 'us-east-1b', Groups: ['sg-2'], Tags: [{ Key: 'team', Value: 'blue' }] },
  { Name: 'db-1', Zone: undefined, Groups: [], Tags: [{ Key: 'Team', Value: 'red' }] },
];
const names = (filters: { Name: string; Values: string[] }[]) => applyFilters(things, filters, TABLE).map((t) => t.Name);

describe('applyFilters', () => {
  it('takes any of a filter\'s values, exact or with * and ?, case-sensitively', () => {
    expect(names([{ Name: 'name', Values: ['db-1', 'web-?'] }])).toEqual(['web-1', 'web-2', 'db-1']);
    expect(names([{ Name: 'name', Values: ['web*'] }])).toEqual(['web-1', 'web-2']);
    expect(names([{ Name: 'name', Values: ['WEB-1'] }])).toEqual([]);
    expect(names([{ Name: 'name', Values: ['web.1'] }])).toEqual([]);
    expect(names([{ Name: 'name', Values: [] }])).toEqual([]);
  });

  it('needs every filter to match; a list value matches when any member does; a missing value never does', () => {
    expect(names([{ Name: 'group', Values: ['sg-2'] }, { Name: 'zone', Values: ['us-east-1b'] }])).toEqual(['web-2']);
    expect(names([{ Name: 'zone', Values: ['*'] }])).toEqual(['web-1', 'web-2']);
  });

  it('reads tags by key, any key or any value', () => {
    expect(names([{ Name: 'tag:team', Values: ['red'] }])).toEqual(['web-1']);
    expect(names([{ Name: 'tag-key', Values: ['Team', 'Name'] }])).toEqual(['web-1', 'db-1']);
    expect(names([{ Name: 'tag-value', Values: ['b*'] }])).toEqual(['web-2']);
  });

  it('refuses a filter name the operation does not have', () => {
    expect(() => names([{ Name: 'colour', Values: ['red'] }])).toThrow("The filter 'colour' is invalid");
  });
});
