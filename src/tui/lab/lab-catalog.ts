import { TOPICS, topicById } from '../../data/topics.js';
import type { LabRow } from '../../app/lab-catalog.js';

export { labRows, loadCatalog, type LabRow } from '../../app/lab-catalog.js';

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
