import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/main.js';
import type { CommandIO } from '../../src/commands/io.js';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `awslab ARGS` in-process with captured output, stdin text, and a private AWSLAB_HOME. */
export async function awslab(args: string[], options: { stdin?: string; home?: string; env?: Record<string, string> } = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => options.stdin ?? '',
    stdinIsTTY: false,
    stdoutIsTTY: false,
    env: { AWSLAB_HOME: options.home ?? tempHome(), AWSLAB_LEARNER: 'ana', ...options.env },
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

export function tempHome(): string {
  return mkdtempSync(join(tmpdir(), 'awslab-home-'));
}
