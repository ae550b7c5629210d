import { describe, expect, it } from 'vitest';
import { runAws, runAwsLine, tokenize, TokenizeError } from '../../src/cli/index.js';
import type { CliContext, CliResult } from '../../src/cli/types.js';
import { createRandomState, nextUint32 } from '../../src/lib/random.js';
import { memoryFiles, testWorld, FIXTURE_FILES } from './support.js';

/**
 * Whatever a learner types, `aws` answers like the CLI: a result, never an exception; an
 * exit code the CLI uses; something on stderr when it fails; never a JavaScript stack trace.
 * Random bytes, mutated real commands and huge tokens go through tokenize and runAws.
 * The run is seeded (AWSLAB_FUZZ_SEED to replay); a failure prints the seed and the line.
 */
const SEED = Number(process.env.AWSLAB_FUZZ_SEED ?? 20250106);
// 10,000 lines by default keep `npm test` quick; AWSLAB_FUZZ_RUNS=100000 (or more) for a deep run.
const RUNS = Number(process.env.AWSLAB_FUZZ_RUNS ?? 10_000);
const EXIT_CODES = new Set([0, 252, 253, 254, 255]);
const STACK_TRACE = /\n\s+at \S.*(?:\(|:\d+:\d+)|\b(?:TypeError|RangeError|ReferenceError|SyntaxError): /;

/** A number in [0, 1) from the project's one seeded generator (lib/random). */
function prng(seed: number): () => number {
  const state = createRandomState(seed);
  return () => nextUint32(state) / 0x1_0000_0000;
}

const CORPUS = [
  'aws s3api create-bucket --bucket fuzz-bucket',
  'aws s3api create-bucket --bucket fuzz-eu --region eu-west-1 --create-bucket-configuration LocationConstraint=eu-west-1',
  'aws s3api put-object --bucket fuzz-bucket --key a/b.txt --body hello.txt --metadata a=b,c=d --tagging k=v',
  'aws s3api put-object --bucket fuzz-bucket --key k --body data.json --content-type application/json --expires 2025-01-01',
  'aws s3api get-object --bucket fuzz-bucket --key a/b.txt out.txt --range bytes=0-2',
  'aws s3api head-object --bucket fuzz-bucket --key k --if-modified-since 2020-01-01T00:00:00Z',
  'aws s3api list-objects-v2 --bucket fuzz-bucket --prefix a/ --delimiter / --max-items 1 --page-size 1',
  'aws s3api list-objects --bucket fuzz-bucket --max-items 2 --starting-token eyJNYXJrZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==',
  'aws s3api list-object-versions --bucket fuzz-bucket --key-marker a --version-id-marker null',
  'aws s3api put-bucket-versioning --bucket fuzz-bucket --versioning-configuration Status=Enabled,MFADelete=Disabled',
  'aws s3api put-bucket-versioning --bucket fuzz-bucket --versioning-configuration \'{"Status": "Suspended"}\'',
  'aws s3api get-bucket-versioning --bucket fuzz-bucket --query Status --output text',
  "aws s3api delete-objects --bucket fuzz-bucket --delete 'Objects=[{Key=a/b.txt},{Key=k,VersionId=null}],Quiet=true'",
  'aws s3api copy-object --bucket fuzz-bucket --key copy --copy-source fuzz-bucket/k --metadata-directive REPLACE',
  "aws s3api put-object-tagging --bucket fuzz-bucket --key k --tagging 'TagSet=[{Key=env,Value=prod}]'",
  'aws s3api get-object-tagging --bucket fuzz-bucket --key k --output table',
  'aws s3api delete-object --bucket fuzz-bucket --key k --mfa "arn:aws:iam::123456789012:mfa/root 123456"',
  'aws s3api list-buckets --query "Buckets[].Name" --output yaml',
  'aws s3api get-bucket-location --bucket fuzz-bucket --output yaml-stream',
  'aws s3api put-object --generate-cli-skeleton yaml-input',
  'aws s3api put-object --cli-input-json file://data.json',
  'aws pager list-things --max-items 2 --starting-token 3___1',
  'aws pager list-pairs --page-size 2',
  'aws s3 ls s3://fuzz-bucket --recursive',
  'aws help',
  'aws s3api help',
  'aws s3api list-objects-v2 help',
  'aws --version',
];

const OPTIONS = ['--bucket', '--key', '--query', '--output', '--region', '--max-items', '--page-size', '--starting-token', '--no-paginate', '--cli-input-json', '--cli-input-yaml', '--generate-cli-skeleton', '--body', '--metadata', '--delete', '--versioning-configuration', '--debug', '--endpoint-url', '--cli-error-format', '--cli-binary-format', '--version', '--', '-', 'help', '--no-', '--c', '--max-keys', '--fetch-owner', '--no-fetch-owner', '--if-modified-since', '--part-number', '--content-length'];
const VALUES = [
  '', ' ', '-1', '0', '1e3', 'nan', 'inf', '1_000', '0x10', 'true', 'None', 'null', '{}', '[]', '{', '[', '"', "'", '\\', 'a=b', 'a=b,c', 'a=[b,{c=d}]', 'a={b=', '=', ',', 'Key=', '{"a": [1, 2.5, null, true, {"b": "c"}]}',
  '{"Objects": [{"Key": 1}], "Quiet": "yes"}', 'file://', 'file://data.json', 'file://hello.txt', 'file://bin.dat', 'fileb://bin.dat', 'file://dir', 'file://nope', 'fileb://', 's3://x/y', 'us-east-1', 'nowhere-1', 'us east', 'json', 'text', 'table', 'off', 'yaml-input', 'output', 'Contents[].Key', 'foo[', 'length(@)',
  '`1`', '2025-13-45', '1736154000', 'é', '名前', '😀', '\u0000', '\u202e', '\ud800', 'a\nb', '__proto__', 'constructor', '__proto__=x', 'eyJOZXh0VG9rZW4iOiBudWxsfQ==', 'AAAA', '___', 'a___b___c', '$(echo)', '%s%n', '../../etc/passwd',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function randomText(random: () => number, length: number): string {
  const alphabet = ' \t\n\'"\\=,[]{}-_./:#$`|;&<>*?~!@%^()+0123456789abcdefxyzABCXYZéü名😀\u0000\u0007\u007f\u2028';
  const chars = [...alphabet];
  let text = '';
  for (let i = 0; i < length; i++) text += random() < 0.05 ? String.fromCharCode(Math.floor(random() * 0xd7ff)) : pick(random, chars);
  return text;
}

function quote(word: string): string {
  return `'${word.replace(/'/g, "'\\''")}'`;
}

function mutate(random: () => number, line: string): string {
  let words = line.split(' ');
  const mutations = 1 + Math.floor(random() * 4);
  for (let m = 0; m < mutations; m++) {
    const at = Math.floor(random() * (words.length + 1));
    switch (Math.floor(random() * 10)) {
      case 0:
        words.splice(at, 1);
        break;
      case 1:
        words.splice(at, 0, pick(random, OPTIONS));
        break;
      case 2:
        words.splice(at, 0, quote(pick(random, VALUES)));
        break;
      case 3:
        words.splice(at, 1, quote(pick(random, VALUES)));
        break;
      case 4:
        words.splice(at, 0, ...words.slice(0, Math.max(1, at)));
        break;
      case 5: {
        const text = words.join(' ');
        const cut = Math.floor(random() * (text.length + 1));
        words = `${text.slice(0, cut)}${randomText(random, 1 + Math.floor(random() * 3))}${text.slice(cut + Math.floor(random() * 3))}`.split(' ');
        break;
      }
      case 6:
        words = words.slice(0, Math.floor(random() * (words.length + 1)));
        break;
      case 7:
        words.splice(at, 0, quote(`${pick(random, ['a=', '{"a": "', 'x', '[', 'Key='])}${'z'.repeat(1000 + Math.floor(random() * 20_000))}`));
        break;
      case 8: {
        const i = Math.floor(random() * words.length);
        const j = Math.floor(random() * words.length);
        [words[i], words[j]] = [words[j] ?? '', words[i] ?? ''];
        break;
      }
      default:
        words.splice(at, 0, `${pick(random, OPTIONS)}=${pick(random, VALUES).replace(/\s/g, '')}`);
    }
  }
  return words.join(' ');
}

/** Keeps `aws <service> <operation>` and changes the parameters, to reach parsing and validation. */
function mutateParameters(random: () => number, line: string): string {
  const words = line.split(' ');
  const head = words.slice(0, 3);
  const tail = words.slice(3);
  const mutations = 1 + Math.floor(random() * 2);
  for (let m = 0; m < mutations; m++) {
    const values = tail.map((word, i) => (word.startsWith('--') ? -1 : i)).filter((i) => i >= 0);
    const choice = random();
    if (choice < 0.5 && values.length > 0) {
      const value = random() < 0.7 ? pick(random, VALUES) : randomText(random, Math.floor(random() * 40));
      tail[pick(random, values)] = quote(value);
    } else if (choice < 0.8) {
      tail.push(pick(random, OPTIONS), quote(random() < 0.8 ? pick(random, VALUES) : randomText(random, 20)));
    } else if (tail.length > 0) {
      tail.splice(Math.floor(random() * tail.length), 1);
    }
  }
  return [...head, ...tail].join(' ');
}

function nextLine(random: () => number): string {
  const kind = random();
  if (kind < 0.1) return `aws ${randomText(random, Math.floor(random() * 120))}`;
  if (kind < 0.13) return randomText(random, Math.floor(random() * 60));
  if (kind < 0.15) return `aws s3api ${pick(random, ['put-object', 'list-objects-v2', 'delete-objects'])} ${randomText(random, 50_000)}`;
  if (kind < 0.65) return mutateParameters(random, pick(random, CORPUS));
  return mutate(random, pick(random, CORPUS));
}

function problem(result: CliResult): string | undefined {
  if (!EXIT_CODES.has(result.exitCode)) return `exit code ${result.exitCode}`;
  if (typeof result.stdout !== 'string' || typeof result.stderr !== 'string') return 'output is not text';
  if (result.exitCode !== 0 && result.stderr.trim() === '') return 'failed with an empty stderr';
  if (STACK_TRACE.test(result.stderr) || STACK_TRACE.test(result.stdout)) return 'a stack trace was printed';
  return undefined;
}

describe('fuzzing aws command lines', () => {
  it(`survives ${RUNS} random and mutated command lines (seed ${SEED})`, { timeout: 120_000 }, () => {
    const random = prng(SEED);
    const world = testWorld(SEED);
    const ctx: CliContext = { world, files: memoryFiles(FIXTURE_FILES), defaultRegion: 'us-east-1' };
    const failures: string[] = [];
    const internal = new Map<string, number>();
    for (let i = 0; i < RUNS && failures.length < 5; i++) {
      const line = nextLine(random);
      let result: CliResult;
      try {
        try {
          tokenize(line);
        } catch (error) {
          if (!(error instanceof TokenizeError)) throw error;
        }
        result = random() < 0.1 ? runAws(line.split(/ +/).slice(1), ctx) : runAwsLine(line, ctx);
      } catch (error) {
        failures.push(`run ${i} threw ${String(error)} for ${JSON.stringify(line.slice(0, 300))}`);
        continue;
      }
      const found = problem(result);
      if (found) failures.push(`run ${i}: ${found} for ${JSON.stringify(line.slice(0, 300))}: ${JSON.stringify(result.stderr.slice(0, 300))}`);
      const bug = /awslab internal error: (.*)/.exec(result.stderr)?.[1];
      if (bug) internal.set(bug, (internal.get(bug) ?? 0) + 1);
    }
    if (failures.length > 0) console.error(`fuzz seed ${SEED} (replay with AWSLAB_FUZZ_SEED=${SEED}):\n${failures.join('\n')}`);
    expect(failures).toEqual([]);
    // An internal error is awslab's bug, not the learner's: none may appear either.
    expect([...internal.entries()]).toEqual([]);
  });
});
