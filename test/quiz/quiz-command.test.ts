import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quizCommand, type QuizCommandOptions } from '../../src/commands/quiz.js';
import { UsageError, type CommandIO } from '../../src/commands/io.js';
import { ProgressStore } from '../../src/progress/store.js';

const fixtures = relative(process.cwd(), join(__dirname, 'fixtures'));
let home: string;
beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'awslab-quiz-command-'))));
afterEach(() => rmSync(home, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], { tty = false, answers, now = new Date('2026-03-02T08:00:00Z') }: { tty?: boolean; answers?: string[]; now?: Date } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => '', stdinIsTTY: tty, stdoutIsTTY: tty, env: { AWSLAB_HOME: home } };
  const options: QuizCommandOptions = { quizzesDir: fixtures, notesDir: join(fixtures, 'notes'), now: () => now, columns: 100 };
  if (answers) {
    const queue = [...answers];
    options.prompt = async (prompt) => {
      stdout += prompt;
      return queue.shift();
    };
  }
  const code = await quizCommand(argv, io, options);
  return { code, stdout, stderr };
}

const progress = () => new ProgressStore(join(home, 'progress.json')).read();

describe('awslab quiz', () => {
  it('--stats --json prints the counts as JSON', async () => {
    const { code, stdout } = await run(['--stats', '--json']);
    expect(code).toBe(0);
    const stats = JSON.parse(stdout);
    expect(stats).toMatchObject({ total: 2, exam: 2, beyondExam: 0, retired: 0, byDomain: { concepts: 0, security: 0, technology: 2, billing: 0 }, byDifficulty: { easy: 1, medium: 1, hard: 0 } });
    expect(stats.domains[2]).toEqual({ domain: 'technology', title: 'Cloud Technology and Services', exam: 2, beyondExam: 0, perExam: 22, examsBeforeRepeat: 0 });
    expect(stats.tasks.find((t: { task: string }) => t.task === '3.6')).toEqual({ task: '3.6', title: 'Identify AWS storage services', domain: 'technology', exam: 2, beyondExam: 0 });
    expect(stats.byTopic['s3-versioning']).toBe(2);
  });

  it('--stats prints the counts as text', async () => {
    const { stdout } = await run(['--stats']);
    expect(stdout).toBe(
      [
        '2 questions: 2 for the exam, 0 beyond it (exam: false)',
        'By difficulty: easy 1, medium 1, hard 0',
        '',
        'By exam domain                   exam  beyond  per exam  full exams before a repeat',
        '  Cloud Concepts                    0       0        16                           0',
        '  Security and Compliance           0       0        19                           0',
        '  Cloud Technology and Services     2       0        22                           0',
        '  Billing, Pricing, and Support     0       0         8                           0',
        '',
        'By CLF-C02 exam guide task',
        '  task  exam  beyond',
        '  1.1      0       0  Define the benefits of the AWS Cloud',
        '  1.2      0       0  Identify design principles of the AWS Cloud',
        '  1.3      0       0  Understand the benefits of and strategies for migration to the AWS Cloud',
        '  1.4      0       0  Understand concepts of cloud economics',
        '  2.1      0       0  Understand the AWS shared responsibility model',
        '  2.2      0       0  Understand AWS Cloud security, governance, and compliance concepts',
        '  2.3      0       0  Identify AWS access management capabilities',
        '  2.4      0       0  Identify components and resources for security',
        '  3.1      0       0  Define methods of deploying and operating in the AWS Cloud',
        '  3.2      0       0  Define the AWS global infrastructure',
        '  3.3      0       0  Identify AWS compute services',
        '  3.4      0       0  Identify AWS database services',
        '  3.5      0       0  Identify AWS network services',
        '  3.6      2       0  Identify AWS storage services',
        '  3.7      0       0  Identify AWS artificial intelligence and machine learning (AI/ML) services and analytics services',
        '  3.8      0       0  Identify services from other in-scope AWS service categories',
        '  4.1      0       0  Compare AWS pricing models',
        '  4.2      0       0  Understand resources for billing, budget, and cost management',
        '  4.3      0       0  Identify AWS resources for technical support',
        '',
        'By topic:',
        '  s3-versioning    2',
        '',
      ].join('\n'),
    );
  });

  it('--stats on one bank counts beyond-exam questions apart and a question\'s own task, and leaves out empty rows', async () => {
    const bank = join(home, 's3-versioning.yaml');
    writeFileSync(bank, readFileSync(join(fixtures, 'valid.yaml'), 'utf8').replace('    task: 3.6', '    exam: false').replace('difficulty: easy\n', 'difficulty: easy\n    task: 3.1\n'));
    const { code, stdout } = await run(['--stats', bank]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        '2 questions: 1 for the exam, 1 beyond it (exam: false)',
        'By difficulty: easy 1, medium 1, hard 0',
        '',
        'By exam domain                   exam  beyond  per exam  full exams before a repeat',
        '  Cloud Technology and Services     1       1        22                           0',
        '',
        'By CLF-C02 exam guide task',
        '  task  exam  beyond',
        '  3.1      1       0  Define methods of deploying and operating in the AWS Cloud',
        '  3.6      0       1  Identify AWS storage services',
        '',
        'By topic:',
        '  s3-versioning    2  (1 beyond the exam)',
        '',
      ].join('\n'),
    );
  });

  it('without a terminal, says practice is interactive and exits 2', async () => {
    const { code, stderr } = await run(['s3-versioning']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'awslab quiz: Practice is interactive and needs a terminal (standard input and output must be a TTY).\n' +
        'Run `awslab quiz s3-versioning` in a terminal; `awslab quiz --stats` and `awslab quiz --readiness` work anywhere.\n',
    );
  });

  it('without a terminal, says the exam is interactive and exits 2', async () => {
    const { code, stderr } = await run(['--exam']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^awslab quiz: The practice exam is interactive and needs a terminal/);
  });

  it('names the nearest bank for an unknown one and exits 1', async () => {
    const { code, stderr } = await run(['s3-versionin']);
    expect(code).toBe(1);
    expect(stderr).toBe("awslab quiz: no quiz bank 's3-versionin'. Did you mean: s3-versioning? A bank is a topic id (awslab notes lists them), a domain (concepts, security, technology, billing) or a .yaml file.\n");
  });

  it('refuses --json without --stats or --readiness', async () => {
    await expect(run(['--exam', '--json'])).rejects.toThrow(new UsageError('--json goes with --stats or --readiness'));
  });

  it('practises a topic at the terminal: feedback for each answer, and the answers saved', async () => {
    // Seed 1 asks the "(Choose two.)" question first, with its options in the order A-E below.
    const { code, stdout } = await run(['s3-versioning', '--seed', '1'], { tty: true, answers: ['z', 'a', 'a,c', 'c'] });
    expect(code).toBe(0);
    expect(stdout).toContain('Practice: s3-versioning: 2 questions. Answers are saved as you go.\n');
    expect(stdout).toContain('Answer with two letters, e.g. A,C.\n');
    expect(stdout).toContain('Choose exactly 2 options.\n');
    expect(stdout).toContain('Correct.\n✔ A. Delete the delete marker by its version ID (your answer)\n       The newest real version becomes current again.\n');
    expect(stdout).toContain('Read more: awslab notes s3-versioning#restoring-an-object\n');
    expect(stdout).toContain('You answered 2 of 2: 2 right.\n');
    expect(Object.keys(progress().quiz.results ?? {}).sort()).toEqual(['s3-versioning-01', 's3-versioning-02']);
    expect(Object.keys(progress().quiz.cards ?? {})).toHaveLength(2);
  });

  it('takes the exam at the terminal: answers, a flag, the review list, then the score, saved', async () => {
    const { stdout } = await run(['--exam', '--seed', '3'], { tty: true, answers: ['f', 'n', 'r', 's', 'y'] });
    expect(stdout).toContain('Practice exam: 2 questions, 90 minutes, seed 3.');
    expect(stdout).toContain('Answered 0 of 2.\nUnanswered: 1, 2\nFlagged for review: 1\n');
    expect(stdout).toContain('Scaled score: 100 of 1000: FAIL (700 passes)');
    const exams = progress().quiz.exams ?? [];
    expect(exams.map((e) => [e.seed, e.correct, e.total, e.items.map((i) => i.flagged)])).toEqual([[3, 0, 2, [true, false]]]);
  });

  it('says when nothing is due for review', async () => {
    const { stdout } = await run(['--review'], { tty: true, answers: [] });
    expect(stdout).toBe('Nothing is due for review. Practise a topic first: awslab quiz TOPIC\n');
  });

  it('serves due cards for review days later', async () => {
    await run(['s3-versioning', '--seed', '1'], { tty: true, answers: ['a,b', 'b'] });
    const { stdout } = await run(['--review', '--seed', '1'], { tty: true, answers: ['q'], now: new Date('2026-03-09T08:00:00Z') });
    expect(stdout).toContain('Review: 2 due (missed ones first): 2 questions.');
  });

  it('sets and clears the exam date', async () => {
    expect((await run(['--exam-date', '2026-04-01'])).stdout).toBe('Exam date set to 2026-04-01: every review card will come back before then.\n');
    expect(progress().quiz.settings?.examDate).toBe('2026-04-01');
    await run(['--exam-date', 'none']);
    expect(progress().quiz.settings?.examDate).toBeUndefined();
  });

  it('refuses an exam date that is not a day', async () => {
    await expect(run(['--exam-date', 'next week'])).rejects.toThrow("--exam-date expects a day as YYYY-MM-DD (or none to clear it), got 'next week'");
  });

  it('--readiness --json prints the per-domain readiness', async () => {
    const { stdout } = await run(['--readiness', '--json']);
    const result = JSON.parse(stdout);
    expect(result.overall).toBe(0);
    expect(result.domains.map((d: { domain: string }) => d.domain)).toEqual(['concepts', 'security', 'technology', 'billing']);
    expect(result.dueToday).toBe(0);
  });
});
