/**
 * Templates make names differ between learners: `reports-{{suffix}}` is a different bucket
 * for every seed, so one learner's transcript does not grade for another.
 */
export interface TemplateValues {
  suffix: string;
  account: string;
  region: string;
  seed: string;
}

export const TEMPLATE_NAMES: readonly (keyof TemplateValues)[] = ['suffix', 'account', 'region', 'seed'];

const PATTERN = /\{\{\s*([A-Za-z0-9_-]*)\s*\}\}/g;

/** A six-character lower-case suffix from the seed; valid in bucket names and most AWS names. */
export function suffixFor(seed: number): string {
  let x = (seed ^ 0x9e3779b9) >>> 0;
  let out = '';
  for (let i = 0; i < 6; i++) {
    x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) >>> 0;
    x = (x ^ (x >>> 12)) >>> 0;
    out += 'abcdefghijklmnopqrstuvwxyz0123456789'[x % 36];
  }
  return out;
}

/** The template names a text uses that are not known, for validation. */
export function unknownTemplates(text: string): string[] {
  return [...text.matchAll(PATTERN)].map((m) => m[1]!).filter((name) => !TEMPLATE_NAMES.includes(name as keyof TemplateValues));
}

export function fill(text: string, values: TemplateValues): string {
  return text.replace(PATTERN, (whole, name: string) => (name in values ? values[name as keyof TemplateValues] : whole));
}

/** Fills every string inside a value (lab files are trees of strings, numbers and lists). */
export function fillDeep<T>(value: T, values: TemplateValues): T {
  if (typeof value === 'string') return fill(value, values) as T;
  if (Array.isArray(value)) return value.map((v) => fillDeep(v, values)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [fill(k, values), fillDeep(v, values)])) as T;
  }
  return value;
}

/** Every string in a value with its path, to report unknown templates where they are. */
export function* stringsIn(value: unknown, path: Array<string | number> = []): Generator<[Array<string | number>, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* stringsIn(v, [...path, i]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* stringsIn(v, [...path, k]);
}
