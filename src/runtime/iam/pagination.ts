/**
 * IAM's Marker/MaxItems paging: up to MaxItems (100 by default) items, IsTruncated, and a
 * Marker to send for the next page. The marker is opaque to callers; here it is the index.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListUsers.html
 */
import { validationError } from './errors.js';

export interface Page<T> {
  readonly items: T[];
  readonly paging: { IsTruncated: boolean; Marker?: string };
}

export function page<T>(items: readonly T[], input: { Marker?: string; MaxItems?: number }): Page<T> {
  const start = input.Marker === undefined ? 0 : Number(input.Marker);
  if (!Number.isInteger(start) || start < 0 || start > items.length) throw validationError('Invalid Marker.');
  const size = input.MaxItems ?? 100;
  const end = Math.min(items.length, start + size);
  const truncated = end < items.length;
  return { items: items.slice(start, end), paging: truncated ? { IsTruncated: true, Marker: String(end) } : { IsTruncated: false } };
}
