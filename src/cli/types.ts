import type { World } from '../runtime/world.js';
import type { Caller } from './caller.js';

/**
 * The learner's working folder as the CLI sees it: `file://`, `fileb://`, `--body`,
 * `aws s3 cp` and get-object's outfile read and write here, never on the real disk.
 */
export interface CliFileSystem {
  readFile(path: string): Uint8Array | undefined;
  writeFile(path: string, data: Uint8Array): void;
  /** Every file path, sorted; paths are relative, `/`-separated, no leading `./`. */
  list(): string[];
  /** Optional: `aws s3 mv` and `sync --delete` remove local files. */
  remove?(path: string): boolean;
  /** Optional: file times, which `aws s3 sync` compares. */
  modifiedMs?(path: string): number | undefined;
  setModifiedMs?(path: string, ms: number): void;
}

export interface CliContext {
  readonly world: World;
  readonly files: CliFileSystem;
  /** The region used when neither --region nor the command says otherwise. */
  readonly defaultRegion: string;
  /** Recorded in the world's activity log as the caller (`user`, `setup`, …). */
  readonly caller?: string;
  /** Who the command acts as (its --profile or --no-sign-request); absent, the console's administrator. */
  readonly identity?: Caller;
  /** Terminal width for `table` output; the AWS CLI uses the terminal's width. */
  readonly columns?: number;
}

export interface CliResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /**
   * What an operation call gave, for programs (lab checks) that must not read printed text
   * back: `value` is what `--output json` prints (after --query, before formatting) as plain
   * data, absent when nothing would be printed; `error` is the service's error as botocore
   * reports it (a HEAD call's code is its HTTP status, `404`). Absent for usage errors,
   * client-side failures and the `aws s3` high-level commands.
   */
  readonly response?: CallResponse;
}

export interface CallResponse {
  readonly value?: unknown;
  readonly error?: { readonly code: string; readonly message: string; readonly status?: number };
}

/** The AWS CLI's exit codes (https://docs.aws.amazon.com/cli/latest/userguide/cli-chap-returncodes.html). */
export const EXIT = {
  ok: 0,
  /** aws s3 commands: some files were not transferred. */
  s3Partial: 1,
  /** Command line could not be parsed, or a parameter is invalid. */
  usage: 252,
  /** The environment or configuration is invalid (no region, bad profile). */
  config: 253,
  /** The service returned an error. */
  service: 254,
  /** Any other error. */
  general: 255,
} as const;
