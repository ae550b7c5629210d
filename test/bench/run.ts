import { report, type BenchResult } from './harness.js';
import { s3Benchmarks } from './s3.js';
import { startupBenchmarks } from './startup.js';
import { gradingBenchmarks } from './grading.js';
import { tuiBenchmarks } from './tui.js';
import { outputBenchmarks } from './output.js';
import { ec2Benchmarks } from './ec2.js';

// `npm run bench`: every figure beside a baseline measured in this same run, on this machine.
const only = process.argv[2];
const suites: Record<string, () => BenchResult[] | Promise<BenchResult[]>> = {
  startup: startupBenchmarks,
  s3: s3Benchmarks,
  output: outputBenchmarks,
  grading: gradingBenchmarks,
  tui: tuiBenchmarks,
  ec2: ec2Benchmarks,
};
const results: BenchResult[] = [];
for (const [name, suite] of Object.entries(suites)) {
  if (only && only !== name) continue;
  process.stderr.write(`running ${name} benchmarks…\n`);
  results.push(...(await suite()));
}
process.stdout.write(`${report(results)}\n`);
const missed = results.filter((r) => r.pass === false);
if (missed.length) process.stdout.write(`\n${missed.length} goal${missed.length === 1 ? '' : 's'} missed: ${missed.map((r) => r.name).join('; ')}\n`);
