import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReplayResult } from '../lab/replay.js';
import type { ClassReport } from './grade-class.js';

const slug = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'learner';

/** The text handed back to one learner: per task, the points, why, hints taken and what to read. */
export function feedbackText(report: ClassReport, r: ReplayResult): string {
  const who = r.learner ?? 'unknown learner';
  const head = `${report.lab.title} (${report.lab.id})\nFeedback for ${who}${r.learnerId ? ` (${r.learnerId})` : ''} on ${r.source}\n`;
  if (!r.ok) {
    return `${head}\nThis file could not be graded: ${r.error}\nAsk your instructor how to hand it in again (awslab submit ${report.lab.id} writes a fresh file).\n`;
  }
  const g = r.grade;
  const tasks = g.tasks.map((t) => {
    const lines = [`${t.passed ? '✔ passed' : '✘ failed'}  ${t.title}: ${t.points}/${t.maxPoints} points`];
    if (!t.passed) lines.push(`    Why: ${t.why}`);
    if (t.hintsUsed) lines.push(`    Hints taken: ${t.hintsUsed} (-${t.hintCost} point${t.hintCost === 1 ? '' : 's'})`);
    if (!t.passed && t.note) lines.push(`    Read: awslab notes ${t.note}`);
    return lines.join('\n');
  });
  return `${head}\nScore: ${g.score}/${g.maxScore} (${g.passed ? 'all tasks passed' : `${g.tasks.filter((t) => t.passed).length} of ${g.tasks.length} tasks passed`})\n\n${tasks.join('\n\n')}\n`;
}

/**
 * Writes one feedback file per submission into `dir`, named after the learner (and the id
 * when there is one); two files for one name get -2, -3, so nobody's feedback overwrites
 * another's. Returns the paths written.
 */
export function writeFeedback(dir: string, report: ClassReport): string[] {
  mkdirSync(dir, { recursive: true });
  const used = new Set<string>();
  return report.results.map((r) => {
    const base = slug([r.learner ?? 'unknown', r.learnerId].filter(Boolean).join('-'));
    let name = `${base}.txt`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}.txt`;
    used.add(name.toLowerCase());
    const path = join(dir, name);
    writeFileSync(path, feedbackText(report, r));
    return path;
  });
}
