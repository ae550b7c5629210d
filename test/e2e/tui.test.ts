import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The app as a learner meets it: the built binary in a real terminal (tmux), driven with
// send-keys and read with capture-pane. `npm test` builds first; .ci/run installs tmux.
const repo = resolve(__dirname, '..', '..');
const bin = join(repo, 'bin', 'awslab.js');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const SOCKET = `awslab-e2e-${process.pid}`;
const TIMEOUT_MS = 30_000;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Terminal {
  constructor(readonly name: string) {}

  static start(name: string, home: string, size = { columns: 100, rows: 30 }, args = ''): Terminal {
    // A clean environment: no CI variables (the app refuses to start in CI), a colour TERM.
    const command = `env -i PATH="${process.env.PATH}" HOME="${home}" LANG=C.UTF-8 TERM=xterm-256color AWSLAB_HOME="${home}" node ${bin} ${args}; echo "EXITED $?"; sleep 600`;
    tmux('new-session', '-d', '-s', name, '-x', String(size.columns), '-y', String(size.rows), command);
    return new Terminal(name);
  }

  screen(): string {
    return tmux('capture-pane', '-p', '-t', this.name);
  }

  async waitFor(what: string | RegExp, timeoutMs = TIMEOUT_MS): Promise<string> {
    const start = Date.now();
    for (;;) {
      const screen = this.screen();
      // A frame can be captured half drawn: accept a screen only when it has settled.
      if (typeof what === 'string' ? screen.includes(what) : what.test(screen)) {
        await sleep(60);
        const again = this.screen();
        if (again === screen) return screen;
        continue;
      }
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${String(what)}; the screen is:\n${screen}`);
      await sleep(25);
    }
  }

  async waitGone(what: string): Promise<string> {
    const start = Date.now();
    for (;;) {
      const screen = this.screen();
      if (!screen.includes(what)) return screen;
      if (Date.now() - start > TIMEOUT_MS) throw new Error(`timed out waiting for ${what} to go; the screen is:\n${screen}`);
      await sleep(25);
    }
  }

  /** Named keys (Enter, Escape, C-n, PageUp, …). */
  keys(...keys: string[]): void {
    tmux('send-keys', '-t', this.name, ...keys);
  }

  /** Types text, then waits until its end shows at the prompt. */
  async type(text: string): Promise<void> {
    tmux('send-keys', '-t', this.name, '-l', '--', text);
    await this.waitFor(text.slice(-20));
  }

  async run(line: string, until: string | RegExp): Promise<string> {
    await this.type(line);
    this.keys('Enter');
    return this.waitFor(until);
  }

  kill(): void {
    tmux('kill-session', '-t', this.name);
  }
}

const homes: string[] = [];
/** A fresh AWSLAB_HOME for one test. */
function newHome(): string {
  const dir = mkdtempSync(join(tmpdir(), 'awslab-e2e-tui-'));
  homes.push(dir);
  return dir;
}

beforeAll(() => {
  if (!existsSync(join(repo, 'dist', 'tui', 'index.js'))) throw new Error('dist/tui is missing: run npm run build first (npm test does)');
});

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  for (const dir of homes) rmSync(dir, { recursive: true, force: true });
});

describe('awslab without a terminal', () => {
  it('prints the usage and exits 2 instead of starting the app', () => {
    const result = spawnSync(process.execPath, [bin], { encoding: 'utf8', env: { PATH: process.env.PATH, AWSLAB_HOME: newHome() } });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^usage: awslab/);
  });
});

/** Moves the lab list's cursor down to the row whose title starts with `title` (the list grows as labs are added). */
async function selectLab(term: Terminal, title: string): Promise<void> {
  for (let step = 0; step < 40; step++) {
    const screen = await term.waitFor(/❯ \S/);
    const selected = /❯ [^\n]*/.exec(screen)![0].trimEnd();
    if (selected.startsWith(`❯ ${title}`)) return;
    term.keys('Down');
    await term.waitGone(selected);
  }
  throw new Error(`no lab titled ${title} in the list`);
}

describe.skipIf(!hasTmux)('the app in a real terminal', { timeout: 120_000 }, () => {
  it('does a lab from start to finish, and shows the progress when started again', async () => {
    const home = newHome();
    const term = Terminal.start('learner', home);
    let screen = await term.waitFor(/0 of \d+ labs done · no streak yet/);
    expect(screen).toContain('Quizzes and exam');

    // Open the first lab.
    term.keys('Enter');
    await term.waitFor('Turn on versioning and recover');
    await selectLab(term, 'Turn on versioning and recover');
    term.keys('Enter');
    screen = await term.waitFor(/score 0\/30/);
    const bucket = /Turn on versioning for (reports-[a-z0-9]+)/.exec(screen)![1]!;

    // Type a command and see the task pass, with the lab's event message.
    screen = await term.run(`aws s3api put-bucket-versioning --bucket ${bucket} --versioning-configuration Status=Enabled`, '✔ passed');
    expect(screen).toContain(`✔ Task passed: Turn on versioning for ${bucket}`);
    expect(screen).toContain('The nightly export job just ran');
    expect(screen).toContain('score 10/30');

    // The notes, opened at the current task's section, then closed.
    term.keys('C-n');
    screen = await term.waitFor('S3 versioning (1 of 2)');
    term.keys('Escape');
    await term.waitFor('Ctrl+N to scroll');
    term.keys('Escape');
    await term.waitGone('S3 versioning (1 of 2)');

    // A hint: its cost first, then taken.
    term.keys('C-g');
    screen = await term.waitFor(/Hint 1 of 3 for "List every version of the objects in the bucket" costs 1 point/);
    term.keys('Enter');
    screen = await term.waitFor('$ hint take');
    expect(screen.replace(/\s+/g, ' ')).toContain('A normal listing shows only current versions.');

    await term.run(`aws s3api list-object-versions --bucket ${bucket}`, '2 of 3 tasks passed');
    screen = await term.run(`aws s3api copy-object --bucket ${bucket} --key q1-revenue.csv --copy-source "${bucket}/q1-revenue.csv?versionId=null"`, 'Every task has passed');

    // Finish.
    term.keys('C-f');
    await term.waitFor('Finish the lab and see your grade?');
    term.keys('Enter');
    screen = await term.waitFor('✔ Lab complete');
    expect(screen).toContain('Score  29 of 30 points');
    expect(screen).toContain('Hints  1 used, 1 point off');
    expect(screen).toMatch(/Next {3}\S/);

    // Quit: the terminal gets its own screen back.
    term.keys('h');
    await term.waitFor('Quizzes and exam');
    term.keys('q');
    screen = await term.waitFor('EXITED 0');
    expect(screen).not.toContain('awslab ›');
    term.kill();

    // Start again: the progress is there.
    const again = Terminal.start('returning', home);
    screen = await again.waitFor(/1 of \d+ labs done · 1-day streak · last lab: Turn on versioning and recover/);
    again.keys('4');
    screen = await again.waitFor('Mastery by topic');
    expect(screen).toMatch(/✔ done +Turn on versioning and recover an overwritt.* +best 29\/30/);
    again.keys('Escape');
    await again.waitFor('Quizzes and exam');
    again.keys('1');
    screen = await again.waitFor('Turn on versioning and recover');
    expect(screen).toMatch(/Turn on versioning and recover.*✔ done +29\/30/);
    again.kill();
  });

  it('asks for a second Ctrl+C in a lab, then leaves with the attempt saved and the screen restored', async () => {
    const home = newHome();
    const term = Terminal.start('ctrl-c', home, { columns: 80, rows: 24 }, '--no-color');
    await term.waitFor('labs done ·');
    term.keys('Enter');
    await term.waitFor('Undo an accidental delete');
    await selectLab(term, 'Undo an accidental delete');
    term.keys('Enter');
    await term.waitFor('score 0/');
    await term.run('tasks', '[ ] to do');
    term.keys('C-c');
    await term.waitFor('Press Ctrl+C again to quit.');
    term.keys('C-c');
    const screen = await term.waitFor('EXITED 0');
    expect(screen).not.toContain('score 0/');
    term.kill();
    const again = Terminal.start('ctrl-c-again', home, { columns: 80, rows: 24 });
    await again.waitFor(/0 of \d+ labs done · 1-day streak · last lab: Undo an accidental delete/);
    again.keys('c');
    await again.waitFor('Continuing your attempt: 1 line replayed.');
    again.kill();
  });

  it('fits the window and re-flows when it is resized', async () => {
    const term = Terminal.start('resize', newHome(), { columns: 120, rows: 40 });
    await term.waitFor('labs done ·');
    term.keys('Enter');
    await term.waitFor('Turn on versioning and recover');
    term.keys('n');
    let screen = await term.waitFor('Tasks: 0 of 3 passed');
    expect(screen.split('\n')[1]).toMatch(/^╭/);
    tmux('resize-window', '-t', 'resize', '-x', '70', '-y', '20');
    screen = await term.waitFor(/^▸ ✘ to do/m);
    const lines = screen.replace(/\n+$/, '').split('\n');
    expect(lines.length).toBeLessThanOrEqual(20);
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(70);
    expect(screen).toMatch(/^awslab › /m);
    expect(screen).toContain('Enter run');
    term.kill();
  });

  it('shows an EC2 lab\'s network as a tree beside the console, redrawn after a command, and draws a probe', async () => {
    const term = Terminal.start('resources', newHome(), { columns: 80, rows: 24 });
    await term.waitFor('labs done ·');
    term.keys('Enter');
    await selectLab(term, 'A private subnet with a NAT');
    term.keys('Enter');
    await term.waitFor('score 0/25');
    term.keys('C-t');
    let screen = await term.waitFor('Resources · us-east-1');
    expect(screen).toMatch(/├ public-\w+ 10\.0\.0\.0\/24 · public: 0\.0\.0\.0\/0 → igw-/);
    expect(screen).toMatch(/└ private-\w+ 10\.0\.1\.0\/24 · private: no route to the internet/);
    expect(screen).toMatch(/├ app running 10\.0\.1\.\d+ · sg app-\w+/);
    // A command that changes the account: the tree follows.
    await term.run('aws ec2 stop-instances --instance-ids $(aws ec2 describe-instances --filters Name=tag:Name,Values=ci --query "Reservations[0].Instances[0].InstanceId" --output text)', /└ ci stopping/);
    screen = await term.run('probe tcp 22 from bastion to app', 'why:');
    expect(screen).toMatch(/├ ✘ SG in +app-\w+ +◀ deciding/);
    const lines = screen.replace(/\n+$/, '').split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(80);
    term.keys('C-t');
    screen = await term.waitGone('Resources · us-east-1');
    expect(screen).toContain('✘ DENIED  TCP port 22');
    term.kill();
  });
});
