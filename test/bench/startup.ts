import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, repo, type BenchResult } from './harness.js';

const bin = resolve(repo, 'bin', 'awslab.js');

function time(args: string[], input?: string): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { input, encoding: 'utf8' });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

/** Process start-up, each command beside `node -e 0` measured in the same run (median of n runs). */
export function startupBenchmarks(runs = 15): BenchResult[] {
  const node: number[] = [];
  const version: number[] = [];
  const sandbox: number[] = [];
  for (let i = 0; i < runs; i++) {
    node.push(time(['-e', '0']));
    version.push(time([bin, '--version']));
    sandbox.push(time([bin, 'sandbox', '--script', '-'], 'aws s3api list-buckets\n'));
  }
  const baseline = median(node);
  return [
    { name: 'start-up: awslab --version', value: median(version), baseline, unit: 'ms', goal: '< 3x node -e 0', pass: median(version) < 3 * baseline },
    { name: 'start-up: one-line awslab sandbox', value: median(sandbox), baseline, unit: 'ms', goal: '< 3x node -e 0', pass: median(sandbox) < 3 * baseline },
  ];
}
