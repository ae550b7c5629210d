/**
 * The virtual clock and its scheduler. Time moves only when told and never goes back;
 * background behaviour (replication lag, health checks, scaling) is a task scheduled on
 * it. Tasks are plain data naming a service's task handler, so a world snapshot captures
 * the queue along with everything else.
 */
export interface ScheduledTask {
  readonly id: number;
  readonly atMs: number;
  readonly service: string;
  /** The region whose state the task works on (a global service's tasks carry the caller's). */
  readonly region: string;
  readonly task: string;
  readonly payload: unknown;
}

export interface ClockState {
  nowMs: number;
  nextTaskId: number;
  /** Kept sorted by (atMs, id) so that equal times run in the order they were scheduled. */
  queue: ScheduledTask[];
}

export function createClockState(startMs: number): ClockState {
  return { nowMs: startMs, nextTaskId: 1, queue: [] };
}

export function scheduleTask(clock: ClockState, atMs: number, what: Pick<ScheduledTask, 'service' | 'region' | 'task' | 'payload'>): ScheduledTask {
  const entry: ScheduledTask = { id: clock.nextTaskId++, atMs: Math.max(atMs, clock.nowMs), ...what };
  // Binary search for the first entry due strictly later: insertion keeps FIFO order among equals.
  let lo = 0;
  let hi = clock.queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (clock.queue[mid]!.atMs <= entry.atMs) lo = mid + 1;
    else hi = mid;
  }
  clock.queue.splice(lo, 0, entry);
  return entry;
}

/** Removes and returns the next task due at or before `untilMs`, moving the clock to it. */
export function takeDueTask(clock: ClockState, untilMs: number): ScheduledTask | undefined {
  const next = clock.queue[0];
  if (!next || next.atMs > untilMs) return undefined;
  clock.queue.shift();
  clock.nowMs = Math.max(clock.nowMs, next.atMs);
  return next;
}
