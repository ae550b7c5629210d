import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveLab } from '../../src/app/lab-lookup.js';
import { loadLab } from '../../src/lab/catalog.js';
import { createSubmission } from '../../src/lab/submission.js';
import { suffixFor } from '../../src/lab/templates.js';
import { awslab, tempHome } from './io-helper.js';

// Grading a class: what an instructor with a folder of submissions and an LMS roster sees.
const repo = resolve(__dirname, '..', '..');
const LAB = 's3-versioning-recover';
const entry = resolveLab(LAB);
const solution = readFileSync(join(repo, 'labs', LAB, 'solution.txt'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
const work = () => mkdtempSync(join(tmpdir(), 'awslab-class-'));

/** A submission file as `awslab submit` writes it, for `learner` with their own seed. */
function submission(dir: string, file: string, learner: string, options: { seed?: number; lines?: number; id?: string; extra?: string[] } = {}) {
  const seed = options.seed ?? learner.length * 7919;
  const lines = [...(options.extra ?? []), ...solution.slice(0, options.lines ?? solution.length)].map((l) => l.replaceAll('{{suffix}}', suffixFor(seed)));
  const s = createSubmission({ lab: { id: LAB, sha256: entry.sha256 }, learner, ...(options.id ? { learnerId: options.id } : {}), seed, awslabVersion: '0.1.0', createdAt: '2026-12-01T10:00:00.000Z' }, lines);
  const path = join(dir, file);
  writeFileSync(path, JSON.stringify(s));
  return path;
}

describe('grade: which files', () => {
  it('grades every .json file in a folder (subfolders too) and expands patterns itself, as Windows shells pass them on', async () => {
    const dir = work();
    mkdirSync(join(dir, 'late'));
    submission(dir, 'ana.json', 'ana');
    submission(dir, 'ben.json', 'ben');
    submission(join(dir, 'late'), 'cy.json', 'cy');
    writeFileSync(join(dir, 'notes.txt'), 'not a submission');
    const folder = JSON.parse((await awslab(['grade', LAB, dir, '--format', 'json', '--jobs', '1'])).stdout);
    expect(folder.results.map((r: { learner: string }) => r.learner)).toEqual(['ana', 'ben', 'cy']);
    const pattern = JSON.parse((await awslab(['grade', LAB, join(dir, '*.json'), join(dir, 'ana.json'), '--format', 'json', '--jobs', '1'])).stdout);
    // A file both named and matched is graded once.
    expect(pattern.results.map((r: { learner: string }) => r.learner)).toEqual(['ana', 'ben']);
    const deep = JSON.parse((await awslab(['grade', LAB, join(dir, '**', 'c?.json'), '--format', 'json', '--jobs', '1'])).stdout);
    expect(deep.results.map((r: { learner: string }) => r.learner)).toEqual(['cy']);
  });
});

describe('grade: a gradebook an LMS can import', () => {
  it('leaves score cells empty for a file it could not grade, with a status, and never puts a line break in a cell', async () => {
    const dir = work();
    submission(dir, 'ana.json', 'ana', { id: 's001' });
    writeFileSync(join(dir, 'broken.json'), '{"format": "awslab-submission", "version": 1, "learner": "zoe\\nsmith"');
    const out = await awslab(['grade', LAB, dir, '--format', 'csv', '--jobs', '1']);
    expect(out.code).toBe(1);
    const rows = out.stdout.split('\r\n');
    expect(rows[0]).toBe('learner,learner_id,submission,status,score,max_score,percent,passed,enable-versioning,inspect-versions,restore-report,hints,error,lab_changed');
    expect(rows[1]).toBe(`ana,s001,${join(dir, 'ana.json')},graded,30,30,100,true,10,5,15,0,,`);
    expect(rows[2]).toMatch(new RegExp(`^,,${join(dir, 'broken.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},not graded,,30,,,,,,,".* is not a complete JSON file \\(.*\\); was it truncated\\?",$`));
    expect(rows).toHaveLength(4);
    expect(out.stdout.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('with --roster, lists who has not handed in (a CSV row each) and who is not on the roster', async () => {
    const dir = work();
    submission(dir, 'ana.json', 'Ana Lima', { id: 's001' });
    submission(dir, 'ben.json', 'ben okafor');
    submission(dir, 'eve.json', 'Eve');
    const roster = join(work(), 'roster.csv');
    writeFileSync(roster, '\uFEFFStudent ID,Full Name,Section\r\ns001,"Lima, Ana",A\r\ns002,Ben  Okafor,A\r\ns003,Cy Park,B\r\n');
    const table = await awslab(['grade', LAB, dir, '--roster', roster, '--jobs', '1']);
    expect(table.stdout).toContain('Cy Park');
    expect(table.stdout).toMatch(/Cy Park\s+-\s+missing: no submission/);
    expect(table.stdout).toContain(`! Eve in ${join(dir, 'eve.json')} is not on the roster`);
    expect(table.stdout).toContain('3 graded, 0 not graded, 1 missing from the roster');
    const csv = (await awslab(['grade', LAB, dir, '--roster', roster, '--format', 'csv', '--jobs', '1'])).stdout.split('\r\n');
    expect(csv).toContain('Cy Park,s003,,missing,,30,,,,,,,no submission,');
  });

  it('refuses a roster without a name or id column, naming the columns it found', async () => {
    const roster = join(work(), 'roster.csv');
    writeFileSync(roster, 'Section,Grade\nA,\n');
    const out = await awslab(['grade', LAB, 'a.json', '--roster', roster]);
    expect(out.code).toBe(2);
    expect(out.stderr.split('\n')[0]).toBe(`awslab: --roster ${roster}: no name or id column in the header ("Section", "Grade"); name one "name" or "id"`);
  });

  it('with --out, still says on stderr what it wrote: graded, not graded, missing', async () => {
    const dir = work();
    submission(dir, 'ana.json', 'ana');
    writeFileSync(join(dir, 'empty.json'), '');
    const roster = join(work(), 'roster.csv');
    writeFileSync(roster, 'name\nana\nbo\n');
    const gradebook = join(work(), 'gradebook.csv');
    const out = await awslab(['grade', LAB, dir, '--roster', roster, '--format', 'csv', '--out', gradebook, '--jobs', '1']);
    expect(out.stdout).toBe('');
    expect(out.stderr.trim().split('\n').pop()).toBe(`awslab: wrote ${gradebook}: 1 graded, 1 not graded, 1 missing from the roster`);
    expect(readFileSync(gradebook, 'utf8').split('\r\n')).toHaveLength(5);
  });
});

describe('grade: the table stays readable when files fail', () => {
  it('shows a short status in the column and each full reason once, below', async () => {
    const dir = work();
    submission(dir, 'ana.json', 'ana');
    const good = readFileSync(join(dir, 'ana.json'), 'utf8');
    writeFileSync(join(dir, 'edited.json'), good.replace('Status=Enabled', 'Status=Suspended'));
    const out = await awslab(['grade', LAB, dir, '--jobs', '1']);
    const lines = out.stdout.split('\n');
    const row = lines.find((l) => l.includes('edited.json'))!;
    expect(row).toMatch(/^ana\s+-\s+not graded: edited \[1\]\s+\S*edited\.json$/);
    expect(Math.max(...lines.map((l) => l.indexOf('SUBMISSION') === -1 ? 0 : l.indexOf('SUBMISSION')))).toBeLessThan(50);
    expect(lines).toContain(`[1] ${join(dir, 'edited.json')}: line 1 was edited, added or removed after the submission was made (the hash chain breaks there)`);
    expect(`${out.stdout}${out.stderr}`.split('hash chain breaks').length - 1).toBe(1);
  });
});

describe('grade: what looks wrong', () => {
  it('warns about one learner handing in twice and identical transcripts under two names', async () => {
    const dir = work();
    submission(dir, 'ana-1.json', 'ana', { lines: 2 });
    submission(dir, 'ana-2.json', 'Ana');
    submission(dir, 'ben.json', 'ben', { seed: 5 });
    const copied = createSubmission({ lab: { id: LAB, sha256: entry.sha256 }, learner: 'cy', seed: 9, awslabVersion: '0.1.0', createdAt: '2026-12-01T11:00:00.000Z' },
      solution.map((l) => l.replaceAll('{{suffix}}', suffixFor(5))));
    writeFileSync(join(dir, 'cy.json'), JSON.stringify(copied));
    const out = JSON.parse((await awslab(['grade', LAB, dir, '--format', 'json', '--jobs', '1'])).stdout);
    expect(out.warnings).toEqual([
      `ana handed in 2 submissions: ${join(dir, 'ana-1.json')}, ${join(dir, 'ana-2.json')}`,
      `identical transcripts under different names: ${join(dir, 'ben.json')} (ben), ${join(dir, 'cy.json')} (cy)`,
    ]);
    // The copied lines name another learner's bucket, so they do not pass here.
    expect(out.results.find((r: { learner: string }) => r.learner === 'cy').grade.passed).toBe(false);
  });
});

describe('grade: item analysis', () => {
  it('gives per task the share of the class that passed and the most common reason for failing, as data and as bars', async () => {
    const dir = work();
    submission(dir, 'ana.json', 'ana');
    submission(dir, 'ben.json', 'ben', { lines: 1 });
    submission(dir, 'cy.json', 'cy', { lines: 1 });
    submission(dir, 'di.json', 'di', { lines: 2 });
    const json = JSON.parse((await awslab(['grade', LAB, dir, '--format', 'json', '--jobs', '1'])).stdout);
    expect(json.summary).toEqual({ graded: 4, notGraded: 0, missing: 0 });
    const byId = Object.fromEntries(json.analysis.map((t: { id: string }) => [t.id, t]));
    expect(byId['enable-versioning']).toMatchObject({ passed: 4, graded: 4, failures: [] });
    expect(byId['inspect-versions']).toMatchObject({ passed: 2, graded: 4 });
    expect(byId['inspect-versions'].failures).toHaveLength(1);
    expect(byId['inspect-versions'].failures[0].count).toBe(2);
    expect(byId['restore-report']).toMatchObject({ passed: 1, graded: 4 });
    const table = (await awslab(['grade', LAB, dir, '--jobs', '1'])).stdout;
    expect(table).toContain('Tasks: share of the 4 graded submissions that passed');
    expect(table).toMatch(/enable-versioning {2}█{20}\s+100% {2}4\/4/);
    expect(table).toMatch(/inspect-versions {3}█{10}░{10} {2}50% {2}2\/4\n\s+2× /);
  });
});

describe('grade --feedback', () => {
  it('writes one file per learner with points, why, hints taken and the note to read', async () => {
    const dir = work();
    submission(dir, 'ana.json', 'Ana Lima', { id: 's001', extra: ['hint take enable-versioning'] });
    submission(dir, 'ben.json', 'ben', { lines: 1 });
    submission(dir, 'ben-again.json', 'ben', { lines: 2 });
    const feedback = join(work(), 'feedback');
    const out = await awslab(['grade', LAB, dir, '--feedback', feedback, '--jobs', '1']);
    expect(out.stderr).toContain(`awslab: wrote 3 feedback files to ${feedback}`);
    expect(readdirSync(feedback).sort()).toEqual(['Ana-Lima-s001.txt', 'ben-2.txt', 'ben.txt']);
    const ana = readFileSync(join(feedback, 'Ana-Lima-s001.txt'), 'utf8');
    expect(ana).toContain('Feedback for Ana Lima (s001)');
    expect(ana).toMatch(/✔ passed {2}Turn on versioning for reports-\S+: \d+\/10 points\n {4}Hints taken: 1 \(-\d+ points?\)/);
    // Files are graded in name order: ben-again.json (two lines) before ben.json (one).
    expect(readFileSync(join(feedback, 'ben.txt'), 'utf8')).toContain('Score: 15/30 (2 of 3 tasks passed)');
    const ben = readFileSync(join(feedback, 'ben-2.txt'), 'utf8');
    expect(ben).toContain('Score: 10/30 (1 of 3 tasks passed)');
    expect(ben).toContain('✘ failed  List every version of the objects in the bucket: 0/5 points');
    expect(ben).toContain('    Read: awslab notes s3-versioning#version-ids-and-the-null-version');
  });
});

describe('Gradescope', () => {
  it('the README\'s run_autograder writes results.json where Gradescope reads it', () => {
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const script = /<!-- gradescope:start -->\n```sh\n([\s\S]*?)```\n<!-- gradescope:end -->/.exec(readme)?.[1];
    expect(script, 'README has the run_autograder block').toBeDefined();
    const root = work();
    mkdirSync(join(root, 'submission'));
    mkdirSync(join(root, 'results'));
    mkdirSync(join(root, 'source'));
    submission(join(root, 'submission'), 'ana.submission.json', 'ana');
    // The script as documented, with Gradescope's /autograder moved to a temporary folder and
    // `npx awslab` to this checkout's binary.
    const local = script!.replaceAll('/autograder', root).replaceAll('npx awslab', `${process.execPath} ${join(repo, 'bin', 'awslab.js')}`);
    execFileSync('bash', ['-c', local], { env: { ...process.env, AWSLAB_HOME: tempHome() } });
    const results = JSON.parse(readFileSync(join(root, 'results', 'results.json'), 'utf8'));
    expect(results).toMatchObject({ score: 30, max_score: 30 });
    expect(results.tests).toHaveLength(3);
  });
});

describe('grade: a lab edited after the class handed in', () => {
  /** A private copy of the lab, a submission made against it, and a way to edit the copy. */
  function setup() {
    const root = work();
    const labDir = join(root, LAB);
    cpSync(join(repo, 'labs', LAB), labDir, { recursive: true });
    const made = loadLab(labDir);
    const seed = 11;
    const lines = solution.map((l) => l.replaceAll('{{suffix}}', suffixFor(seed)));
    const s = createSubmission({ lab: { id: LAB, sha256: made.sha256, parts: made.parts }, learner: 'ana', seed, awslabVersion: '0.1.0', createdAt: '2026-12-01T10:00:00.000Z' }, lines);
    const file = join(root, 'ana.json');
    writeFileSync(file, JSON.stringify(s));
    const edit = (from: string | RegExp, to: string) => {
      const path = join(labDir, 'lab.yaml');
      const text = readFileSync(path, 'utf8');
      const next = text.replace(from, to);
      expect(next).not.toBe(text);
      writeFileSync(path, next);
    };
    return { labDir, file, edit };
  }

  it('still grades when only prose changed (briefing, titles, hint texts)', async () => {
    const { labDir, file, edit } = setup();
    edit(/^title: .*$/m, 'title: Recover the quarterly report (reworded)');
    edit('Versioning is a bucket setting.', 'Versioning is a setting on the bucket.');
    const out = await awslab(['grade', labDir, file, '--format', 'json', '--jobs', '1']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).results[0]).toMatchObject({ ok: true, grade: { score: 30 } });
  });

  it('says what graded content changed, and grades against the new version, marked, with --allow-lab-change', async () => {
    const { labDir, file, edit } = setup();
    edit('    points: 10\n', '    points: 20\n');
    const refused = await awslab(['grade', labDir, file, '--format', 'json', '--jobs', '1']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).results[0].error).toBe(`${file} was made for another version of the lab '${LAB}': since then the points and hint costs changed; --allow-lab-change grades it against this version anyway`);
    const table = await awslab(['grade', labDir, file, '--allow-lab-change', '--jobs', '1']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ana\s+40\/40 \*\s+✔ all tasks passed/m);
    expect(table.stdout).toContain(`* graded against this version of the lab, not the one it was made for (--allow-lab-change):\n  ${file}: the points and hint costs changed`);
    const csv = (await awslab(['grade', labDir, file, '--allow-lab-change', '--format', 'csv', '--jobs', '1'])).stdout.split('\r\n');
    expect(csv[1]).toMatch(/,the points and hint costs changed$/);
  });
});

describe('grade: a place it cannot write', () => {
  it('prints the report instead of losing it when --out cannot be written', async () => {
    const dir = work();
    submission(dir, 'ana.json', 'ana');
    const out = await awslab(['grade', LAB, dir, '--format', 'csv', '--out', join(dir, 'no-such-folder', 'gradebook.csv'), '--jobs', '1']);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe(`awslab: cannot write ${join(dir, 'no-such-folder', 'gradebook.csv')} (no such folder); the report follows on standard output\n`);
    expect(out.stdout.split('\r\n')[1]).toMatch(/^ana,,.*,graded,30,30,/);
  });

  it('says so, and exits 1, when --feedback names a file rather than a folder', async () => {
    const dir = work();
    submission(dir, 'ana.json', 'ana');
    const file = join(work(), 'taken.txt');
    writeFileSync(file, 'x');
    const out = await awslab(['grade', LAB, join(dir, 'ana.json'), '--feedback', file, '--jobs', '1']);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/^ana +30\/30 +✔ all tasks passed/m);
    expect(out.stderr).toBe(`awslab: cannot write feedback to ${file} (a file stands where a folder should be); the grades above are unaffected\n`);
  });
});
