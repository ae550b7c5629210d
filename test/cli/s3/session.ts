import { runAwsLine } from '../../../src/cli/index.js';
import type { CliResult } from '../../../src/cli/types.js';
import { VirtualFiles } from '../../../src/console/files.js';
import { createWorld, type World } from '../../../src/runtime/index.js';

/** A learner's session for behaviour tests: a fresh world, a folder, and `aws …` lines to run. */
export interface Session {
  readonly world: World;
  readonly files: VirtualFiles;
  run(line: string): CliResult;
  /** Runs a line that must succeed, and returns its stdout. */
  ok(line: string): string;
  text(path: string): string | undefined;
  keys(bucket: string): string[];
  head(bucket: string, key: string): Record<string, unknown>;
}

export function session(files: Record<string, string> = {}, region = 'us-east-1'): Session {
  const world = createWorld();
  const folder = new VirtualFiles(files, () => world.nowMs);
  const ctx = { world, files: folder, defaultRegion: region };
  const run = (line: string) => runAwsLine(line, ctx);
  return {
    world,
    files: folder,
    run,
    ok(line) {
      const result = run(line);
      if (result.exitCode !== 0) throw new Error(`${line} exited ${result.exitCode}: ${result.stderr}`);
      return result.stdout;
    },
    text(path) {
      const data = folder.readFile(path);
      return data === undefined ? undefined : new TextDecoder().decode(data);
    },
    keys(bucket) {
      const listed = world.call('s3', 'ListObjectsV2', { Bucket: bucket });
      return ((listed.Contents ?? []) as Array<{ Key: string }>).map((item) => item.Key);
    },
    head(bucket, key) {
      return world.call('s3', 'HeadObject', { Bucket: bucket, Key: key });
    },
  };
}

export const REFERENCE = 'https://docs.aws.amazon.com/cli/latest/reference/s3';
