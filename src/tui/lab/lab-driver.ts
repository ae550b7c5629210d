import { AttemptRecorder } from '../../app/attempt.js';
import type { ProbeView } from '../../console/command.js';
import type { LabEntry } from '../../lab/catalog.js';
import { gradeSession, type Grade } from '../../lab/grade.js';
import { LabSession, type LabMessage } from '../../lab/session.js';
import type { Attempt } from '../../progress/schema.js';
import type { ProgressStore } from '../../progress/store.js';

/** One console line and what came of it. */
export interface Step {
  line: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  messages: LabMessage[];
  /** A probe line's result as data, drawn as a path. */
  probe?: ProbeView;
}

/** A task as the task list shows it. */
export interface TaskView {
  id: string;
  title: string;
  points: number;
  passed: boolean;
  /** Points this task is worth now: its points less the hints taken (what a pass earns). */
  worth: number;
  hintsTaken: number;
  hintCost: number;
  /** The first task not yet passed: the one hints are for. */
  current: boolean;
}

/** The next hint, described before it is taken. */
export interface HintOffer {
  taskId: string;
  taskTitle: string;
  /** 1-based tier, and how many tiers the task has. */
  number: number;
  of: number;
  cost: number;
  /** What the task is worth after taking it. */
  worthAfter: number;
  points: number;
}

export interface FinishSummary {
  labId: string;
  title: string;
  grade: Grade;
  /** Wall-clock time spent on the attempt (earlier sittings included). */
  realMs: number;
  hintsUsed: number;
  hintCost: number;
  next?: { id: string; title: string };
}

export interface LabDriverOptions {
  seed: number;
  /** An unfinished attempt to continue: its lines are replayed into a fresh session with its seed. */
  resume?: Attempt;
  /** Console width, for the aws CLI's own wrapping (help, tables). */
  columns?: number;
  now?: () => number;
}

/**
 * The lab screen's engine: a LabSession, the attempt saved after every line, and the views
 * the screen draws (tasks, score, clock, the next hint). No React here, and no AWS
 * behaviour or grading of its own: everything comes from the session and gradeSession.
 */
export class LabDriver {
  readonly session: LabSession;
  /** The replayed lines of a continued attempt, for the console. */
  readonly replayed: Step[] = [];
  private readonly recorder: AttemptRecorder;
  private readonly now: () => number;
  private readonly openedAtMs: number;
  private readonly earlierMs: number;
  private latestGrade: Grade;
  /** The last error saving the attempt, if any (shown in the console; the lab goes on). */
  saveError: string | undefined;

  constructor(
    readonly entry: LabEntry,
    store: ProgressStore,
    options: LabDriverOptions,
  ) {
    this.now = options.now ?? (() => Date.now());
    this.openedAtMs = this.now();
    const resume = options.resume;
    this.session = new LabSession(entry.lab, { seed: resume?.seed ?? options.seed, columns: options.columns });
    if (resume) {
      for (const { line } of resume.transcript) this.replayed.push(this.step(line));
      this.recorder = new AttemptRecorder(store, entry, this.session, { id: resume.id, startedAt: resume.startedAt });
      this.earlierMs = Math.max(0, Date.parse(resume.updatedAt) - Date.parse(resume.startedAt));
    } else {
      this.recorder = new AttemptRecorder(store, entry, this.session);
      this.earlierMs = 0;
    }
    this.latestGrade = gradeSession(this.session);
  }

  private step(line: string): Step {
    const { result, messages } = this.session.run(line);
    return { line, exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, messages, ...(result.probe ? { probe: result.probe } : {}) };
  }

  /** Runs one console line, then saves the attempt. */
  run(line: string): Step {
    const step = this.step(line);
    this.save(false);
    return step;
  }

  private save(finished: boolean): void {
    if (this.session.transcript.length === 0 && !finished) {
      this.latestGrade = gradeSession(this.session);
      return;
    }
    try {
      this.recorder.save(finished);
      this.saveError = undefined;
    } catch (error) {
      this.saveError = `Your progress could not be saved: ${(error as Error).message}`;
    }
    this.latestGrade = gradeSession(this.session);
  }

  /** Saves now (leaving the lab, quitting the app): nothing when no line was typed. */
  saveNow(): void {
    this.save(false);
  }

  get grade(): Grade {
    return this.latestGrade;
  }

  get title(): string {
    return this.session.lab.title;
  }

  get region(): string {
    return this.session.lab.region;
  }

  /** Simulated time now, and how far it has moved since the lab began. */
  get clock(): { nowMs: number; elapsedMs: number } {
    return { nowMs: this.session.world.nowMs, elapsedMs: this.session.world.nowMs - this.session.startMs };
  }

  get lines(): number {
    return this.session.transcript.length;
  }

  tasks(): TaskView[] {
    const current = this.session.currentTask?.id;
    return this.session.lab.tasks.map((task) => {
      const state = this.session.taskState(task.id);
      return {
        id: task.id,
        title: task.title,
        points: task.points,
        passed: state.passed,
        worth: Math.max(0, task.points - state.hintCost),
        hintsTaken: state.hintsTaken,
        hintCost: state.hintCost,
        current: task.id === current,
      };
    });
  }

  /** The next hint for the current task and what it costs, or why there is none. */
  hintOffer(): HintOffer | { none: string } {
    const task = this.session.currentTask;
    if (!task) return { none: 'Every task has passed: no hints needed.' };
    const state = this.session.taskState(task.id);
    const next = task.hints[state.hintsTaken];
    if (!next) return { none: task.hints.length ? `No more hints for "${task.title}": all ${task.hints.length} are in the console above.` : `"${task.title}" has no hints.` };
    return {
      taskId: task.id,
      taskTitle: task.title,
      number: state.hintsTaken + 1,
      of: task.hints.length,
      cost: next.cost,
      worthAfter: Math.max(0, task.points - state.hintCost - next.cost),
      points: task.points,
    };
  }

  /** Takes the next hint as a console line (`hint take`), so that it is in the transcript and replays. */
  takeHint(): Step {
    return this.run('hint take');
  }

  /** Ends the attempt: saved as finished, graded. */
  finish(next?: { id: string; title: string }): FinishSummary {
    this.save(true);
    const grade = this.latestGrade;
    return {
      labId: this.session.lab.id,
      title: this.title,
      grade,
      realMs: this.earlierMs + (this.now() - this.openedAtMs),
      hintsUsed: grade.tasks.reduce((sum, t) => sum + t.hintsUsed, 0),
      hintCost: grade.tasks.reduce((sum, t) => sum + t.hintCost, 0),
      ...(next ? { next } : {}),
    };
  }
}
