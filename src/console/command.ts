import type { CliResult } from '../cli/types.js';
import type { Hop } from '../runtime/ec2/reachability.js';
import type { World } from '../runtime/index.js';
import type { VirtualFiles } from './files.js';

export type { Hop as ProbeHop };

/**
 * A probe's result as data, for a front end that draws the path rather than printing it
 * (the lab screen): the engine's hops, which one decided, and the endpoints and resources
 * by the names the learner knows them by.
 */
export interface ProbeView {
  readonly allowed: boolean;
  readonly hops: readonly Hop[];
  /** Index in `hops` of the deciding hop, when there is one. */
  readonly deciding?: number;
  /** `TCP port 22`, `ICMP type 8`. */
  readonly traffic: string;
  /** The endpoints: `i-… (web)`, `internet 203.0.113.10`. */
  readonly from: string;
  readonly to: string;
  /** Security groups' names and instances', subnets', ACLs' and tables' Name tags, by id. */
  readonly names: Readonly<Record<string, string>>;
  /** What the line printed: the text report or `--json`. */
  readonly printed: 'text' | 'json';
}

/** What a console line gave: the CLI's result, plus a probe's data when the line was a probe. */
export type ConsoleResult = CliResult & { readonly probe?: ProbeView };

/** What a console command may use: the world, the learner's files, and the console's settings. */
export interface ConsoleContext {
  readonly world: World;
  readonly files: VirtualFiles;
  readonly region: string;
  /** Recorded as the caller of every aws operation this console makes. */
  readonly caller: string;
  readonly columns: number | undefined;
  /** Moves the simulated clock; a lab's console stops on the way at its timed events. */
  advance(ms: number): void;
  /** Every command of this console, the owner's included (for help). */
  readonly commands: readonly ConsoleCommand[];
}

/** The line being completed, split at the cursor. */
export interface CompletionRequest {
  /** The text before the cursor, leading blanks removed. */
  readonly line: string;
  /** The complete words after the command's name. */
  readonly args: readonly string[];
  /** The word being typed (may be empty). */
  readonly partial: string;
}

/**
 * One console command: its name, how it is used, one line for help, what it does, and the
 * words Tab offers after it. The console's own commands are in commands/; the owner of a
 * console (a lab) adds its own the same way, so help and completion see them all.
 */
export interface ConsoleCommand {
  readonly name: string;
  /** As help shows it: `wait DURATION`. */
  readonly usage: string;
  readonly summary: string;
  run(args: string[], ctx: ConsoleContext): ConsoleResult;
  complete?(request: CompletionRequest, ctx: ConsoleContext): readonly string[];
  /** True when the command reads `> FILE` among its arguments itself (echo); otherwise the console redirects its output. */
  readonly ownRedirection?: boolean;
}

export const ok = (stdout = ''): ConsoleResult => ({ exitCode: 0, stdout, stderr: '' });
export const fail = (stderr: string, exitCode = 1): ConsoleResult => ({ exitCode, stdout: '', stderr: stderr.endsWith('\n') ? stderr : `${stderr}\n` });

/** The simulated time as the console prints it: ISO 8601 to the second. */
export const isoSeconds = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The learner's file paths starting with what is typed: `cat`, `rm` and `ls` complete these. */
export const completeFiles = (request: CompletionRequest, ctx: ConsoleContext): readonly string[] => ctx.files.list().filter((p) => p.startsWith(request.partial));
