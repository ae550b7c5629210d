import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

/** One line of the report: what was measured, our figure, the baseline's, and the goal. */
export interface BenchResult {
  name: string;
  value: number;
  baseline?: number;
  unit: string;
  goal?: string;
  /** True when the goal is met; undefined when there is no goal. */
  pass?: boolean;
}

/** Runs `fn` `repeat` times and returns the fastest wall time in ms (the least disturbed run). */
export function bestOf(repeat: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run the benchmarks with node --expose-gc (npm run bench does)');
  collect();
  collect();
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

export function report(results: BenchResult[]): string {
  const rows = results.map((r) => [
    r.name,
    `${fmt(r.value)} ${r.unit}`,
    r.baseline === undefined ? '' : `${fmt(r.baseline)} ${r.unit}`,
    r.baseline === undefined ? '' : `${(r.value / r.baseline).toFixed(2)}x`,
    r.goal ?? '',
    r.pass === undefined ? '' : r.pass ? 'met' : 'MISSED',
  ]);
  const header = ['benchmark', 'awslab', 'baseline', 'ratio', 'goal', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The repository root: the benchmarks run compiled under node_modules/.cache, so walk up to it. */
export function findRepo(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = resolve(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'awslab') return dir;
  }
  throw new Error(`no awslab package.json above ${from}`);
}

export const repo = findRepo(import.meta.dirname);
