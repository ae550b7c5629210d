import type { ReplayResult } from '../lab/replay.js';
import type { Lab } from '../lab/lab-file.js';
import { maxScore } from '../lab/grade.js';

export const GRADE_FORMATS = ['table', 'json', 'csv', 'junit', 'gradescope'] as const;
export type GradeFormat = (typeof GRADE_FORMATS)[number];

const csvCell = (value: string | number | boolean) => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** A gradebook an LMS can import: one row per learner, a column per task. */
export function toCsv(lab: Lab, results: readonly ReplayResult[]): string {
  const header = ['learner', 'submission', 'score', 'max_score', 'percent', 'passed', ...lab.tasks.map((t) => t.id), 'error'];
  const max = maxScore(lab);
  const rows = results.map((r) => {
    if (!r.ok) return [r.learner ?? '', r.source, 0, max, 0, false, ...lab.tasks.map(() => 0), r.error];
    const byId = new Map(r.grade.tasks.map((t) => [t.id, t.points]));
    return [r.learner, r.source, r.grade.score, r.grade.maxScore, Math.round((100 * r.grade.score) / r.grade.maxScore), r.grade.passed, ...lab.tasks.map((t) => byId.get(t.id) ?? 0), ''];
  });
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** JUnit XML: a test suite per submission and a test case per task, for CI systems. */
export function toJunit(lab: Lab, results: readonly ReplayResult[]): string {
  const suites = results.map((r) => {
    const name = xml(`${r.learner ?? 'unknown learner'} (${r.source})`);
    if (!r.ok) {
      return `  <testsuite name="${name}" tests="1" failures="0" errors="1">\n    <testcase classname="${xml(lab.id)}" name="submission"><error message="${xml(r.error)}"/></testcase>\n  </testsuite>`;
    }
    const failures = r.grade.tasks.filter((t) => !t.passed).length;
    const cases = r.grade.tasks.map((t) => {
      const open = `    <testcase classname="${xml(`${lab.id}.${r.learner}`)}" name="${xml(`${t.id}: ${t.title}`)}" time="0">`;
      return t.passed ? `${open}<system-out>${xml(`${t.points}/${t.maxPoints} points`)}</system-out></testcase>` : `${open}<failure message="${xml(t.why)}"/></testcase>`;
    });
    return `  <testsuite name="${name}" tests="${r.grade.tasks.length}" failures="${failures}" errors="0" time="${(r.realMs / 1000).toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(lab.id)}">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** Gradescope's results.json for one submission (Gradescope runs an autograder per submission). */
export function toGradescope(result: ReplayResult): string {
  if (!result.ok) return `${JSON.stringify({ score: 0, output: result.error, tests: [] }, null, 2)}\n`;
  const tests = result.grade.tasks.map((t) => ({
    name: t.title,
    number: t.id,
    score: t.points,
    max_score: t.maxPoints,
    status: t.passed ? 'passed' : 'failed',
    output: t.why + (t.hintsUsed ? ` (${t.hintsUsed} hint${t.hintsUsed === 1 ? '' : 's'}, -${t.hintCost})` : ''),
  }));
  return `${JSON.stringify({ score: result.grade.score, max_score: result.grade.maxScore, tests }, null, 2)}\n`;
}

export function toTable(lab: Lab, results: readonly ReplayResult[]): string {
  const header = ['LEARNER', 'SCORE', 'RESULT', 'SUBMISSION'];
  const rows = results.map((r) => (r.ok
    ? [r.learner, `${r.grade.score}/${r.grade.maxScore}`, r.grade.passed ? '✔ all tasks passed' : `✘ ${r.grade.tasks.filter((t) => !t.passed).map((t) => t.id).join(', ')} failed`, r.source]
    : [r.learner ?? '?', '-', `✘ not graded: ${r.error}`, r.source]));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const graded = results.filter((r) => r.ok).length;
  return `${lab.title} (${lab.id})\n${[header, ...rows].map(line).join('\n')}\n${graded} of ${results.length} submission${results.length === 1 ? '' : 's'} graded\n`;
}
