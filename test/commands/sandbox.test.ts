import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awslab } from './io-helper.js';

const script = (text: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'awslab-script-'));
  const file = join(dir, 'script.txt');
  writeFileSync(file, text);
  return file;
};

describe('awslab sandbox', () => {
  it('runs lines from stdin and prints what the AWS CLI prints', async () => {
    const out = await awslab(['sandbox'], { stdin: 'aws s3api create-bucket --bucket bk1\n# a comment\naws s3api list-buckets --query "Buckets[].Name" --output text\n' });
    expect(out).toEqual({ code: 0, stdout: '{\n    "Location": "/bk1"\n}\nbk1\n', stderr: '' });
  });

  it('prints one JSON object per line with --json', async () => {
    const out = await awslab(['sandbox', '--json', '--script', script('echo hi\naws s3api head-bucket --bucket nope\n')]);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ line: 'echo hi', exitCode: 0, stdout: 'hi\n', stderr: '' });
    expect(lines[1]).toMatchObject({ line: 'aws s3api head-bucket --bucket nope', exitCode: 254, stdout: '' });
    expect(lines[1].stderr).toContain('An error occurred (404) when calling the HeadBucket operation: Not Found');
    expect(out.code).toBe(1);
  });

  it('keeps going after a bad line and exits 1', async () => {
    const out = await awslab(['sandbox'], { stdin: 'aws s3api nope\nfrobnicate\necho still here\n' });
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('still here\n');
    expect(out.stderr).toContain('awslab: frobnicate: command not found. Type help to see the commands this console understands.');
  });

  it('gives byte-identical output for the same seed, and different IDs for another', async () => {
    const lines = 'aws s3api create-bucket --bucket ver\naws s3api put-bucket-versioning --bucket ver --versioning-configuration Status=Enabled\necho a > a\naws s3api put-object --bucket ver --key a --body a\naws s3api put-object --bucket ver --key a --body a\naws s3api list-object-versions --bucket ver\n';
    const a = await awslab(['sandbox', '--seed', '7'], { stdin: lines });
    const b = await awslab(['sandbox', '--seed', '7'], { stdin: lines });
    const c = await awslab(['sandbox', '--seed', '8'], { stdin: lines });
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
    expect(a.stdout).toMatch(/"VersionId": "[A-Za-z0-9._]{32}"/);
  });

  it('joins a line ending in a backslash with the next', async () => {
    const out = await awslab(['sandbox'], { stdin: 'echo one \\\ntwo\n' });
    expect(out.stdout).toBe('one two\n');
  });

  it.each([
    [['sandbox', '--script', '/nonexistent/x.txt'], "awslab: cannot read script '/nonexistent/x.txt': no such file\n"],
    [['sandbox', '--script', tmpdir()], `awslab: cannot read script '${tmpdir()}': it is a folder, not a file\n`],
  ])('refuses an unreadable script: %j', async (args, message) => {
    expect(await awslab(args)).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('refuses a binary script, naming the byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'awslab-bin-'));
    writeFileSync(join(dir, 'b'), Buffer.from([0x61, 0x77, 0x73, 0x00, 0x01]));
    const out = await awslab(['sandbox', '--script', join(dir, 'b')]);
    expect(out).toEqual({ code: 2, stdout: '', stderr: `awslab: '${join(dir, 'b')}' is not a text file (byte 3 is NUL); a script holds one console line per line\n` });
  });

  it('refuses a script that is not UTF-8', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'awslab-latin-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'l'), Buffer.from([0x65, 0x63, 0x68, 0x6f, 0x20, 0xe9]));
    expect((await awslab(['sandbox', '--script', join(dir, 'l')])).stderr).toBe(`awslab: '${join(dir, 'l')}' is not valid UTF-8 text; save it as UTF-8\n`);
  });

  it('refuses an enormous line but runs the rest', async () => {
    const out = await awslab(['sandbox'], { stdin: `echo ${'x'.repeat(70_000)}\necho after\n` });
    expect(out.stdout).toBe('after\n');
    expect(out.stderr).toBe('awslab: line too long (70005 bytes; a console line may be at most 65536 bytes)\n');
  });

  it.each([
    [['sandbox', '--seed', 'abc'], "--seed must be a whole number from 0 to 4294967295, got 'abc'"],
    [['sandbox', '--region', 'mars-1'], "--region must be one of us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-southeast-1; got 'mars-1'"],
    [['sandbox', '--colour'], 'unknown option --colour (options here: --script, --seed, --region, --json)'],
    [['sandbox', 'extra'], "unexpected argument 'extra'"],
    [['sandbox', '--seed'], '--seed needs a value'],
    [['sandbox', '--seed', '--json'], '--seed needs a value (to give one starting with a dash, write --seed=--json)'],
    [['sandbox', '--json=yes'], '--json takes no value (write --json on its own)'],
    [['sandbox', '-x'], 'unknown option -x (options here: --script, --seed, --region, --json)'],
  ])('explains a usage mistake in one line and where to read more, and exits 2: %j', async (args, message) => {
    const out = await awslab(args);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(`awslab: ${message}\nsee awslab sandbox --help\n`);
  });
});

describe('awslab', () => {
  it('prints usage and exits 2 without a command (no TTY here)', async () => {
    const out = await awslab([]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^usage: awslab/);
  });

  it('names an unknown command', async () => {
    const out = await awslab(['lbas']);
    expect(out.code).toBe(2);
    expect(out.stderr.split('\n')[0]).toBe("awslab: unknown command 'lbas'");
  });
});
