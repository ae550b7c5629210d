import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MemberRef, ServiceModel, Shape } from '../../../src/runtime/model.js';
import s3ModelJson from '../../../src/runtime/s3/model.json' with { type: 'json' };

export const s3Model = s3ModelJson as unknown as ServiceModel;
export const FIXTURES = join(import.meta.dirname, 'fixtures');

export function caseDirectories(folder: string): string[] {
  return readdirSync(join(FIXTURES, folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function readFixture(...path: string[]): string {
  return readFileSync(join(FIXTURES, ...path), 'utf8');
}

/**
 * A parsed response as the CLI printed it, turned back into what the runtime hands the
 * formatter: timestamps as Dates, and every structure's members in reverse order, since
 * the runtime promises no order.
 */
export function asRuntimeResponse(value: unknown, model: ServiceModel, shapeName: string | undefined): unknown {
  const shape = shapeName ? model.shapes[shapeName] : undefined;
  return revive(value, model, shape);
}

function revive(value: unknown, model: ServiceModel, shape: Shape | undefined): unknown {
  if (shape?.type === 'timestamp' && typeof value === 'string') return new Date(value);
  if (Array.isArray(value)) {
    const member = shape?.type === 'list' ? shape.member : undefined;
    return value.map((item) => revive(item, model, refShape(model, member)));
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(record).reverse()) {
      let child: MemberRef | undefined;
      if (shape?.type === 'structure') child = shape.members?.[key];
      else if (shape?.type === 'map') child = shape.value;
      out[key] = revive(record[key], model, refShape(model, child));
    }
    if (shape?.type === 'map') return Object.fromEntries(Object.keys(out).reverse().map((key) => [key, out[key]]));
    return out;
  }
  return value;
}

function refShape(model: ServiceModel, ref: MemberRef | undefined): Shape | undefined {
  return ref ? model.shapes[ref.shape] : undefined;
}
