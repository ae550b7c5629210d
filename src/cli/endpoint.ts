import type { ServiceModel } from '../runtime/model.js';
import { customisationFor } from './services/index.js';
import { getOwn, shapeOf } from './shapes.js';

/**
 * The URL botocore would have sent the request to, for the "Could not connect to the
 * endpoint URL" error a learner gets with a region the simulation does not have
 * (the real CLI cannot resolve the host either). A service whose endpoint rules move
 * parameters into the host (S3's virtual-hosted style) says so in its `endpoint` hook.
 */

/** urllib.parse.quote: UTF-8 bytes, letters, digits and `_.-~` kept, plus `safe`. */
export function percentEncode(text: string, safe = ''): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte);
    if (/[A-Za-z0-9_.\-~]/.test(char) || (byte < 0x80 && safe.includes(char))) out += char;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function queryValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return String(value);
}

export function endpointUrl(serviceName: string, model: ServiceModel, operation: string, region: string, params: Record<string, unknown>): string {
  const op = model.operations[operation];
  const prefix = model.metadata.endpointPrefix;
  const host = `${prefix}.${region}.amazonaws.com`;
  if (!op || !['rest-xml', 'rest-json'].includes(model.metadata.protocol)) return `https://${host}/`;
  const input = op.input ? shapeOf(model, op.input.shape) : undefined;
  const [template = '/', literalQuery] = op.http.requestUri.split('?');
  const hook = customisationFor(serviceName)?.endpoint;
  const url = hook ? hook(params, { hostname: host, path: template }) : { hostname: host, path: template };
  const hostname = url.hostname;
  let path = url.path;
  const uriNames = new Map<string, string>();
  const query: string[] = literalQuery ? [literalQuery] : [];
  for (const [member, ref] of Object.entries(input?.shape.members ?? {})) {
    if (ref.location === 'uri') uriNames.set(ref.locationName ?? member, member);
  }
  path = path.replace(/\{([^}]+?)(\+?)\}/g, (_all, label: string, greedy: string) => {
    const value = getOwn(params, uriNames.get(label) ?? label);
    return percentEncode(String(value ?? ''), greedy ? '/~' : '');
  });
  for (const [member, value] of Object.entries(params)) {
    const ref = input?.shape.members?.[member];
    if (ref?.location !== 'querystring' || value === undefined || value === null) continue;
    query.push(`${percentEncode(ref.locationName ?? member, '-_.~')}=${percentEncode(queryValue(value), '-_.~')}`);
  }
  return `https://${hostname}${path}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}
