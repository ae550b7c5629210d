import { z } from 'zod';
import { DataFileError, DataFileErrors, formatPath, validateWith, YamlFile, type Path } from '../data/yaml-file.js';
import { parseCheck, type Check, type CheckProblem } from './checks/index.js';
import { FAULT_KINDS, REGIONS } from '../runtime/index.js';
import { parseDuration } from '../lib/duration.js';
import { TEMPLATE_NAMES, stringsIn, unknownTemplates } from './templates.js';
import { unknownOperation } from './operation-names.js';
import { brokenNoteLink, builtInAnchors, unknownTopic, type NoteAnchors } from './references.js';

/** The lab file format's version; a file without `format: 1` first is refused. */
export const LAB_FORMAT = 1;

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const NOTE_LINK = /^[a-z0-9-]+(#[a-z0-9-]+)?$/;
const lines = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

const hint = z.union([
  z.string().min(1),
  z.strictObject({ text: z.string().min(1), cost: z.number().int().min(0).optional(), note: z.string().regex(NOTE_LINK, 'expected topic or topic#section').optional() }),
]);

const task = z.strictObject({
  id: z.string().regex(ID, 'lower-case words joined by hyphens, e.g. enable-versioning'),
  title: z.string().min(1),
  description: z.string().optional(),
  points: z.number().int('expected a whole number of points').positive('expected a whole number of points, at least 1'),
  hints: z.array(hint).max(3, 'at most three tiers (a nudge, the concept, the exact command)').default([]),
  note: z.string().regex(NOTE_LINK, 'expected topic or topic#section').optional(),
  check: z.unknown(),
});

const event = z.strictObject({
  after: z.string().optional(),
  at: z.string().optional(),
  on: z.string().regex(/^[a-z0-9-]+:[A-Z][A-Za-z0-9]+$/, 'expected service:Operation, e.g. s3:PutObject').optional(),
  run: lines.optional(),
  fault: z.string().optional(),
  say: z.string().optional(),
});

const labSchema = z.strictObject({
  format: z.literal(LAB_FORMAT),
  id: z.string().regex(ID, 'lower-case words joined by hyphens, e.g. s3-versioning-recover'),
  title: z.string().min(1),
  level: z.enum(['beginner', 'intermediate', 'advanced']),
  minutes: z.number().int('expected a whole number of minutes').positive('expected a whole number of minutes, at least 1'),
  topics: z.array(z.string().regex(ID, 'expected topic ids such as s3-versioning')).min(1),
  region: z.enum(REGIONS.map((r) => r.name) as [string, ...string[]]).default('us-east-1'),
  briefing: z.string().min(1),
  files: z.record(z.string(), z.string()).default({}),
  setup: z.array(z.string()).default([]),
  tasks: z.array(task).min(1),
  events: z.array(event).default([]),
  solution: z.string().default('solution.txt'),
});

export interface Hint {
  text: string;
  /** Points this tier costs, shown before the learner takes it. */
  cost: number;
  note?: string;
}

export interface Task {
  id: string;
  title: string;
  description?: string;
  points: number;
  hints: Hint[];
  note?: string;
  check: Check;
  /** Where the check is written, so validation can point at it. */
  checkAt: { line: number; column: number };
}

export type EventTrigger = { after: string } | { atMs: number } | { on: { service: string; operation: string } };

export interface LabEvent {
  trigger: EventTrigger;
  run: string[];
  fault?: string;
  say?: string;
}

export interface Lab {
  format: 1;
  id: string;
  title: string;
  level: 'beginner' | 'intermediate' | 'advanced';
  minutes: number;
  topics: string[];
  region: string;
  briefing: string;
  files: Record<string, string>;
  setup: string[];
  tasks: Task[];
  events: LabEvent[];
  solution: string;
  /** Where the lab was read from, for messages. */
  file: string;
}

/** Default hint costs by tier, as fractions of the task's points: a nudge is cheap, the command is not. */
const TIER_COST = [0.1, 0.25, 0.5];

/** Parses and validates a lab file; throws DataFileErrors listing every problem with file:line:col. */
export interface ParseLabOptions {
  /** The folder the lab is in: its name must be the lab's id. */
  folder?: string;
  /** Topic id to its note's section anchors; the notes that ship with awslab when left out. */
  anchors?: NoteAnchors;
}

export function parseLab(text: string, file: string, options: ParseLabOptions = {}): Lab {
  const yaml = YamlFile.parse(text, file);
  const value = yaml.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new DataFileErrors([yaml.errorAt([], 'a lab file is a mapping that starts with format: 1')]);
  const firstKey = Object.keys(value)[0];
  if (firstKey !== 'format') throw new DataFileErrors([yaml.errorAt([], `the first key of a lab file must be format: ${LAB_FORMAT} (found ${firstKey ?? 'nothing'})`)]);
  const raw = validateWith(labSchema, yaml);
  const errors: DataFileError[] = [];
  const at = (path: Path, reason: string, atKey = false) => errors.push(yaml.errorAt(path, reason, { atKey }));
  for (const [path, text] of stringsIn(value)) {
    for (const name of unknownTemplates(text)) at(path, `unknown template {{${name}}} (templates: ${TEMPLATE_NAMES.map((n) => `{{${n}}}`).join(', ')})`);
  }

  if (options.folder !== undefined && raw.id !== options.folder) at(['id'], `the lab id '${raw.id}' must match its folder name '${options.folder}'`);
  raw.topics.forEach((topic, i) => {
    const unknown = unknownTopic(topic);
    if (unknown) at(['topics', i], `topics[${i}]: ${unknown}`);
  });
  const anchors = options.anchors ?? builtInAnchors();
  const noteLink = (path: Path, link: string | undefined) => {
    const broken = link === undefined ? undefined : brokenNoteLink(link, anchors);
    if (broken) at(path, `${formatPath(path)}: ${broken}`);
  };
  const taskIds = new Set<string>();
  const tasks: Task[] = [];
  raw.tasks.forEach((t, i) => {
    if (taskIds.has(t.id)) at(['tasks', i, 'id'], `task id '${t.id}' is used twice`);
    taskIds.add(t.id);
    const problems: CheckProblem[] = [];
    const check = parseCheck(t.check, ['tasks', i, 'check'], problems, { brokenNoteLink: (link) => brokenNoteLink(link, anchors) });
    for (const p of problems) at(p.path, p.reason, p.atKey);
    noteLink(['tasks', i, 'note'], t.note);
    t.hints.forEach((h, tier) => noteLink(['tasks', i, 'hints', tier, 'note'], typeof h === 'string' ? undefined : h.note));
    const hints = t.hints.map((h, tier): Hint => {
      const spec = typeof h === 'string' ? { text: h } : h;
      return { text: spec.text, cost: spec.cost ?? Math.max(1, Math.round(t.points * TIER_COST[tier]!)), ...(spec.note ? { note: spec.note } : {}) };
    });
    const located = yaml.errorAt(['tasks', i, 'check'], '');
    const checkAt = { line: located.line, column: located.column };
    if (check) tasks.push({ id: t.id, title: t.title, points: t.points, hints, check, checkAt, ...(t.description ? { description: t.description } : {}), ...(t.note ? { note: t.note } : {}) });
  });

  const events: LabEvent[] = [];
  raw.events.forEach((e, i) => {
    const triggers = (['after', 'at', 'on'] as const).filter((k) => e[k] !== undefined);
    if (triggers.length !== 1) {
      at(['events', i], `an event has exactly one trigger: after (a task id), at (a time such as 10m) or on (service:Operation)${triggers.length ? `; this one has ${triggers.join(' and ')}` : ''}`);
      return;
    }
    if (!e.run && !e.fault && !e.say) at(['events', i], 'an event does something: run (console lines), fault (e.g. zone-outage us-east-1a) or say (a message)');
    let trigger: EventTrigger | undefined;
    if (e.after !== undefined) {
      if (!taskIds.has(e.after)) at(['events', i, 'after'], `after: no task has the id '${e.after}' (tasks: ${[...taskIds].join(', ')})`);
      trigger = { after: e.after };
    } else if (e.at !== undefined) {
      const ms = parseDuration(e.at);
      if (ms === undefined) at(['events', i, 'at'], `at: expected a time since the lab started, such as 90s, 10m or 2h, found '${e.at}'`);
      trigger = { atMs: ms ?? 0 };
    } else {
      const [service, operation] = e.on!.split(':') as [string, string];
      const unknown = unknownOperation(service, operation);
      if (unknown) at(['events', i, 'on'], `on: ${unknown}; the event could never fire`);
      trigger = { on: { service, operation } };
    }
    if (e.fault !== undefined) {
      const [kind, target, ...rest] = e.fault.trim().split(/\s+/);
      const recover = kind === 'recover';
      const faultKind = recover ? target : kind;
      if (!FAULT_KINDS.includes(faultKind as never) || (recover ? rest.length !== 1 : rest.length !== 0 || !target)) {
        at(['events', i, 'fault'], `fault: expected KIND TARGET or recover KIND TARGET, KIND one of ${FAULT_KINDS.join(', ')}`);
      }
    }
    events.push({ trigger, run: e.run ?? [], ...(e.fault ? { fault: e.fault } : {}), ...(e.say ? { say: e.say } : {}) });
  });

  if (errors.length) throw new DataFileErrors(errors);
  return { ...raw, format: LAB_FORMAT, tasks, events, file };
}
