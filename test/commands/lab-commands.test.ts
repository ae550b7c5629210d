import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awslab, tempHome } from './io-helper.js';

const repo = resolve(__dirname, '..', '..');
const solution = (id: string) => readFileSync(join(repo, 'labs', id, 'solution.txt'), 'utf8');
const work = () => mkdtempSync(join(tmpdir(), 'awslab-work-'));

/** Runs a lab's reference solution as the learner with a fixed seed; returns the filled lines. */
async function solve(home: string, id = 's3-versioning-recover', seed = '11') {
  const { suffixFor } = await import('../../src/lab/templates.js');
  const script = solution(id).replaceAll('{{suffix}}', suffixFor(Number(seed)));
  return awslab(['run', id, '--seed', seed], { home, stdin: script });
}

describe('awslab run', () => {
  it('exits 0 with the grade when every task passes, and records the attempt', async () => {
    const home = tempHome();
    const out = await solve(home);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Turn on versioning and recover an overwritten report: 30/30 (all tasks passed)\n');
    expect(out.stdout).toContain('✔ Task passed: Turn on versioning for reports-');
    const labs = JSON.parse((await awslab(['labs', '--json'], { home })).stdout);
    expect(labs.find((l: { id: string }) => l.id === 's3-versioning-recover')).toMatchObject({ status: 'done', bestScore: 30, maxScore: 30, attempts: 1 });
  });

  it('exits 1 when a task fails, and prints JSON lines ending with the grade with --json', async () => {
    const out = await awslab(['run', 's3-versioning-recover', '--json', '--seed', '3', '--no-save'], { stdin: 'tasks\n' });
    expect(out.code).toBe(1);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ line: 'tasks', exitCode: 0 });
    expect(lines[1].grade).toMatchObject({ labId: 's3-versioning-recover', passed: false, score: 0, maxScore: 30, lines: 1 });
    expect(typeof lines[1].grade.realMs).toBe('number');
  });

  it('leaves the progress store alone with --no-save', async () => {
    const home = tempHome();
    await awslab(['run', 's3-versioning-recover', '--no-save', '--seed', '1'], { home, stdin: 'tasks\n' });
    expect(JSON.parse((await awslab(['progress', '--json'], { home })).stdout).labs).toEqual({});
  });

  it('names an unknown lab and lists the real ones', async () => {
    const out = await awslab(['run', 'no-such-lab'], { stdin: '' });
    expect(out.code).toBe(2);
    expect(out.stderr.split('\n')[0]).toBe("awslab: no lab 'no-such-lab': give a lab id (ec2-db-tier, ec2-lock-down-web, ec2-nacl-block, ec2-private-subnet, iam-least-privilege-auditor, s3-bucket-policy-role, s3-delete-marker-undo, s3-mfa-delete-suspended, s3-versioning-recover) or the path of a lab folder");
  });
});

