import { runAws } from '../cli/index.js';
import { tokenize, TokenizeError } from '../cli/tokenize.js';
import type { CliResult } from '../cli/types.js';
import { DEFAULT_REGION, FAULT_KINDS, MFA_PERIOD_MS, formatDuration, isFaultError, mfaCode, mfaSerialNumber, parseDuration, type World } from '../runtime/index.js';
import { VirtualFiles, normalisePath } from './files.js';
import { substitute, SubstitutionError } from './substitute.js';
import { operatorAdvice, unquotedOperator } from './shell-operators.js';

export type ConsoleResult = CliResult;

/** A command the owner of the console adds (a lab's `hint`, `check`, `tasks`, …). */
export interface ConsoleCommand {
  readonly summary: string;
  run(args: string[]): ConsoleResult;
}

export interface ConsoleOptions {
  world: World;
  files?: VirtualFiles;
  region?: string;
  /** Recorded as the caller of every aws operation this console makes. */
  caller?: string;
  columns?: number;
  commands?: Record<string, ConsoleCommand>;
}

/** Lines longer than this are refused whole rather than half-run. */
export const MAX_LINE_BYTES = 64 * 1024;

const ok = (stdout = ''): ConsoleResult => ({ exitCode: 0, stdout, stderr: '' });
const fail = (stderr: string, exitCode = 1): ConsoleResult => ({ exitCode, stdout: '', stderr: stderr.endsWith('\n') ? stderr : `${stderr}\n` });

/**
 * Runs one console line of any kind: an aws command, a command on the learner's files, a
 * clock or fault command, or a command its owner added. Shared by `sandbox`, `run`, the TUI
 * and replay, so a line means the same thing everywhere.
 */
export class Console {
  readonly world: World;
  readonly files: VirtualFiles;
  region: string;
  private readonly caller: string;
  private readonly columns: number | undefined;
  private readonly commands: Record<string, ConsoleCommand>;

  constructor(options: ConsoleOptions) {
    this.world = options.world;
    this.files = options.files ?? new VirtualFiles({}, () => options.world.nowMs);
    this.region = options.region ?? DEFAULT_REGION;
    this.caller = options.caller ?? 'user';
    this.columns = options.columns;
    this.commands = options.commands ?? {};
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

  private depth = 0;

  private runNested(inner: string): ConsoleResult {
    this.depth++;
    try {
      return this.run(inner);
    } finally {
      this.depth--;
    }
  }

  private runWords(words: string[]): ConsoleResult {
    const [command = '', ...args] = words;
    if (command === 'aws') {
      return runAws(args, { world: this.world, files: this.files, defaultRegion: this.region, caller: this.caller, columns: this.columns });
    }
    const extra = this.commands[command];
    if (extra) return extra.run(args);
    switch (command) {
      case 'ls': return this.ls(args);
      case 'cat': return this.cat(args);
      case 'echo': return this.echo(args);
      case 'rm': return this.rm(args);
      case 'wait': return this.wait(args);
      case 'date': return ok(`${new Date(this.world.nowMs).toISOString().replace('.000Z', 'Z')}\n`);
      case 'fault': return this.fault(args);
      case 'mfa': return this.mfa(args);
      case 'help': return ok(this.help());
      default:
        return fail(`awslab: ${command}: command not found. Type help to see the commands this console understands.`, 127);
    }
  }

  private ls(args: string[]): ConsoleResult {
    const target = args[0] === undefined ? '' : normalisePath(args[0]);
    if (target && this.files.readFile(target)) return ok(`${target}\n`);
    const prefix = target ? `${target}/` : '';
    const names = new Set<string>();
    for (const path of this.files.list()) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf('/');
      names.add(slash === -1 ? rest : rest.slice(0, slash + 1));
    }
    if (target && names.size === 0) return fail(`ls: cannot access '${args[0]}': No such file or directory`, 2);
    return ok(names.size ? `${[...names].join('\n')}\n` : '');
  }

  private cat(args: string[]): ConsoleResult {
    if (args.length === 0) return fail('cat: missing file operand (usage: cat FILE...)');
    let stdout = '';
    let stderr = '';
    for (const path of args) {
      const data = this.files.readFile(path);
      if (data) stdout += new TextDecoder().decode(data);
      else stderr += `cat: ${path}: No such file or directory\n`;
    }
    return { exitCode: stderr ? 1 : 0, stdout, stderr };
  }

