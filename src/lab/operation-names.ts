import { getCloseMatches } from '../lib/did-you-mean.js';
import { SERVICES } from '../runtime/index.js';

const didYouMean = (near: readonly string[]) => (near.length ? ` (did you mean ${near.map((n) => `'${n}'`).join(' or ')}?)` : '');

/**
 * Why `service:Operation` (as a `used` check or an `on:` event writes it) names no operation
 * of the simulated cloud, or undefined when it names one. Such a check or event could never
 * see a call, so the lab file is refused.
 */
export function unknownOperation(service: string, operation: string): string | undefined {
  const definition = SERVICES.find((s) => s.name === service);
  if (!definition) {
    const names = SERVICES.map((s) => s.name);
    return `unknown service '${service}'${didYouMean(getCloseMatches(service, names))} (services: ${names.join(', ')})`;
  }
  if (Object.hasOwn(definition.operations, operation)) return undefined;
  // A higher cutoff than for topic ids: operation names share long words (Bucket, Object),
  // and 0.6 suggests DeleteBucket for ListBucket.
  const near = getCloseMatches(operation, Object.keys(definition.operations), 3, 0.8);
  return `${service} has no operation '${operation}'${didYouMean(near.map((n) => `${service}:${n}`)) || ' (operation names are as in IAM policies, e.g. s3:PutObject)'}`;
}