describe('awslab submit and grade', () => {
  it('writes a submission that grades to the same score, in every format', async () => {
    const home = tempHome();
    await solve(home);
    const dir = work();
    const file = join(dir, 'ana.json');
    const submitted = await awslab(['submit', 's3-versioning-recover', '--out', file], { home });
    expect(submitted.stdout).toMatch(new RegExp(`^Wrote ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} for ana: attempt 1: 30/30, 5 lines, finished [0-9-]+ [0-9:]+, your only attempt\\.\nHand this file to your instructor\\.\n$`));

    const table = await awslab(['grade', 's3-versioning-recover', file, '--jobs', '1']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('ana      30/30  ✔ all tasks passed');
    expect(table.stdout).toContain('1 graded, 0 not graded');

    const csv = await awslab(['grade', 's3-versioning-recover', file, '--format', 'csv', '--jobs', '1']);
    expect(csv.stdout).toBe(`learner,learner_id,submission,status,score,max_score,percent,passed,enable-versioning,inspect-versions,restore-report,hints,error,lab_changed\r\nana,,${file},graded,30,30,100,true,10,5,15,0,,\r\n`);

    const junit = (await awslab(['grade', 's3-versioning-recover', file, '--format', 'junit', '--jobs', '1'])).stdout;
    expect(junit).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="s3-versioning-recover">\n  <testsuite name="ana \(.*ana\.json\)" tests="3" failures="0" errors="0"/);
    expect(junit.match(/<testcase /g)).toHaveLength(3);

    const gradescope = JSON.parse((await awslab(['grade', 's3-versioning-recover', file, '--format', 'gradescope'])).stdout);
    expect(gradescope).toMatchObject({ score: 30, max_score: 30 });
    expect(gradescope.tests.map((t: { status: string }) => t.status)).toEqual(['passed', 'passed', 'passed']);
  });

  it('reports a bad submission without stopping the others, and exits 1', async () => {
    const home = tempHome();
    await solve(home);
    const dir = work();
    const good = join(dir, 'good.json');
    await awslab(['submit', 's3-versioning-recover', '--out', good], { home });
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, readFileSync(good, 'utf8').replace('Status=Enabled', 'Status=Suspended'));
    const out = await awslab(['grade', 's3-versioning-recover', good, edited, join(dir, 'missing.json'), '--format', 'json', '--jobs', '1']);
    expect(out.code).toBe(1);
    const { results } = JSON.parse(out.stdout);
    expect(results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, false]);
    expect(results.map((r: { status?: string }) => r.status)).toEqual([undefined, 'edited', 'no such file']);
    // Machine output on stdout; each reason once on stderr for the person at the terminal.
    expect(out.stderr.split('\n').filter((l) => l.includes('was edited'))).toHaveLength(1);
    expect(results[1].error).toBe(`${edited}: line 2 was edited, added or removed after the submission was made (the hash chain breaks there)`);
    expect(results[2].error).toBe(`${join(dir, 'missing.json')}: no such file`);
  });

  it('says there is nothing to submit before an attempt', async () => {
    const out = await awslab(['submit', 's3-versioning-recover']);
    expect(out).toMatchObject({ code: 1, stderr: 'awslab: you have no attempt at s3-versioning-recover yet: do the lab (awslab, or awslab run s3-versioning-recover) first\n' });
  });

  it('grades in parallel worker threads with the built binary, with the same results as one at a time', async () => {
    const home = tempHome();
    await solve(home);
    const dir = work();
    const file = join(dir, 'ana.json');
    await awslab(['submit', 's3-versioning-recover', '--out', file], { home });
    const files = Array.from({ length: 6 }, (_, i) => {
      const copy = join(dir, `copy-${i}.json`);
      cpSync(file, copy);
      return copy;
    });
    const bin = join(repo, 'bin', 'awslab.js');
    const parallel = execFileSync(process.execPath, [bin, 'grade', 's3-versioning-recover', ...files, '--format', 'csv', '--jobs', '2'], { encoding: 'utf8' });
    const serial = execFileSync(process.execPath, [bin, 'grade', 's3-versioning-recover', ...files, '--format', 'csv', '--jobs', '1'], { encoding: 'utf8' });
    expect(parallel).toBe(serial);
    expect(parallel.trim().split('\r\n')).toHaveLength(7);
  });
});

describe('awslab validate', () => {
  it('proves every shipped lab', async () => {
    const out = await awslab(['validate', join(repo, 'labs')]);
    expect(out.stdout).toContain('ok s3-versioning-recover: a fresh attempt scores 0/30, the reference solution 30/30\n');
    expect(out.code).toBe(0);
  });

  it('reports a lab whose solution falls short, and one whose check writes', async () => {
    const dir = work();
    cpSync(join(repo, 'labs', 's3-versioning-recover'), join(dir, 's3-versioning-recover'), { recursive: true });
    const labFile = join(dir, 's3-versioning-recover', 'lab.yaml');
    writeFileSync(join(dir, 's3-versioning-recover', 'solution.txt'), 'aws s3api put-bucket-versioning --bucket reports-{{suffix}} --versioning-configuration Status=Enabled\n');
    writeFileSync(labFile, readFileSync(labFile, 'utf8').replace('used: s3:ListObjectVersions', 'aws: s3api delete-bucket --bucket nothing-here'));
    const out = await awslab(['validate', join(dir, 's3-versioning-recover')]);
    expect(out.code).toBe(1);
    expect(out.stderr.split('\n').filter(Boolean)).toEqual([
      `${labFile}:58:7: task inspect-versions: the check calls s3:DeleteBucket, which changes the account; checks may only call read-only operations (Get*, List*, Head*, Describe*)`,
      `${labFile}:58:7: task inspect-versions: the reference solution (solution.txt) does not earn full marks (0/5): aws s3api delete-bucket --bucket nothing-here failed: aws: [ERROR]: An error occurred (NoSuchBucket) when calling the DeleteBucket operation: The specified bucket does not exist`,
      `${labFile}:72:7: task restore-report: the reference solution (solution.txt) does not earn full marks (0/15): The current q1-revenue.csv is not the original report yet (its ETag differs). Restore the version the export job replaced.`,
    ]);
  });
});

