import type { Lab } from '../lab/lab-file.js';
import type { ReplayResult } from '../lab/replay.js';
import { maxScore } from '../lab/grade.js';
import { normaliseName, type RosterEntry } from './grade-roster.js';

/** Per task, how the class did: the share of graded submissions that passed, and why others failed. */
export interface TaskAnalysis {
  id: string;
  title: string;
  passed: number;
  graded: number;
  /** Failure reasons, most frequent first (at most three). */
  failures: { why: string; count: number }[];
}

/** What `grade` reports about a class: every result, who is missing, and what looks wrong. */
export interface ClassReport {
  lab: { id: string; title: string; maxScore: number };
  results: ReplayResult[];
  /** Roster learners with no submission among the files graded. */
  missing: RosterEntry[];
  warnings: string[];
  analysis: TaskAnalysis[];
  counts: { graded: number; notGraded: number; missing: number };
  /** Whether a roster was given, so that "0 missing" is said only when it means something. */
  roster: boolean;
}

const keyOf = (learner: string | undefined, id: string | undefined) => (id !== undefined ? `id:${id}` : learner !== undefined ? `name:${normaliseName(learner)}` : undefined);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function duplicateWarnings(results: readonly ReplayResult[]): string[] {
  const warnings: string[] = [];
  const byLearner = new Map<string, ReplayResult[]>();
  for (const r of results) {
    const key = keyOf(r.learner, r.learnerId);
    if (key) byLearner.set(key, [...(byLearner.get(key) ?? []), r]);
  }
  for (const group of byLearner.values()) {
    if (group.length > 1) warnings.push(`${group[0]!.learner ?? group[0]!.learnerId} handed in ${plural(group.length, 'submission')}: ${group.map((r) => r.source).join(', ')}`);
  }
  const byTranscript = new Map<string, ReplayResult[]>();
  for (const r of results) if (r.ok && r.grade.lines > 0) byTranscript.set(r.transcriptSha256, [...(byTranscript.get(r.transcriptSha256) ?? []), r]);
  for (const group of byTranscript.values()) {
    const names = new Set(group.map((r) => keyOf(r.learner, r.learnerId)));
    if (names.size > 1) warnings.push(`identical transcripts under different names: ${group.map((r) => `${r.source} (${r.learner})`).join(', ')}`);
  }
  return warnings;
}

/** Roster learners without a submission, and submissions from learners not on the roster. */
function matchRoster(results: readonly ReplayResult[], roster: readonly RosterEntry[]): { missing: RosterEntry[]; warnings: string[] } {
  const matched = new Set<ReplayResult>();
  const missing: RosterEntry[] = [];
  for (const entry of roster) {
    const mine = results.filter((r) => (entry.id !== undefined && r.learnerId !== undefined ? r.learnerId === entry.id
      : entry.name !== undefined && r.learner !== undefined && normaliseName(r.learner) === normaliseName(entry.name)));
    mine.forEach((r) => matched.add(r));
    if (mine.length === 0) missing.push(entry);
  }
  const strangers = results.filter((r) => !matched.has(r));
  const warnings = strangers.map((r) => `${r.learner ?? 'an unnamed learner'}${r.learnerId ? ` (id ${r.learnerId})` : ''} in ${r.source} is not on the roster`);
  return { missing, warnings };
}

function analyse(lab: Lab, results: readonly ReplayResult[]): TaskAnalysis[] {
  const graded = results.filter((r): r is Extract<ReplayResult, { ok: true }> => r.ok);
  return lab.tasks.map((task) => {
    const reasons = new Map<string, number>();
    let passed = 0;
    for (const r of graded) {
      const t = r.grade.tasks.find((g) => g.id === task.id);
      if (t?.passed) passed++;
      else if (t) reasons.set(t.why, (reasons.get(t.why) ?? 0) + 1);
    }
    const failures = [...reasons].map(([why, count]) => ({ why, count })).sort((a, b) => b.count - a.count || a.why.localeCompare(b.why)).slice(0, 3);
    return { id: task.id, title: task.title, passed, graded: graded.length, failures };
  });
}

export function classReport(lab: Lab, results: ReplayResult[], roster?: readonly RosterEntry[]): ClassReport {
  const fromRoster = roster ? matchRoster(results, roster) : { missing: [], warnings: [] };
  const graded = results.filter((r) => r.ok).length;
  return {
    lab: { id: lab.id, title: lab.title, maxScore: maxScore(lab) },
    results,
    missing: fromRoster.missing,
    warnings: [...duplicateWarnings(results), ...fromRoster.warnings],
    analysis: analyse(lab, results),
    counts: { graded, notGraded: results.length - graded, missing: fromRoster.missing.length },
    roster: roster !== undefined,
  };
}

/** `118 graded, 1 not graded, 1 missing`: the one line an instructor reads first. */
export function summaryLine(report: ClassReport): string {
  const { graded, notGraded, missing } = report.counts;
  return `${graded} graded, ${notGraded} not graded${report.roster ? `, ${missing} missing from the roster` : ''}`;
}
