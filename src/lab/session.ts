import { ConsoleRunner, type ConsoleResult } from '../console/console-runner.js';
import { VirtualFiles } from '../console/files.js';
import { tokenize, TokenizeError } from '../lib/tokenize.js';
import { createWorld, type World } from '../runtime/index.js';
import { consoleCommand, LAB_COMMANDS } from './commands/index.js';
import { evaluate, readsOf, type CheckOutcome, type CheckSource } from './checks/index.js';
import type { Lab, LabEvent, Task } from './lab-file.js';
import { fill, fillDeep, suffixFor, type TemplateValues } from './templates.js';

/** One line the learner ran, with the virtual time it ran at and what it printed. */
export interface TranscriptEntry {
  line: string;
  timeMs: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Something the lab tells the learner beside a line's own output. */
export interface LabMessage {
  kind: 'passed' | 'say' | 'hint';
  text: string;
  taskId?: string;
}

export interface TaskState {
  passed: boolean;
  /** The transcript line (1-based) after which the task first passed. */
  passedAtLine?: number;
  hintsTaken: number;
  hintCost: number;
  outcome: CheckOutcome;
}

export interface StepResult {
  result: ConsoleResult;
  messages: LabMessage[];
}

export interface LabSessionOptions {
  seed: number;
  columns?: number;
}

/** A failure while building the lab's world: the lab file is wrong, not the learner. */
export class LabSetupError extends Error {}

/** Where each thing a check may read keeps a count that grows when it changes. */
const STAMPS: Record<CheckSource, (world: World) => number> = {
  world: (world) => world.changeCount,
  activity: (world) => world.activity.length,
};
const SOURCES = Object.keys(STAMPS) as CheckSource[];

/** Callers whose activity counts as the learner's own (a `used` check ignores setup and events). */
const LEARNER = new Set(['user']);

/**
 * One attempt at a lab: a world built from the lab's setup, the learner's files, the
 * transcript, and the state of every task, re-checked after every line. Undo and reset
 * rebuild the world and replay the transcript: the world is deterministic, so replaying
 * the same lines with the same seed gives the same world.
 */
export class LabSession {
  readonly lab: Lab;
  readonly seed: number;
  world!: World;
  files!: VirtualFiles;
  startMs = 0;
  private console!: ConsoleRunner;
  private eventConsole!: ConsoleRunner;
  private entries: TranscriptEntry[] = [];
  private states = new Map<string, TaskState>();
  private fired = new Set<LabEvent>();
  /** Hints that cost points, by the transcript line (0-based) that took them. */
  private hintsCharged: { at: number; taskId: string }[] = [];
  private seenActivity = 0;
  private readonly columns: number | undefined;

  readonly templateValues: TemplateValues;

  constructor(lab: Lab, options: LabSessionOptions) {
    this.seed = options.seed;
    this.columns = options.columns;
    this.templateValues = { suffix: suffixFor(options.seed), account: '123456789012', region: lab.region, seed: String(options.seed) };
    this.lab = fillDeep(lab, this.templateValues);
    this.build();
  }

  /**
   * Charges a hint to a task. Called by the hint command while its line runs, so the line's
   * index is the transcript's length; rewind reads this to keep hints taken.
   */
  chargeHint(taskId: string, cost: number): void {
    const state = this.taskState(taskId);
    state.hintsTaken += 1;
    state.hintCost += cost;
    if (cost > 0) this.hintsCharged.push({ at: this.entries.length, taskId });
  }

  /** Fills templates in text written for this lab (a reference solution, say) for this attempt. */
  fill(text: string): string {
    return fill(text, this.templateValues);
  }

  get transcript(): readonly TranscriptEntry[] {
    return this.entries;
  }

  taskState(id: string): TaskState {
    const state = this.states.get(id);
    if (!state) throw new Error(`awslab internal error: no task ${id}`);
    return state;
  }

  get allPassed(): boolean {
    return this.lab.tasks.every((t) => this.taskState(t.id).passed);
  }

  /** The first task not yet passed: the one hints are for. */
  get currentTask(): Task | undefined {
    return this.lab.tasks.find((t) => !this.taskState(t.id).passed);
  }

  /** Runs one line as the learner, then fires events and re-checks every task. */
  run(line: string): StepResult {
    const trimmed = line.trim();
    const rewinding = this.rewindingCommand(trimmed);
    if (rewinding) return { result: rewinding(), messages: [] };
    const timeMs = this.world.nowMs;
    const messages: LabMessage[] = [];
    this.pendingMessages = messages;
    const result = this.console.run(line);
    this.pendingMessages = undefined;
    if (trimmed !== '' || result.stdout || result.stderr) this.entries.push({ line, timeMs, ...result });
    this.fireOperationEvents(messages);
    this.recheck(messages);
    return { result, messages };
  }

  /** What Tab offers at `cursor` in `line`: the console's completion, the lab's commands included. */
  complete(line: string, cursor?: number): string[] {
    return this.console.complete(line, cursor);
  }

  /** Checks every task now (during a line, its messages go with the line's). */
  check(): TaskState[] {
    this.recheck(this.pendingMessages ?? []);
    return this.lab.tasks.map((t) => this.taskState(t.id));
  }

  private pendingMessages: LabMessage[] | undefined;
  /** Per task, the stamp of each source when its check last ran. */
  private checkedAt = new Map<string, Record<CheckSource, number>>();