  private echo(args: string[]): ConsoleResult {
    const redirect = args.findIndex((a) => a === '>' || a === '>>');
    if (redirect === -1) return ok(`${args.join(' ')}\n`);
    const target = args[redirect + 1];
    if (!target || args.length > redirect + 2) return fail('echo: expected exactly one file after > (usage: echo TEXT > FILE, or >> FILE to append)', 2);
    const text = new TextEncoder().encode(`${args.slice(0, redirect).join(' ')}\n`);
    const previous = args[redirect] === '>>' ? this.files.readFile(target) : undefined;
    this.files.writeFile(target, previous ? concat(previous, text) : text);
    return ok();
  }

  private rm(args: string[]): ConsoleResult {
    if (args.length === 0) return fail('rm: missing operand (usage: rm FILE...)');
    const missing = args.filter((path) => !this.files.remove(path));
    return missing.length ? fail(missing.map((p) => `rm: cannot remove '${p}': No such file or directory`).join('\n')) : ok();
  }

  private wait(args: string[]): ConsoleResult {
    const ms = args.length === 1 ? parseDuration(args[0]!) : undefined;
    if (ms === undefined) return fail('wait: expected one duration such as 90s, 20m, 2h or 3d (usage: wait DURATION)', 2);
    this.world.advance(ms);
    return ok(`Waited ${formatDuration(ms)}. The time is now ${new Date(this.world.nowMs).toISOString().replace('.000Z', 'Z')}.\n`);
  }

  private fault(args: string[]): ConsoleResult {
    const usage = `usage: fault KIND TARGET | fault recover KIND TARGET | fault list\n  KIND is one of: ${FAULT_KINDS.join(', ')}`;
    const [first, ...rest] = args;
    if (first === 'list' || (first === undefined)) {
      if (first === undefined) return fail(usage, 2);
      const lines = this.world.faults.map((f) => `${f.kind} ${f.target} (since ${new Date(f.sinceMs).toISOString().replace('.000Z', 'Z')})`);
      return ok(lines.length ? `${lines.join('\n')}\n` : 'No faults are active.\n');
    }
    const recovering = first === 'recover';
    const [kind, target, ...extra] = recovering ? rest : args;
    if (!kind || !target || extra.length || !FAULT_KINDS.includes(kind)) return fail(usage, 2);
    try {
      if (recovering) {
        return this.world.recoverFault(kind, target) ? ok(`Recovered: ${kind} ${target}.\n`) : fail(`fault: no active ${kind} for ${target} (fault list shows the active ones)`);
      }
      this.world.injectFault(kind, target);
      return ok(`Injected: ${kind} ${target}.\n`);
    } catch (error) {
      if (isFaultError(error)) return fail(`fault: ${error.message}`, 2);
      throw error;
    }
  }

  /** The account's virtual MFA device, as an authenticator app would show it. */
  private mfa(args: string[]): ConsoleResult {
    const serial = mfaSerialNumber(this.world.accountId);
    if (args.length === 1 && args[0] === '--value') return ok(`${serial} ${mfaCode(this.world.accountId, this.world.nowMs)}\n`);
    if (args.length) return fail('usage: mfa (the virtual MFA device and its current code) | mfa --value (just "SERIAL CODE", for --mfa "$(mfa --value)")', 2);
    const secondsLeft = Math.ceil((MFA_PERIOD_MS - (this.world.nowMs % MFA_PERIOD_MS)) / 1000);
    return ok(`Virtual MFA device: ${serial}\nCurrent code:       ${mfaCode(this.world.accountId, this.world.nowMs)} (changes in ${secondsLeft}s of simulated time)\nUse it as: --mfa "${serial} ${mfaCode(this.world.accountId, this.world.nowMs)}"\n`);
  }


  private help(): string {
    const builtins: Array<[string, string]> = [
      ['aws SERVICE OPERATION [--param value ...]', 'call the simulated AWS (try: aws help, aws s3api help)'],
      ['ls [FOLDER]', 'list your working files'],
      ['cat FILE...', 'print files'],
      ['echo TEXT [> FILE | >> FILE]', 'print text, or write it to a file'],
      ['rm FILE...', 'delete working files'],
      ['wait DURATION', 'move the simulated clock forward (90s, 20m, 2h, 3d)'],
      ['date', 'print the simulated time'],
      ['mfa [--value]', "show the account's virtual MFA device and its current code (for MFA Delete)"],
      ['fault KIND TARGET', `inject a fault (${FAULT_KINDS.join(', ')}); fault recover KIND TARGET ends it; fault list`],
      ['# text', 'a comment'],
    ];
    const extras = Object.entries(this.commands).map(([name, c]): [string, string] => [name, c.summary]);
    const rows = [...builtins, ...extras];
    const width = Math.max(...rows.map(([n]) => n.length));
    return `${rows.map(([name, summary]) => `  ${name.padEnd(width)}  ${summary}`).join('\n')}\n`;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}
