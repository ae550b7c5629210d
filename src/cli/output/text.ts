import { FormatError } from './failures.js';
import { isDict, isScalar, pyStr, pyTypeName, sortedKeys, type PyDict, type PyValue } from '../python/builtins.js';

/**
 * `--output text`: a port of awscli/text.py. A dict prints its scalar values (keys sorted)
 * on one tab-separated line, prefixed by the upper-cased key it sits under; its lists and
 * dicts follow, each under its own key. A list of dicts shares one sorted set of scalar
 * columns (a missing key prints as an empty cell). A bare scalar prints alone.
 */
export function formatText(value: PyValue): string {
  const out = { text: '' };
  formatItem(value, out, undefined, undefined);
  return out.text;
}

/** Where the lines go; one growing string is cheaper than an array of small pieces. */
interface Output {
  text: string;
}

function formatItem(item: PyValue, out: Output, identifier: string | undefined, scalarKeys: string[] | undefined): void {
  if (isDict(item)) formatDict(item, out, identifier, scalarKeys);
  else if (Array.isArray(item)) formatList(item, out, identifier);
  else out.text += pyStr(item) + '\n';
}

function formatList(items: PyValue[], out: Output, identifier: string | undefined): void {
  if (items.length === 0) return;
  if (items.some(isDict)) {
    const allKeys = allScalarKeys(items);
    for (const element of items) formatItem(element, out, identifier, allKeys);
  } else if (items.some(Array.isArray)) {
    const scalars = items.filter(isScalar);
    if (scalars.length > 0) formatScalarList(scalars, out, identifier);
    for (const element of items) if (!isScalar(element)) formatItem(element, out, identifier, undefined);
  } else {
    formatScalarList(items, out, identifier);
  }
}

function formatScalarList(elements: PyValue[], out: Output, identifier: string | undefined): void {
  if (identifier !== undefined) {
    const prefix = identifier.toUpperCase();
    for (const element of elements) out.text += prefix + '\t' + pyStr(element) + '\n';
  } else {
    out.text += elements.map(pyStr).join('\t') + '\n';
  }
}

function formatDict(item: PyDict, out: Output, identifier: string | undefined, scalarKeys: string[] | undefined): void {
  const scalars: string[] = [];
  const nonScalars: string[] = [];
  if (scalarKeys === undefined) {
    for (const key of sortedKeys(Object.keys(item))) {
      const value = item[key] as PyValue;
      if (isScalar(value)) scalars.push(pyStr(value));
      else nonScalars.push(key);
    }
  } else {
    for (const key of scalarKeys) scalars.push(key in item ? pyStr(item[key]) : '');
    const known = new Set(scalarKeys);
    for (const key of sortedKeys(Object.keys(item))) if (!known.has(key)) nonScalars.push(key);
  }
  if (scalars.length > 0) {
    if (identifier !== undefined) scalars.unshift(identifier.toUpperCase());
    out.text += scalars.join('\t') + '\n';
  }
  for (const key of nonScalars) formatItem(item[key] as PyValue, out, key, undefined);
}

/** Every key that holds a scalar in any of the list's dicts, sorted (text.py _all_scalar_keys). */
function allScalarKeys(items: PyValue[]): string[] {
  const seen = new Set<string>();
  for (const item of items) {
    if (!isDict(item)) throw new FormatError(`'${pyTypeName(item)}' object has no attribute 'items'`);
    for (const key in item) if (isScalar(item[key])) seen.add(key);
  }
  return sortedKeys(seen);
}
