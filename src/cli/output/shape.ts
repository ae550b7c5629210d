import type { MemberRef, ServiceModel, Shape } from '../../runtime/model.js';
import { PyFloat, type PyDict, type PyValue } from '../python/builtins.js';

/**
 * Turns a response as the runtime returns it (any member order, Date timestamps,
 * Uint8Array blobs, undefined members) into the value the AWS CLI formats: what botocore's
 * parser builds from the wire, then the CLI's scalar parsers apply.
 *
 * - Members come in the output shape's order (botocore walks the shape's members), and for
 *   rest protocols the header-bound members come first, as BaseRestParser parses headers
 *   before the payload. Members the shape does not know follow in their own order, except
 *   ResponseMetadata, which botocore puts first.
 * - undefined and null members are left out; botocore never produces a None member.
 * - A `headers` map (S3's Metadata) is always present, {} when empty, as botocore parses it.
 * - Timestamps print as the CLI's iso8601 timestamp parser prints them:
 *   parse_timestamp(wire).isoformat(), so "2025-01-06T09:00:00+00:00", with ".123000" when
 *   the wire carried milliseconds; header timestamps (RFC 822) carry whole seconds.
 * - Blobs print base64-encoded (the CLI's identity blob parser); a streaming payload (a
 *   GetObject Body) is the outfile's business and is dropped.
 * - float and double members become PyFloat, so 2 prints as 2.0 (only without --query).
 */
export interface NormalizeOptions {
  markFloats: boolean;
}

export function normalizeResponse(
  response: Record<string, unknown>,
  model: ServiceModel,
  operation: string,
  options: NormalizeOptions,
): PyDict {
  const op = model.operations[operation];
  const shape = op?.output ? model.shapes[op.output.shape] : undefined;
  const walker = new Walker(model, options);
  if (!shape || shape.type !== 'structure') return walker.generic(response) as PyDict;
  return walker.structure(response, shape, true);
}

const REST_PROTOCOLS = new Set(['rest-xml', 'rest-json']);

interface Plan {
  names: Set<string>;
  /** ResponseMetadata is not a member, so it goes first when present. */
  unknown: boolean;
  members: { name: string; ref: MemberRef; shape: Shape | undefined; streaming: boolean; headerMap: boolean }[];
}

class Walker {
  private readonly plans = new Map<Shape, Plan>();
  private readonly topLevelPlans = new Map<Shape, Plan>();
  private readonly rest: boolean;
  private readonly bodyTimestampFormat: string;

  constructor(private readonly model: ServiceModel, private readonly options: NormalizeOptions) {
    const protocol = model.metadata.protocol;
    this.rest = REST_PROTOCOLS.has(protocol);
    this.bodyTimestampFormat = protocol === 'json' || protocol === 'rest-json' ? 'unixTimestamp' : 'iso8601';
  }

  structure(value: Record<string, unknown>, shape: Shape, topLevel: boolean): PyDict {
    const plan = this.plan(shape, topLevel);
    const out: PyDict = {};
    if (plan.unknown && value.ResponseMetadata != null) out.ResponseMetadata = this.generic(value.ResponseMetadata);
    for (const member of plan.members) {
      let item = value[member.name];
      if (item == null) {
        if (!member.headerMap) continue;
        item = {};
      }
      if (member.streaming) continue;
      out[member.name] = this.value(item, member.ref, member.shape);
    }
    for (const key in value) {
      if (plan.names.has(key) || key === 'ResponseMetadata' || value[key] == null) continue;
      out[key] = this.generic(value[key]);
    }
    return out;
  }