  private build(): void {
    this.world = createWorld({ seed: this.seed });
    this.files = new VirtualFiles(this.lab.files, () => this.world.nowMs);
    const common = { world: this.world, files: this.files, region: this.lab.region, columns: this.columns };
    const commands = LAB_COMMANDS.map((c) => consoleCommand(c, this));
    this.console = new ConsoleRunner({ ...common, caller: 'user', commands, advance: (ms) => this.wait(ms, this.pendingMessages ?? []) });
    this.eventConsole = new ConsoleRunner({ ...common, caller: 'event' });
    const setup = new ConsoleRunner({ ...common, caller: 'setup' });
    this.lab.setup.forEach((line, i) => {
      const result = setup.run(line);
      if (result.exitCode !== 0) throw new LabSetupError(`${this.lab.file}: setup line ${i + 1} failed: ${line}\n${result.stderr.trim()}`);
    });
    this.startMs = this.world.nowMs;
    this.entries = [];
    this.fired = new Set();
    this.hintsCharged = [];
    this.seenActivity = this.world.activity.length;
    this.checkedAt = new Map();
    this.states = new Map(this.lab.tasks.map((t) => [t.id, { passed: false, hintsTaken: 0, hintCost: 0, outcome: { passed: false, why: 'Not checked yet.' } }]));
    this.recheck([]);
  }

  /** A line that is an undo or reset: run on the session, outside the transcript it rewinds. */
  private rewindingCommand(line: string): (() => ConsoleResult) | undefined {
    let words: string[];
    try {
      words = tokenize(line);
    } catch (error) {
      if (error instanceof TokenizeError) return undefined;
      throw error;
    }
    const [name, ...args] = words;
    const command = LAB_COMMANDS.find((c) => c.rewinds && c.name === name);
    return command && (() => command.run(args, this));
  }

  /**
   * Keeps the first `keep` lines of the transcript: rebuilds the world and replays them. A hint
   * that cost points stays taken: its line is kept after them as `hint take TASK`, so the
   * transcript (and a submission made from it) still charges it, and a grader replaying it
   * sees the same cost.
   */
  rewind(keep: number): ConsoleResult {
    const lines = this.entries.slice(0, keep).map((e) => e.line);
    const kept = this.hintsCharged.filter((h) => h.at >= keep).map((h) => `hint take ${h.taskId}`);
    const dropped = this.entries.length - keep;
    this.build();
    for (const l of [...lines, ...kept]) this.run(l);
    const what = keep === 0 ? 'The lab has started again from the beginning.' : `Took back ${dropped} line${dropped === 1 ? '' : 's'}; ${keep} remain.`;
    const hints = kept.length ? ` The ${kept.length === 1 ? 'hint' : `${kept.length} hints`} you took stay${kept.length === 1 ? 's' : ''} taken.` : '';
    return { exitCode: 0, stdout: `${what}${hints}\n`, stderr: '' };
  }

  private recheck(messages: LabMessage[]): void {
    // A task's `after` events fire the moment it passes, before later tasks are checked, so a
    // later task sees the world the event made. Repeat until no task changes. A passed task
    // stays passed, and a check is re-run only when what its kind says it reads has moved
    // (the world, the activity log: see checks/kind.ts). Replaying a class's
    // submissions spends most of its time here.
    const env = { world: this.world, files: this.files, region: this.lab.region, learnerCallers: LEARNER };
    for (let changed = true; changed; ) {
      changed = false;
      for (const task of this.lab.tasks) {
        const state = this.taskState(task.id);
        if (state.passed) continue;
        const stamp = Object.fromEntries(SOURCES.map((s) => [s, STAMPS[s](this.world)])) as Record<CheckSource, number>;
        const seen = this.checkedAt.get(task.id);
        if (seen && [...readsOf(task.check)].every((s) => seen[s] === stamp[s])) continue;
        this.checkedAt.set(task.id, stamp);
        state.outcome = evaluate(task.check, env);
        if (!state.outcome.passed) continue;
        state.passed = true;
        state.passedAtLine = this.entries.length;
        changed = true;
        messages.push({ kind: 'passed', taskId: task.id, text: `Task passed: ${task.title}` });
        for (const event of this.lab.events) {
          if (!this.fired.has(event) && 'after' in event.trigger && event.trigger.after === task.id) this.fire(event, messages);
        }
      }
    }
  }

  private fireOperationEvents(messages: LabMessage[]): void {
    const fresh = this.world.activity.slice(this.seenActivity).filter((r) => LEARNER.has(r.caller) && !r.errorCode);
    this.seenActivity = this.world.activity.length;
    for (const event of this.lab.events) {
      const on = 'on' in event.trigger ? event.trigger.on : undefined;
      if (!on || this.fired.has(event)) continue;
      if (fresh.some((r) => r.service === on.service && r.operation === on.operation)) this.fire(event, messages);
    }
  }

  private fire(event: LabEvent, messages: LabMessage[]): void {
    this.fired.add(event);
    for (const line of event.run) this.eventConsole.run(line);
    if (event.fault) this.eventConsole.run(`fault ${event.fault}`);
    this.seenActivity = this.world.activity.length;
    if (event.say) messages.push({ kind: 'say', text: event.say });
  }

  /** Moves the clock, stopping at each timed event on the way so it happens at its own time. */
  private wait(ms: number, messages: LabMessage[]): void {
    const until = this.world.nowMs + ms;
    for (;;) {
      const due = this.lab.events
        .filter((e) => !this.fired.has(e) && 'atMs' in e.trigger && this.startMs + e.trigger.atMs <= until)
        .sort((a, b) => ('atMs' in a.trigger && 'atMs' in b.trigger ? a.trigger.atMs - b.trigger.atMs : 0))[0];
      if (!due || !('atMs' in due.trigger)) break;
      this.world.advance(Math.max(0, this.startMs + due.trigger.atMs - this.world.nowMs));
      this.fire(due, messages);
    }
    this.world.advance(until - this.world.nowMs);
  }
}
