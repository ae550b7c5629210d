/** Where a command writes: real streams in the binary, strings in tests. */
export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The whole of standard input, for `--script -`. */
  readStdin(): Promise<string>;
  readonly stdinIsTTY: boolean;
  /** Standard input as a stream, for commands that prompt line by line (process.stdin when absent). */
  readonly stdin?: NodeJS.ReadableStream;
  readonly stdoutIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function processIO(): CommandIO {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  };
}

/** A usage mistake on awslab's own command line: printed with the usage, exit 2. */
export class UsageError extends Error {}
