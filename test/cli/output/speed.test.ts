import { describe, expect, it } from 'vitest';
import { formatResponse, type OutputFormat } from '../../../src/cli/output/index.js';
import { s3Model } from './helpers.js';

/** A formatter runs on every console line: a 5,000-line listing must print in milliseconds. */
function versions(count: number): Record<string, unknown> {
  const owner = { ID: '75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a', DisplayName: 'webfile' };
  return {
    Name: 'reports-demo',
    Versions: Array.from({ length: count }, (_, i) => ({
      Key: `reports/2025/q${i}.csv`,
      VersionId: `3HL4kqtJvjVBH40Nrjfkd${String(i).padStart(8, '0')}`,
      IsLatest: i % 3 === 0,
      LastModified: new Date(Date.UTC(2025, 0, 6, 9, 0, i % 60)),
      ETag: '"0a97327e52ba58dec3d3a60e30b4c862"',
      Size: 1000 + i,
      StorageClass: 'STANDARD',
      Owner: owner,
    })),
  };
}

/** The best of three runs, so that one garbage collection or a busy machine does not decide. */
function bestOfThree(run: () => string): { elapsedMs: number; lines: number } {
  let best = Infinity;
  let lines = 0;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    lines = run().split('\n').length - 1;
    best = Math.min(best, performance.now() - start);
  }
  return { elapsedMs: best, lines };
}

// About 10 ms on an idle machine; the bound leaves room for a loaded 2-core CI machine.
const BUDGET_MS = 150;

describe('formatResponse prints 5,000-line outputs in milliseconds', () => {
  const cases: [OutputFormat, number][] = [['json', 500], ['table', 500], ['yaml', 500], ['yaml-stream', 500], ['text', 2500]];
  for (const [format, count] of cases) {
    it(`${count} versions as ${format}`, () => {
      const response = versions(count);
      const { elapsedMs, lines } = bestOfThree(() => formatResponse(response, { format, model: s3Model, operation: 'ListObjectVersions' }));
      expect(lines).toBeGreaterThanOrEqual(5000);
      expect(elapsedMs).toBeLessThan(BUDGET_MS);
    });
  }

  it('applies a --query to 5,000 versions', () => {
    const response = versions(5000);
    const { elapsedMs, lines } = bestOfThree(() =>
      formatResponse(response, { format: 'text', query: 'Versions[].[Key,VersionId]', model: s3Model, operation: 'ListObjectVersions' }));
    expect(lines).toBe(5000);
    expect(elapsedMs).toBeLessThan(BUDGET_MS);
  });
});
