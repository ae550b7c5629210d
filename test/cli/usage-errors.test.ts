import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAwsLine } from '../../src/cli/index.js';
import { createWorld } from '../../src/runtime/index.js';
import { FIXTURE_FILES, memoryFiles } from './support.js';

interface Golden {
  line: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}

// The real AWS CLI v2's stdout, stderr and exit code for lines that fail before a request
// is sent (or cannot reach a region that does not exist), captured from /usr/bin/aws by
// fixtures/capture-usage.mjs. Each case cites its source in that file's comments.
const goldens = JSON.parse(readFileSync(new URL('./fixtures/usage-errors.json', import.meta.url), 'utf8')) as Golden[];

describe('aws command lines compared with the real AWS CLI v2', () => {
  for (const golden of goldens) {
    it(`aws ${golden.line} → exit ${golden.exitCode}`, () => {
      const files = memoryFiles(FIXTURE_FILES);
      const result = runAwsLine(`aws ${golden.line}`, { world: createWorld(), files, defaultRegion: 'us-east-1' });
      expect({ exitCode: result.exitCode, stderr: result.stderr, stdout: result.stdout }).toEqual({
        exitCode: golden.exitCode,
        stderr: golden.stderr,
        stdout: golden.stdout,
      });
    });
  }
});
