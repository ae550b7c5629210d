import { formatResponse, type OutputFormat } from '../../src/cli/output/index.js';
import { s3 } from '../../src/runtime/s3/index.js';
import { bestOf, type BenchResult } from './harness.js';

/**
 * A formatter runs on every console line: a 5,000-line listing must print in milliseconds.
 * Each format beside JSON.stringify of the same response (the least any printer must do), in
 * the same run; the goal is the one the old wall-clock test held: under 150 ms.
 */
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

const GOAL_MS = 150;

export function outputBenchmarks(): BenchResult[] {
  const cases: Array<[string, OutputFormat, number, string?]> = [
    ['json', 'json', 500], ['table', 'table', 500], ['yaml', 'yaml', 500], ['yaml-stream', 'yaml-stream', 500], ['text', 'text', 2500],
    ['text --query Versions[].[Key,VersionId]', 'text', 5000, 'Versions[].[Key,VersionId]'],
  ];
  return cases.map(([name, format, count, query]) => {
    const response = versions(count);
    const baseline = bestOf(5, () => void JSON.stringify(response, null, 4));
    const printed = formatResponse(response, { format, model: s3.model, operation: 'ListObjectVersions', ...(query ? { query } : {}) });
    if (printed.split('\n').length - 1 < 5000) throw new Error(`${name}: expected at least 5,000 lines`);
    const value = bestOf(5, () => void formatResponse(response, { format, model: s3.model, operation: 'ListObjectVersions', ...(query ? { query } : {}) }));
    return { name: `output: ${count} versions as ${name}`, value, baseline, unit: 'ms', goal: `< ${GOAL_MS} ms`, pass: value < GOAL_MS };
  });
}
