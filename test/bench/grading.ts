import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gradeAll } from '../../src/commands/grade.js';
import { builtInLabsDir, loadLab } from '../../src/lab/catalog.js';
import { createSubmission } from '../../src/lab/submission.js';
import { fill, suffixFor } from '../../src/lab/templates.js';
import type { BenchResult } from './harness.js';

const SUBMISSIONS = 1000;
const LINES = 50;

/** A 50-line attempt: the reference solution among the looking-around a learner does. */
function transcript(seed: number, solution: string[]): string[] {
  const values = { suffix: suffixFor(seed), account: '123456789012', region: 'us-east-1', seed: String(seed) };
  const filler = ['tasks', 'aws s3api list-buckets', 'aws s3api get-bucket-versioning --bucket reports-{{suffix}}', 'aws s3 ls', 'hint', 'ls', 'aws s3api list-object-versions --bucket reports-{{suffix}} --output table'];
  const lines = [...solution];
  for (let i = 0; lines.length < LINES; i++) lines.splice(1 + (i % lines.length), 0, filler[i % filler.length]!);
  return lines.map((l) => fill(l, values));
}

export async function gradingBenchmarks(): Promise<BenchResult[]> {
  const entry = loadLab(join(builtInLabsDir(), 's3-versioning-recover'));
  const solution = readFileSync(join(entry.dir, 'solution.txt'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  const jobs = Array.from({ length: SUBMISSIONS }, (_, i) => {
    const seed = 1000 + i;
    const submission = createSubmission({ lab: { id: entry.lab.id, sha256: entry.sha256 }, learner: `learner-${i}`, seed, awslabVersion: 'bench', createdAt: '2026-01-01T00:00:00Z' }, transcript(seed, solution));
    return { source: `learner-${i}.json`, text: JSON.stringify(submission) };
  });
  const time = async (workers: number) => {
    const start = performance.now();
    const results = await gradeAll(entry, jobs, workers);
    const failed = results.filter((r) => !r.ok || r.grade.score !== r.grade.maxScore);
    if (failed.length) throw new Error(`${failed.length} bench submissions did not grade to full marks`);
    return performance.now() - start;
  };
  const serial = await time(1);
  const cores = availableParallelism();
  const parallel = await time(cores);
  const rate = (ms: number) => (SUBMISSIONS / ms) * 1000;
  return [
    { name: `grade 1,000 submissions of 50 lines, ${cores} workers (baseline: one at a time)`, value: parallel / 1000, baseline: serial / 1000, unit: 's', goal: '< 10 s', pass: parallel < 10_000 },
    { name: 'grading rate with workers (baseline: one at a time)', value: rate(parallel), baseline: rate(serial), unit: 'subs/s' },
  ];
}
