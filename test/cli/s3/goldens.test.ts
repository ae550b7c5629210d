import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAws } from '../../../src/cli/index.js';
import { LearnerFolder, LEARNER_HOME } from '../../../src/cli/s3/learner-folder.js';
import { VirtualFiles } from '../../../src/console/files.js';
import { createWorld, type World } from '../../../src/runtime/index.js';
import { parseDuration } from '../../../src/lib/duration.js';

/**
 * Every `aws s3` command in fixtures/goldens.json, run against the simulator and compared
 * with what the real AWS CLI v2 printed for it, byte for byte: stdout, stderr, exit code,
 * then the learner's folder (content and mtime of each file) and every bucket's objects
 * (a step without `files` or `objects` left them as the step before did).
 * fixtures/capture.py made the goldens (aws-cli/2.9.19 against moto, clock frozen at the
 * simulator's start time; its docstring says how the runs were made comparable). The CLI
 * printed errors in the legacy format, so the commands run with --cli-error-format legacy.
 */
type Content = string | { size: number };

interface AwsStep {
  aws: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  files?: Record<string, { content: Content; mtime: string }>;
  objects?: Record<string, { size: number; etag: string; contentType: string; lastModified: string }>;
}

type Step =
  | AwsStep
  | { wait: string }
  | { write: string; content: Content }
  | { remove: string }
  | { call: string; input: Record<string, unknown> };

interface Scenario {
  id: string;
  doc: string;
  files: Record<string, Content>;
  steps: Step[];
}

const goldens = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'goldens.json'), 'utf8')) as { scenarios: Scenario[] };

function bytesOf(content: Content): Uint8Array {
  return typeof content === 'string' ? new TextEncoder().encode(content) : new Uint8Array(content.size).fill(0x78);
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

type FolderState = NonNullable<AwsStep['files']>;
type BucketState = NonNullable<AwsStep['objects']>;

function folderState(files: VirtualFiles, world: World): FolderState {
  const folder = new LearnerFolder(files, () => world.nowMs);
  const state: FolderState = {};
  for (const path of files.list()) {
    const data = files.readFile(path) ?? new Uint8Array();
    const stat = folder.stat(`${LEARNER_HOME}/${path}`);
    state[path] = {
      content: data.length < 200 ? new TextDecoder().decode(data) : { size: data.length },
      mtime: isoSeconds(stat?.modifiedMs ?? 0),
    };
  }
  return state;
}

function bucketState(world: World): BucketState {
  const objects: BucketState = {};
  const buckets = (world.call('s3', 'ListBuckets').Buckets ?? []) as Array<{ Name: string }>;
  for (const bucket of buckets.map((b) => b.Name).sort()) {
    const listed = world.call('s3', 'ListObjectsV2', { Bucket: bucket });
    for (const item of (listed.Contents ?? []) as Array<{ Key: string; Size: number; ETag: string; LastModified: Date }>) {
      const head = world.call('s3', 'HeadObject', { Bucket: bucket, Key: item.Key });
      objects[`${bucket}/${item.Key}`] = {
        size: item.Size,
        etag: item.ETag,
        contentType: String(head.ContentType),
        lastModified: isoSeconds(item.LastModified.getTime()),
      };
    }
  }
  return objects;
}

describe('aws s3 against the real AWS CLI v2, command by command', () => {
  it('has the captured scenarios', () => {
    expect(goldens.scenarios.length).toBeGreaterThan(0);
  });

  // Each scenario is one learner session and one test: its setup lines and its commands'
  // assertions in the order they ran, on one world and one folder. expect.soft reports every
  // command that differs, not only the first.
  for (const scenario of goldens.scenarios) {
    it(`aws s3 ${scenario.id} (${scenario.doc})`, () => {
      const world = createWorld();
      const files = new VirtualFiles({}, () => world.nowMs);
      for (const [path, content] of Object.entries(scenario.files)) files.writeFile(path, bytesOf(content));
      const ctx = { world, files, defaultRegion: 'us-east-1' };
      const start = isoSeconds(world.nowMs);
      let expectedFiles: FolderState = Object.fromEntries(
        Object.entries(scenario.files).sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, content]) => [path, { content, mtime: start }]),
      );
      let expectedObjects: BucketState = {};

      scenario.steps.forEach((step, i) => {
        const at = `step ${i + 1} of ${scenario.id}`;
        if ('wait' in step) {
          const ms = parseDuration(step.wait);
          if (ms === undefined) throw new Error(`${at}: wait ${step.wait} is not a duration`);
          world.advance(ms);
        } else if ('write' in step) {
          files.writeFile(step.write, bytesOf(step.content));
        } else if ('remove' in step) {
          expect(files.remove(step.remove), `${at}: remove ${step.remove}`).toBe(true);
        } else if ('call' in step) {
          world.call('s3', step.call, step.input);
        } else {
          const said = `${at}: aws ${step.aws}`;
          const result = runAws(['--cli-error-format', 'legacy', ...step.aws.split(' ')], ctx);
          expect.soft({ exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr }, said).toEqual({
            exitCode: step.exitCode,
            stdout: step.stdout,
            stderr: step.stderr,
          });
          expectedFiles = step.files ?? expectedFiles;
          expectedObjects = step.objects ?? expectedObjects;
          expect.soft(folderState(files, world), `${said}: the learner's folder after it`).toEqual(expectedFiles);
          expect.soft(bucketState(world), `${said}: the buckets' objects after it`).toEqual(expectedObjects);
        }
      });
    });
  }
});
