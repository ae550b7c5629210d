import { createHash } from 'node:crypto';
import type { Lab } from './lab-file.js';

/**
 * The parts of a lab that grading depends on, each hashed on its own so that a changed lab
 * can say what changed. Prose (title, briefing, task titles and descriptions, hint texts,
 * notes, the reference solution) is left out: rewording a briefing must not invalidate a
 * class's submissions.
 */
export const GRADED_PARTS = {
  world: 'the starting account (region, files, setup lines)',
  checks: 'the task checks',
  points: 'the points and hint costs',
  events: 'the scheduled events',
} as const;

export type GradedPart = keyof typeof GRADED_PARTS;

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

export function gradedParts(lab: Lab): Record<GradedPart, string> {
  return {
    world: hash([lab.region, Object.entries(lab.files).sort(([a], [b]) => a.localeCompare(b)), lab.setup]),
    checks: hash(lab.tasks.map((t) => [t.id, t.check])),
    points: hash(lab.tasks.map((t) => [t.id, t.points, t.hints.map((h) => h.cost)])),
    events: hash(lab.events.map((e) => [e.trigger, e.run, e.fault ?? null])),
  };
}

/** One hash of every graded part: what a submission is bound to. */
export function gradedSha256(parts: Record<GradedPart, string>): string {
  return hash((Object.keys(GRADED_PARTS) as GradedPart[]).map((p) => parts[p]));
}

/** `the task checks and the scheduled events`: the parts that differ, for a message. */
export function describeChanges(then: Partial<Record<GradedPart, string>> | undefined, now: Record<GradedPart, string>): string {
  const changed = then ? (Object.keys(GRADED_PARTS) as GradedPart[]).filter((p) => then[p] !== now[p]).map((p) => GRADED_PARTS[p]) : [];
  if (changed.length === 0) return 'what it grades has changed';
  return `${changed.length === 1 ? changed[0] : `${changed.slice(0, -1).join(', ')} and ${changed.at(-1)}`} changed`;
}