describe('awslab progress', () => {
  it('exports and imports attempts between machines without duplicates', async () => {
    const a = tempHome();
    await solve(a);
    const file = join(work(), 'progress.json');
    await awslab(['progress', 'export', '--out', file], { home: a });
    const b = tempHome();
    expect((await awslab(['progress', 'import', file], { home: b })).stdout).toBe(`Imported 1 new attempt from ${file}.\n`);
    expect((await awslab(['progress', 'import', file], { home: b })).stdout).toBe(`Imported 0 new attempts from ${file}.\n`);
    expect((await awslab(['progress'], { home: b })).stdout).toContain('✔ done         s3-versioning-recover  best 30/30  1 attempt');
  });

  it('refuses to import a damaged file and changes nothing', async () => {
    const file = join(work(), 'bad.json');
    writeFileSync(file, '{"version": 1');
    const out = await awslab(['progress', 'import', file]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/^awslab: cannot import .*bad\.json: .*bad\.json is not valid JSON .*Your progress was not changed\.\n$/);
  });

  it('carries on with a fresh store when the progress file is damaged, saying where the old one went', async () => {
    const home = tempHome();
    writeFileSync(join(home, 'progress.json'), 'not json');
    const out = await awslab(['labs'], { home });
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(/^awslab: Your progress file could not be read: .* It was moved to .*progress\.json\.damaged-.* \(nothing was deleted\) and a fresh one was started\.\n$/);
  });
});

describe('bad input to the instructor commands', () => {
  it.each([
    [['validate'], 'validate needs at least one PATH (a lab folder, a lab.yaml, a quiz bank, or a folder of them)'],
    [['validate', '/nonexistent/lab'], '/nonexistent/lab: no such file or folder'],
    [['grade', 's3-versioning-recover'], 'grade needs a LAB and at least one SUBMISSION, folder or pattern (usage: awslab grade LAB SUBMISSION|FOLDER|PATTERN... [--format table|json|csv|junit|gradescope] [--out FILE] [--roster FILE] [--feedback DIR] [--allow-lab-change] [--jobs N])'],
    [['grade', 's3-versioning-recover', 'a.json', '--jobs', '0'], "--jobs must be a whole number of at least 1; got '0'"],
    [['grade', 's3-versioning-recover', 'a.json', '--format', 'xml'], "--format must be one of table, json, csv, junit, gradescope; got 'xml'"],
    [['grade', 's3-versioning-recover', 'a.json', 'b.json', '--format', 'gradescope'], '--format gradescope grades one submission: Gradescope runs the autograder once per submission (found 2)'],
    [['grade', 's3-versioning-recover', '/nonexistent/*.json'], "no submission files match '/nonexistent/*.json' (a folder is searched for .json files)"],
    [['grade', 's3-versioning-recover', 'a.json', '--roster', '/nonexistent/roster.csv'], '--roster /nonexistent/roster.csv: no such file'],
    [['submit', 'a', 'b'], 'submit takes one LAB (usage: awslab submit LAB [--out FILE] [--attempt N] [--list] [--name NAME] [--id ID])'],
    [['submit', 's3-versioning-recover', '--attempt', 'two'], "--attempt must be an attempt number from awslab submit LAB --list; got 'two'"],
  ])('explains %j and exits 2', async (args, message) => {
    const out = await awslab(args);
    expect(out.code).toBe(2);
    expect(out.stderr.split('\n')[0]).toBe(`awslab: ${message}`);
  });

  it('prints every problem of a broken lab file with file:line:col and exits 2 from run', async () => {
    const dir = work();
    mkdirSync(join(dir, 'broken-lab'));
    writeFileSync(join(dir, 'broken-lab', 'lab.yaml'), 'format: 1\nid: broken-lab\ntitle: x\nlevel: expert\n');
    const out = await awslab(['run', join(dir, 'broken-lab'), '--no-save'], { stdin: '' });
    expect(out.code).toBe(2);
    const lines = out.stderr.trim().split('\n');
    expect(lines).toContain(`${join(dir, 'broken-lab', 'lab.yaml')}:4:8: level: expected one of "beginner", "intermediate", "advanced", found the text "expert"`);
    expect(lines.every((l) => l.startsWith(`${join(dir, 'broken-lab', 'lab.yaml')}:`))).toBe(true);
  });
});
