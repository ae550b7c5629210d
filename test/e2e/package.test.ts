import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Learners get awslab as a package (npx awslab): pack it, install the tarball into an empty
// folder, and run the installed binary from there, so a file missing from "files" or a
// dependency missing from "dependencies" fails here rather than on a learner's machine.
const repo = resolve(__dirname, '..', '..');
let work: string;
let bin: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'awslab-pack-'));
  const packed = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', work], { cwd: repo, encoding: 'utf8' }).trim().split('\n').pop()!;
  writeFileSync(join(work, 'package.json'), '{"name":"pack-test","private":true}');
  execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund', join(work, packed)], { cwd: work, stdio: 'pipe' });
  bin = join(work, 'node_modules', '.bin', 'awslab');
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('prints its version', () => {
    const version = (JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { cwd: repo, encoding: 'utf8' })) as { version: string }).version;
    expect(execFileSync(bin, ['--version'], { cwd: work, encoding: 'utf8' })).toBe(`awslab ${version}\n`);
  });

  it('runs a sandbox line against the simulated S3', () => {
    const out = execFileSync(bin, ['sandbox', '--script', '-'], { cwd: work, encoding: 'utf8', input: 'aws s3api create-bucket --bucket pack-test-bucket\n' });
    expect(out).toBe('{\n    "Location": "/pack-test-bucket"\n}\n');
  });
});
