import { describe, expect, it } from 'vitest';
import { builtInLabsDir, loadLab } from '../../src/lab/catalog.js';
import { replaySubmission } from '../../src/lab/replay.js';
import { createSubmission, parseSubmission, MAX_SUBMISSION_LINES } from '../../src/lab/submission.js';
import { fill, suffixFor } from '../../src/lab/templates.js';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

const entry = loadLab(join(builtInLabsDir(), 's3-versioning-recover'));
const seed = 77;
const solution = readFileSync(join(entry.dir, 'solution.txt'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => fill(l, { suffix: suffixFor(seed), account: '123456789012', region: 'us-east-1', seed: String(seed) }));
const header = { lab: { id: entry.lab.id, sha256: entry.sha256 }, learner: 'ana', seed, awslabVersion: '0.1.0', createdAt: '2026-01-01T00:00:00.000Z' };
const text = (lines: string[], h = header) => JSON.stringify(createSubmission(h, lines));

describe('submissions', () => {
  it('round-trips and verifies', () => {
    const parsed = parseSubmission(text(solution), 's.json');
    expect(parsed.lines.map((l) => l.line)).toEqual(solution);
  });

  it('grade by replay: the reference solution earns full marks', () => {
    const result = replaySubmission(entry, text(solution), 's.json');
    expect(result.ok && result.grade.score).toBe(30);
  });

  it('grade comes from the replay, not from what the file claims', () => {
    const doc = JSON.parse(text(solution.slice(0, 1)));
    doc.score = 30;
    doc.grade = { score: 30 };
    const result = replaySubmission(entry, JSON.stringify(doc), 's.json');
    expect(result.ok && result.grade.score).toBe(10);
  });

  it("does not grade one learner's transcript under another learner's seed", () => {
    const other = { ...header, seed: seed + 1, learner: 'ben' };
    const result = replaySubmission(entry, text(solution, other), 'ben.json');
    expect(result.ok && result.grade.score).toBe(0);
  });

  it.each([
    ['an edited line', (t: string) => t.replace('Status=Enabled', 'Status=Suspended'), 's.json: line 1 was edited, added or removed after the submission was made (the hash chain breaks there)'],
    ['an edited seed', (t: string) => t.replace(`"seed":${seed}`, '"seed":1'), 's.json: the header (lab, learner, seed, version or date) was edited after the submission was made'],
    ['a truncated file', (t: string) => t.slice(0, t.length - 40), /^s\.json is not a complete JSON file \(.*\); was it truncated\?$/],
    ['not a submission', () => '{"hello": 1}', 's.json is not an awslab submission (no "format": "awslab-submission")'],
    ['a missing field', (t: string) => t.replace('"learner":"ana",', ''), 's.json: learner is missing'],
    ['a seed that is not a whole number', (t: string) => t.replace(`"seed":${seed}`, '"seed":"7"'), 's.json: seed: expected a number, found the text "7"'],
    ['a negative seed', (t: string) => t.replace(`"seed":${seed}`, '"seed":-1'), 's.json: seed: expected a whole number from 0 to 4294967295, found number -1'],
    ['a lab hash that is not one', (t: string) => t.replace(/"sha256":"[0-9a-f]+"/, '"sha256":"abc"'), 's.json: lab.sha256: expected the lab\'s SHA-256 as 64 hex digits, found the text "abc"'],
    ['a line that is not text', (t: string) => t.replace(/"line":"[^"]*"/, '"line":42'), 's.json: lines[0].line: expected text, found number 42'],
    ['lines that are not a list', (t: string) => t.replace(/"lines":\[.*\]/, '"lines":{}'), 's.json: lines: expected a list, found a mapping'],
    ['a later version', (t: string) => t.replace('"version":1', '"version":2'), 's.json has submission version 2; this awslab reads version 1'],
  ])('reports %s clearly', (_name, mutate, message) => {
    const result = replaySubmission(entry, (mutate as (t: string) => string)(text(solution)), 's.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(typeof message === 'string' ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : message);
  });

  it('refuses a submission for another lab or another version of the lab', () => {
    const other = replaySubmission(entry, text(solution, { ...header, lab: { id: 's3-delete-marker-undo', sha256: entry.sha256 } }), 'x.json');
    expect(!other.ok && other.error).toBe("x.json is a submission for the lab 's3-delete-marker-undo', not 's3-versioning-recover'");
    const old = replaySubmission(entry, text(solution, { ...header, lab: { id: entry.lab.id, sha256: 'f'.repeat(64) } }), 'x.json');
    expect(!old.ok && old.error).toBe("x.json was made for another version of the lab 's3-versioning-recover': since then what it grades has changed; --allow-lab-change grades it against this version anyway");
  });

  it('refuses more lines than the limit', () => {
    const result = replaySubmission(entry, text(Array(MAX_SUBMISSION_LINES + 1).fill('echo x')), 'big.json');
    expect(!result.ok && result.error).toBe(`big.json has ${MAX_SUBMISSION_LINES + 1} lines; a submission may have at most ${MAX_SUBMISSION_LINES}`);
  });

  it('stops a replay that runs too long and says where', () => {
    const result = replaySubmission(entry, text(Array(200).fill('wait 1d')), 'slow.json', { limitMs: 0 });
    expect(!result.ok && result.error).toBe('slow.json: the replay ran past 0 s at line 1 of 200 and was stopped');
  });
});
