import type { ReplayResult } from '../lab/replay.js';
import { csvRow } from '../lib/csv.js';
import type { ClassReport } from './grade-class.js';
import { summaryLine } from './grade-class.js';

export const GRADE_FORMATS = ['table', 'json', 'csv', 'junit', 'gradescope'] as const;
export type GradeFormat = (typeof GRADE_FORMATS)[number];

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

const hintsOf = (r: Extract<ReplayResult, { ok: true }>) => r.grade.tasks.reduce((sum, t) => sum + t.hintsUsed, 0);

/**
 * A gradebook an LMS can import: one row per learner, a column per task. A file that could
 * not be graded has empty score cells and a status, never a 0 an importer would record as a
 * real mark; roster learners with no file get a `missing` row.
 */
export function toCsv(report: ClassReport): string {
  const tasks = report.analysis.map((t) => t.id);
  const header = ['learner', 'learner_id', 'submission', 'status', 'score', 'max_score', 'percent', 'passed', ...tasks, 'hints', 'error', 'lab_changed'];
  const blank = tasks.map(() => '');
  const rows = report.results.map((r) => {
    if (!r.ok) return [r.learner ?? '', r.learnerId ?? '', r.source, 'not graded', '', report.lab.maxScore, '', '', ...blank, '', r.error, ''];
    const byId = new Map(r.grade.tasks.map((t) => [t.id, t.points]));
    return [r.learner, r.learnerId ?? '', r.source, 'graded', r.grade.score, r.grade.maxScore, Math.round((100 * r.grade.score) / r.grade.maxScore), r.grade.passed, ...tasks.map((id) => byId.get(id) ?? 0), hintsOf(r), '', r.labChanged ?? ''];
  });
  const missing = report.missing.map((m) => [m.name ?? '', m.id ?? '', '', 'missing', '', report.lab.maxScore, '', '', ...blank, '', 'no submission', '']);
  return [header, ...rows, ...missing].map(csvRow).join('\r\n') + '\r\n';
}

/** JUnit XML: a test suite per submission and a test case per task, for CI systems. */
export function toJunit(report: ClassReport): string {
  const labId = report.lab.id;
  const suites = report.results.map((r) => {
    const name = xml(`${r.learner ?? 'unknown learner'} (${r.source})${r.ok && r.labChanged ? ` [graded against a changed lab: ${r.labChanged}]` : ''}`);
    if (!r.ok) {
      return `  <testsuite name="${name}" tests="1" failures="0" errors="1">\n    <testcase classname="${xml(labId)}" name="submission"><error message="${xml(r.error)}"/></testcase>\n  </testsuite>`;
    }
    const failures = r.grade.tasks.filter((t) => !t.passed).length;
    const cases = r.grade.tasks.map((t) => {
      const open = `    <testcase classname="${xml(`${labId}.${r.learner}`)}" name="${xml(`${t.id}: ${t.title}`)}" time="0">`;
      return t.passed ? `${open}<system-out>${xml(`${t.points}/${t.maxPoints} points`)}</system-out></testcase>` : `${open}<failure message="${xml(t.why)}"/></testcase>`;
    });
    return `  <testsuite name="${name}" tests="${r.grade.tasks.length}" failures="${failures}" errors="0" time="${(r.realMs / 1000).toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const missing = report.missing.map((m) => {
    const who = xml(m.name ?? m.id ?? '');
    return `  <testsuite name="${who} (no submission)" tests="1" failures="0" errors="0" skipped="1">\n    <testcase classname="${xml(labId)}" name="submission"><skipped message="no submission"/></testcase>\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(labId)}">\n${[...suites, ...missing].join('\n')}\n</testsuites>\n`;
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
  const changed = result.labChanged ? { output: `Graded against a changed version of the lab: ${result.labChanged}.` } : {};
  return `${JSON.stringify({ score: result.grade.score, max_score: result.grade.maxScore, ...changed, tests }, null, 2)}\n`;
}

/** The whole report as data: results, missing learners, warnings and the item analysis. */
export function toJson(report: ClassReport): string {
  return `${JSON.stringify({ lab: report.lab, summary: report.counts, results: report.results, missing: report.missing, warnings: report.warnings, analysis: report.analysis }, null, 2)}\n`;
}

const BAR = 20;
const bar = (share: number) => {
  const full = Math.round(share * BAR);
  return `${'█'.repeat(full)}${'░'.repeat(BAR - full)}`;
};

const MAX_STATUS = 40;
const clip = (text: string, width: number) => (text.length <= width ? text : `${text.slice(0, width - 1)}…`);

/**
 * The report as a person reads it: a row per file with a short status (a file that failed is
 * explained once, in a numbered note below, so the column stays narrow), the learners the
 * roster expected, warnings, and per task the share of the class that passed.
 */
export function toTable(report: ClassReport): string {
  const notes: string[] = [];
  const changed: string[] = [];
  const header = ['LEARNER', 'SCORE', 'RESULT', 'SUBMISSION'];
  const rows = report.results.map((r) => {
    if (r.ok) {
      const failed = r.grade.tasks.filter((t) => !t.passed).map((t) => t.id);
      if (r.labChanged) changed.push(`${r.source}: ${r.labChanged}`);
      return [r.learner, `${r.grade.score}/${r.grade.maxScore}${r.labChanged ? ' *' : ''}`, clip(failed.length === 0 ? '✔ all tasks passed' : `✘ ${failed.join(', ')} failed`, MAX_STATUS), r.source];
    }
    notes.push(r.error);
    return [r.learner ?? '?', '-', `not graded: ${r.status} [${notes.length}]`, r.source];
  });
  for (const m of report.missing) rows.push([m.name ?? m.id ?? '', '-', 'missing: no submission', '']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const out = [`${report.lab.title} (${report.lab.id})`, ...[header, ...rows].map(line)];
  if (notes.length) out.push('', ...notes.map((n, i) => `[${i + 1}] ${n}`));
  if (changed.length) out.push('', '* graded against this version of the lab, not the one it was made for (--allow-lab-change):', ...changed.map((c) => `  ${c}`));
  if (report.warnings.length) out.push('', 'Worth a look:', ...report.warnings.map((w) => `  ! ${w}`));
  const graded = report.counts.graded;
  if (graded > 0) {
    const idWidth = Math.max(...report.analysis.map((t) => t.id.length));
    out.push('', `Tasks: share of the ${graded} graded submission${graded === 1 ? '' : 's'} that passed`);
    for (const t of report.analysis) {
      const share = t.passed / t.graded;
      out.push(`  ${t.id.padEnd(idWidth)}  ${bar(share)} ${String(Math.round(share * 100)).padStart(3)}%  ${t.passed}/${t.graded}`);
      for (const f of t.failures) out.push(`  ${' '.repeat(idWidth)}    ${f.count}× ${clip(f.why, 100)}`);
    }
  }
  out.push('', summaryLine(report));
  return `${out.join('\n')}\n`;
}
