import { tokenize, TokenizeError } from '../lib/tokenize.js';
import { DEFAULT_REGION, type World } from '../runtime/index.js';
import { fail, ok, type ConsoleCommand, type ConsoleContext, type ConsoleResult } from './command.js';
import { CONSOLE_COMMANDS } from './commands/index.js';
import { VirtualFiles } from './files.js';
import { substitute, SubstitutionError } from './substitute.js';
import { operatorAdvice, unquotedOperator } from './shell-operators.js';

export type { ConsoleCommand, ConsoleResult } from './command.js';

export interface ConsoleOptions {
  world: World;
  files?: VirtualFiles;
  region?: string;
  /** Recorded as the caller of every aws operation this console makes. */
  caller?: string;
  columns?: number;
  /** Commands the owner of the console adds (a lab's `hint`, `check`, `tasks`, …). */
  commands?: readonly ConsoleCommand[];
  /** How `wait` moves the clock; a lab stops on the way at its timed events. */
  advance?(ms: number): void;
}

/** Lines longer than this are refused whole rather than half-run. */
export const MAX_LINE_BYTES = 64 * 1024;

/**
 * Runs console lines of any kind: an aws command, a command on the learner's files, a clock
 * or fault command, or a command its owner added. Shared by `sandbox`, `run`, the TUI and
 * replay, so a line means the same thing everywhere; it also completes a line for Tab.
 */
export class ConsoleRunner {
  readonly world: World;
  readonly files: VirtualFiles;
  readonly region: string;
  private readonly context: ConsoleContext;
  private readonly byName: ReadonlyMap<string, ConsoleCommand>;

  constructor(options: ConsoleOptions) {
    this.world = options.world;
    this.files = options.files ?? new VirtualFiles({}, () => options.world.nowMs);
    this.region = options.region ?? DEFAULT_REGION;
    const commands = [...CONSOLE_COMMANDS, ...(options.commands ?? [])];
    // An owner's command replaces the console's own of the same name.
    this.byName = new Map(commands.map((c) => [c.name, c]));
    this.context = {
      world: this.world,
      files: this.files,
      region: this.region,
      caller: options.caller ?? 'user',
      columns: options.columns,
      advance: options.advance ?? ((ms) => this.world.advance(ms)),
      commands: [...this.byName.values()],
    };
  }

  run(line: string): ConsoleResult {
    if (Buffer.byteLength(line) > MAX_LINE_BYTES) {
      return fail(`awslab: line too long (${Buffer.byteLength(line)} bytes; a console line may be at most ${MAX_LINE_BYTES} bytes)`, 2);
    }
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return ok();
    const operator = unquotedOperator(trimmed);
    if (operator) return fail(operatorAdvice(operator), 2);
    let words: string[];
    let innerErrors = '';
    try {
      const expanded = this.depth < 4 ? substitute(trimmed, (inner) => this.runNested(inner)) : { line: trimmed, stderr: '' };
      innerErrors = expanded.stderr;
      words = tokenize(expanded.line);
    } catch (error) {
      if (error instanceof TokenizeError || error instanceof SubstitutionError) return fail(`${innerErrors}awslab: ${error.message}`, 2);
      throw error;
    }
    if (words.length === 0) return { exitCode: 0, stdout: '', stderr: innerErrors };
    const result = this.runWords(words);
    return innerErrors ? { ...result, stderr: innerErrors + result.stderr } : result;
  }

  /**
   * What Tab offers for the word at `cursor`: command names for the first word, then what
   * that command completes (the aws CLI's services, operations and parameters; the
   * learner's files; task ids for hint; fault kinds), sorted and without repeats.
   */
  complete(line: string, cursor: number = line.length): string[] {
    const before = [...line].slice(0, cursor).join('').trimStart();
    const words = before.split(/\s+/);
    const partial = words[words.length - 1] ?? '';
    const [name = '', ...args] = words.slice(0, -1);
    const candidates = words.length <= 1 ? [...this.byName.keys()].filter((n) => n.startsWith(partial)) : (this.byName.get(name)?.complete?.({ line: before, args, partial }, this.context) ?? []);
    return [...new Set(candidates)].sort();
  }

  private depth = 0;

  private runNested(inner: string): ConsoleResult {
    this.depth++;
    try {
      return this.run(inner);
    } finally {
      this.depth--;
    }
  }

  /**
   * `COMMAND > FILE` and `>> FILE`, as a shell does them, because AWS documents saving a new
   * key pair that way (`aws ec2 create-key-pair … --output text > MyKeyPair.pem`): the file
   * is written (empty if the command printed nothing or failed) and errors still reach the
   * screen. https://docs.aws.amazon.com/cli/latest/userguide/cli-services-ec2-keypairs.html
   */
  private redirect(command: ConsoleCommand, args: string[], at: number): ConsoleResult {
    const path = args[at + 1];
    if (path === undefined || args.length > at + 2) {
      return fail(`awslab: ${command.name}: name exactly one file after ${args[at]} and put it at the end of the line (… > FILE, or >> FILE to append)`, 2);
    }
    const result = command.run(args.slice(0, at), this.context);
    const before = args[at] === '>>' ? (this.files.readFile(path) ?? new Uint8Array()) : new Uint8Array();
    const output = new TextEncoder().encode(result.stdout);
    const data = new Uint8Array(before.byteLength + output.byteLength);
    data.set(before);
    data.set(output, before.byteLength);
    this.files.writeFile(path, data);
    return { ...result, stdout: '' };
  }

  private runWords(words: string[]): ConsoleResult {
    const [name = '', ...args] = words;
    const command = this.byName.get(name);
    if (command) {
      const at = command.ownRedirection ? -1 : args.findIndex((a) => a === '>' || a === '>>');
      return at < 0 ? command.run(args, this.context) : this.redirect(command, args, at);
    }
    return fail(`awslab: ${name}: command not found. Type help to see the commands this console understands.`, 127);
  }
}