  /** The members in print order, worked out once per shape. */
  private plan(shape: Shape, topLevel: boolean): Plan {
    const cache = topLevel ? this.topLevelPlans : this.plans;
    let plan = cache.get(shape);
    if (plan) return plan;
    const members = shape.members ?? {};
    const names = Object.keys(members);
    const ordered = topLevel && this.rest ? headersFirst(names, members) : names;
    plan = {
      names: new Set(names),
      unknown: !('ResponseMetadata' in members),
      members: ordered.map((name) => {
        const ref = members[name] as MemberRef;
        const memberShape = this.model.shapes[ref.shape];
        return {
          name,
          ref,
          shape: memberShape,
          streaming: Boolean(memberShape && (ref.streaming || memberShape.streaming)),
          headerMap: topLevel && this.rest && ref.location === 'headers',
        };
      }),
    };
    cache.set(shape, plan);
    return plan;
  }

  private value(value: unknown, ref: MemberRef, shape: Shape | undefined): PyValue {
    if (!shape) return this.generic(value);
    switch (shape.type) {
      case 'structure':
        return isRecord(value) ? this.structure(value, shape, false) : this.generic(value);
      case 'list': {
        if (!Array.isArray(value) || !shape.member) return this.generic(value);
        const itemRef = shape.member;
        const itemShape = this.model.shapes[itemRef.shape];
        return value.map((item) => this.value(item, itemRef, itemShape));
      }
      case 'map': {
        if (!isRecord(value) || !shape.value) return this.generic(value);
        const valueRef = shape.value;
        const valueShape = this.model.shapes[valueRef.shape];
        const out: PyDict = {};
        for (const key of Object.keys(value)) {
          if (value[key] != null) out[key] = this.value(value[key], valueRef, valueShape);
        }
        return out;
      }
      case 'timestamp':
        return value instanceof Date ? isoTimestamp(value, this.timestampFormat(ref, shape)) : this.generic(value);
      case 'blob':
        return value instanceof Uint8Array ? base64(value) : this.generic(value);
      case 'float':
      case 'double':
        return typeof value === 'number' && this.options.markFloats ? new PyFloat(value) : this.generic(value);
      default:
        return this.generic(value);
    }
  }

  private timestampFormat(ref: MemberRef, shape: Shape): string {
    if (ref.timestampFormat) return ref.timestampFormat;
    if (shape.timestampFormat) return shape.timestampFormat;
    if (ref.location === 'header') return 'rfc822';
    return this.bodyTimestampFormat;
  }

  /** A value the shape does not describe: copied, with Dates and bytes made printable. */
  generic(value: unknown): PyValue {
    if (value === null || value === undefined) return null;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
    if (value instanceof Date) return isoTimestamp(value, 'iso8601');
    if (value instanceof Uint8Array) return base64(value);
    if (value instanceof PyFloat) return value;
    if (Array.isArray(value)) return value.map((item) => this.generic(item));
    if (isRecord(value)) {
      const out: PyDict = {};
      for (const key of Object.keys(value)) if (value[key] !== undefined) out[key] = this.generic(value[key]);
      return out;
    }
    return String(value);
  }
}

function headersFirst(names: string[], members: Record<string, MemberRef>): string[] {
  const isHeader = (name: string): boolean => {
    const location = members[name]?.location;
    return location === 'header' || location === 'headers' || location === 'statusCode';
  };
  return [...names.filter(isHeader), ...names.filter((name) => !isHeader(name))];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Uint8Array);
}

/** datetime.isoformat() of the timestamp botocore parses from the wire (always UTC here). */
export function isoTimestamp(date: Date, wireFormat: string): string {
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) return manualIsoTimestamp(date, wireFormat);
  const iso = date.toISOString();
  const ms = iso.slice(20, 23);
  return `${iso.slice(0, 19)}${ms !== '000' && wireFormat !== 'rfc822' ? `.${ms}000` : ''}+00:00`;
}

function manualIsoTimestamp(date: Date, wireFormat: string): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const base = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const ms = date.getUTCMilliseconds();
  const fraction = ms !== 0 && wireFormat !== 'rfc822' ? `.${pad(ms, 3)}000` : '';
  return `${base}${fraction}+00:00`;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}
