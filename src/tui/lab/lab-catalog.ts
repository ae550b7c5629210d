import { labFolders, loadLab, type LabEntry } from '../../lab/catalog.js';
import { DataFileErrors } from '../../data/yaml-file.js';
import { TOPICS, topicById } from '../../data/topics.js';
import { labStatus, latestAttempt, type LabStatus } from '../../progress/attempts.js';
import type { Attempt, ProgressData } from '../../progress/schema.js';

/** A lab as the list shows it: the lab, the learner's status and best score, and an attempt to continue. */
export interface LabRow {
  entry: LabEntry;
  id: string;
  title: string;
  level: string;
  minutes: number;
  /** The lab's first topic: the list is grouped by it. */
  topic: string;
  status: LabStatus;
  bestScore: number;
  maxScore: number;
  attempts: number;
  /** The latest attempt when it is unfinished and made on this version of the lab. */
  resumable?: Attempt;
}

export interface Catalog {
  entries: LabEntry[];
  /** Labs that could not be read, as messages. */
  errors: string[];
}

const cache = new Map<string, Catalog>();

/** Reads every lab under `dir` once per process (a broken lab is reported and left out). */
export function loadCatalog(dir: string): Catalog {
  const cached = cache.get(dir);
  if (cached) return cached;
  const catalog: Catalog = { entries: [], errors: [] };
  for (const folder of labFolders(dir)) {
    try {
      catalog.entries.push(loadLab(folder));
    } catch (error) {
      if (!(error instanceof DataFileErrors)) throw error;
      catalog.errors.push(`skipped a broken lab: ${error.errors[0]!.message}`);
    }
  }
  cache.set(dir, catalog);
  return catalog;
}

export function labRows(entries: readonly LabEntry[], data: ProgressData): LabRow[] {
  return entries.map((entry) => {
    const { lab } = entry;
    const progress = data.labs[lab.id];
    const latest = latestAttempt(data, lab.id);
    const resumable = latest && !latest.finishedAt && latest.labSha256 === entry.sha256 && latest.transcript.length > 0 ? latest : undefined;
    return {
      entry,
      id: lab.id,
      title: lab.title,
      level: lab.level,
      minutes: lab.minutes,
      topic: lab.topics[0]!,
      status: labStatus(data, lab.id),
      bestScore: progress?.bestScore ?? 0,
      maxScore: lab.tasks.reduce((sum, t) => sum + t.points, 0),
      attempts: progress?.attempts.length ?? 0,
      ...(resumable ? { resumable } : {}),
    };
  });
}

export interface TopicGroup {
  topic: string;
  title: string;
  rows: LabRow[];
}

function syllabusIndex(topic: string): number {
  const index = TOPICS.findIndex((t) => t.id === topic);
  return index === -1 ? TOPICS.length : index;
}

/** Labs grouped by their first topic, topics in syllabus order, labs by level then title. */
export function groupByTopic(rows: readonly LabRow[]): TopicGroup[] {
  const levels = ['beginner', 'intermediate', 'advanced'];
  const groups = new Map<string, LabRow[]>();
  for (const row of rows) groups.set(row.topic, [...(groups.get(row.topic) ?? []), row]);
  return [...groups.entries()]
    .sort(([a], [b]) => syllabusIndex(a) - syllabusIndex(b) || a.localeCompare(b))
    .map(([topic, list]) => ({
      topic,
      title: topicById(topic)?.title ?? topic,
      rows: [...list].sort((a, b) => levels.indexOf(a.level) - levels.indexOf(b.level) || a.title.localeCompare(b.title)),
    }));
}

/** The lab to suggest after `labId`: the next one in the list not done yet, else any not done. */
export function nextLab(rows: readonly LabRow[], labId: string): LabRow | undefined {
  const ordered = groupByTopic(rows).flatMap((g) => g.rows);
  const at = ordered.findIndex((r) => r.id === labId);
  const after = [...ordered.slice(at + 1), ...ordered.slice(0, Math.max(0, at))];
  return after.find((r) => r.status !== 'done');
}
