import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { notesCommand } from '../../src/commands/notes.js';
import { UsageError, type CommandIO } from '../../src/commands/io.js';

const fixtures = join(__dirname, 'fixtures');

async function run(argv: string[], { tty = false, env = {}, notesDir = fixtures }: { tty?: boolean; env?: Record<string, string>; notesDir?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => '', stdinIsTTY: tty, stdoutIsTTY: tty, env };
  const code = await notesCommand(argv, io, { notesDir, columns: 60 });
  return { code, stdout, stderr };
}

describe('awslab notes', () => {
  it('lists the topics by exam domain, with each note\'s title', async () => {
    const { code, stdout } = await run([]);
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 3)).toEqual(['Reference notes (3). Open one with: awslab notes TOPIC', '', 'Cloud Concepts (24% of the exam)']);
    expect(stdout).toContain('\nCloud Technology and Services (34% of the exam)\n');
    expect(stdout).toContain('\n  s3-versioning             S3 versioning\n');
    expect(stdout).toContain('\n  cloud-computing           Cloud computing fundamentals (no note yet)\n');
  });

  it('renders a topic\'s note, plain when not on a terminal', async () => {
    const { code, stdout } = await run(['vpc']);
    expect(code).toBe(0);
    expect(stdout).toBe('Amazon VPC\n==========\n\nA virtual network. Subnets, route tables and gateways.\n\nSubnets\n-------\n\nA subnet lives in one Availability Zone.\n');
  });

  it('renders only the section a topic#anchor link names', async () => {
    const { stdout } = await run(['s3-versioning#restoring-an-object']);
    expect(stdout.split('\n').slice(0, 2)).toEqual(['Restoring an object', '-------------------']);
    expect(stdout).not.toContain('Related');
  });

  it('is plain on a terminal when NO_COLOR is set', async () => {
    expect((await run(['s3-versioning'], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b');
  });

  it('names near misses for an unknown topic and exits 1', async () => {
    const { code, stdout, stderr } = await run(['s3-versionning']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe("awslab notes: no note for 's3-versionning'. Did you mean: s3-versioning? Run awslab notes to list the topics.\n");
  });

  it('names the sections for an unknown anchor and exits 1', async () => {
    const { code, stderr } = await run(['s3-versioning#delete-marker']);
    expect(code).toBe(1);
    expect(stderr).toBe('awslab notes: s3-versioning has no section #delete-marker. Did you mean: s3-versioning#delete-markers?\nSections: versioning-states, delete-markers, restoring-an-object, related\n');
  });

  it('searches notes and prints each hit with its matching lines and section links', async () => {
    const { code, stdout } = await run(['--search', 'availability', 'zone']);
    expect(code).toBe(0);
    expect(stdout).toBe('1 note matches "availability zone":\n\nvpc  Amazon VPC\n     7: A subnet lives in one Availability Zone.  [vpc#subnets]\n');
  });

  it('exits 1 when no note matches', async () => {
    const { code, stderr } = await run(['--search', 'kubernetes']);
    expect(code).toBe(1);
    expect(stderr).toBe('awslab notes: no note mentions "kubernetes".\n');
  });

  it('refuses two topics', async () => {
    await expect(run(['vpc', 'ebs'])).rejects.toThrow(UsageError);
  });

  it('opens the notes that ship with awslab by default', async () => {
    let stdout = '';
    const io: CommandIO = { stdout: (t) => void (stdout += t), stderr: () => {}, readStdin: async () => '', stdinIsTTY: false, stdoutIsTTY: false, env: {} };
    expect(await notesCommand(['s3-versioning'], io)).toBe(0);
    expect(stdout.split('\n')[0]).toBe('S3 versioning');
  });
});
