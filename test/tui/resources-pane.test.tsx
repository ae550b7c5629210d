import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resourceTree } from '../../src/app/resource-tree.js';
import { suffixFor } from '../../src/lab/templates.js';
import { consoleKeymap } from '../../src/tui/lab/lab-keys.js';
import { resourceRows } from '../../src/tui/lab/resource-rows.js';
import { ResourcesPane } from '../../src/tui/lab/resources-pane.js';
import { buildNetwork } from '../console/probe-network.js';
import { expectFits, KEY, linesOf, renderApp, renderSized, tempHome, type TestHome } from './helpers.js';

const REPO_LABS = join(__dirname, '..', '..', 'labs');

describe('the resources pane', () => {
  const net = buildNetwork();
  const tree = resourceTree(net.console.world, 'us-east-1');
  const pane = (width: number, height: number) => renderSized(<ResourcesPane tree={tree} region="us-east-1" width={width} height={height} />, { columns: width, rows: height + 1 }).lastFrame();

  it('draws VPC → subnets (public or private, and why) → instances with their groups, every fact on its row when there is room', () => {
    const lines = linesOf(pane(100, 30)).map((l) => l.trimEnd());
    expect(lines[0]).toMatch(/^ ── Resources · us-east-1 · Ctrl\+T hides ─+$/);
    const vpc = lines.findIndex((l) => /^ VPC vpc-\w+ 10\.0\.0\.0\/16$/.test(l));
    expect(vpc).toBe(1);
    expect(lines[2]).toMatch(/^ {3}gateways: igw-\w+ attached$/);
    expect(lines.slice(3, 8).join('\n')).toMatch(
      /^ {3}├ subnet-\w+ 10\.0\.1\.0\/24 us-east-1a\n {3}│ {3}public: 0\.0\.0\.0\/0 → igw-\w+\n {3}│ {3}routes rtb-\w+ \(explicit\) · acl acl-\w+ \(default\)\n {3}│ {3}└ web i-\w+ running 10\.0\.1\.\d+ · public \d+\.\d+\.\d+\.\d+\n {3}│ {7}sg: web \(sg-\w+\)$/,
    );
    expect(lines.slice(8, 13).join('\n')).toMatch(/^ {3}└ subnet-\w+ 10\.0\.2\.0\/24 us-east-1b\n {7}private: no route to the internet\n {7}routes rtb-\w+ \(main\)/);
    // The default VPC's empty subnets fold into one row.
    expect(lines.find((l) => l.startsWith(' default VPC'))).toMatch(/^ default VPC vpc-\w+ 172\.31\.0\.0\/16$/);
    expect(lines).toContainEqual(expect.stringMatching(/^ {3}└ \d+ public subnets without instances$/));
  });

  it('goes to one row per resource in a small pane, then cuts the tail with a row saying so, never overflowing', () => {
    const compact = linesOf(pane(100, 9)).map((l) => l.trimEnd());
    expect(compact).toHaveLength(9);
    expect(compact[1]).toMatch(/^ VPC vpc-\w+ 10\.0\.0\.0\/16 · igw-\w+ attached$/);
    expect(compact[2]).toMatch(/^ {3}├ subnet-\w+ 10\.0\.1\.0\/24 · public: 0\.0\.0\.0\/0 → igw-\w+$/);
    expect(compact[3]).toMatch(/^ {3}│ {3}└ web running 10\.0\.1\.\d+ · public [\d.]+ · sg web {2}i-\w+$/);
    expect(compact.find((l) => l.startsWith(' default VPC'))).toMatch(/^ default VPC vpc-\w+ 172\.31\.0\.0\/16 · igw-\w+ attached · \d+ public subnet/);
    const cut = linesOf(pane(40, 5));
    expect(cut).toHaveLength(5);
    expect(cut.every((l) => [...l].length <= 40)).toBe(true);
    expect(cut.at(-1)).toMatch(/^ … 3 more rows: a taller window/);
  });

  it('says there are no EC2 resources when EC2 was never used, and lists the buckets', () => {
    const frame = renderSized(<ResourcesPane tree={{ regions: [], buckets: [{ name: 'reports', region: 'us-east-1', versioning: 'Enabled' }] }} region="us-east-1" width={60} height={8} />, { columns: 60, rows: 9 }).lastFrame();
    expect(linesOf(frame).slice(1, 4).map((l) => l.trimEnd())).toEqual([' no EC2 resources (EC2 not used yet)', ' S3 buckets (1)', '   reports us-east-1 · versioning Enabled']);
  });

  it('styles a public subnet apart from a private one, and an instance by its state', () => {
    const rows = resourceRows(tree, 'full');
    const styleOf = (text: string) => rows.flat().find((segment) => segment.text.startsWith(text))?.style;
    expect(styleOf('public: ')).toBe('warn');
    expect(styleOf('private: ')).toBe('hint');
    expect(styleOf('running')).toBe('pass');
  });
});

describe('the lab screen with the resources pane and probe drawing', () => {
  let home: TestHome;
  beforeEach(() => {
    home = tempHome();
  });
  afterEach(() => home.cleanup());

  const open = (labId: string, size = { columns: 80, rows: 24 }, labsDir?: string) =>
    renderApp(home.store, { route: { name: 'lab', labId, resume: false }, size, ...(labsDir ? { services: { labsDir } } : {}) });
  const run = async (app: Awaited<ReturnType<typeof open>>, line: string, until: (frame: string) => boolean) => {
    await app.press(line);
    return app.press(KEY.enter, until);
  };

  it('has a key for it in the keymap, the footer (when it fits) and the help list', async () => {
    expect(consoleKeymap.find((b) => b.keys.includes('ctrl+t'))).toMatchObject({ short: 'resources', action: { type: 'resources' } });
    const app = await open('ec2-private-subnet', { columns: 140, rows: 40 }, REPO_LABS);
    expect(linesOf(app.lastFrame()).pop()).toContain('Ctrl+T resources');
    const help = await app.press('?', (f) => f.includes('show or hide the resources pane'));
    expect(help).toContain('Ctrl+T');
  });

  for (const size of [
    { columns: 80, rows: 24 },
    { columns: 140, rows: 40 },
  ]) {
    it(`toggles the tree with Ctrl+T, redraws it after a command, and fits ${size.columns}x${size.rows}`, async () => {
      const app = await open('ec2-private-subnet', size, REPO_LABS);
      const suffix = suffixFor(42);
      const shown = await app.press(KEY.ctrl('t'), (f) => f.includes('Resources · us-east-1'));
      expectFits(shown, size);
      expect(shown).toMatch(new RegExp(`private-${suffix}.*private: no route to the internet`, size.columns < 100 ? '' : 's'));
      expect(shown).toContain('bastion');
      const after = await run(app, 'aws ec2 create-internet-gateway --query InternetGateway.InternetGatewayId --output text', (f) => /^igw-\w+\s*$/m.test(f) || /│ igw-\w+ *│?$/m.test(f) || f.includes('$ aws ec2 create-internet-gateway'));
      expectFits(after, size);
      // The probe is drawn hop by hop, the deciding route red and explained.
      const probed = await run(app, 'probe tcp 443 from app to internet', (f) => f.includes('why:'));
      expectFits(probed, size);
      expect(probed).toMatch(/├ ✘ route +rtb-\w+ +◀ deciding/);
      expect(probed).toMatch(/why: rtb-\w+ \(main route table of/);
      const hidden = await app.press(KEY.ctrl('t'), (f) => !f.includes('Resources · us-east-1'));
      expectFits(hidden, size);
      // Without the task pane beside the console, when there is one.
      const console_ = linesOf(hidden).map((l) => l.replace(/^│[^│]*│ /, '')).join('\n');
      expect(console_).toMatch(/✘ DENIED {2}TCP port 443\n {2}● i-\w+ \(app\)\n {2}├ ✔ SG out {3}app-\w+ {2}sgr-\w+\n {2}├ ✔ NACL out acl-\w+ {2}rule 100\n/);
    });
  }

  it('closes the tree with Esc before leaving, and gives way to the notes', async () => {
    const app = await open('ec2-private-subnet', { columns: 80, rows: 24 }, REPO_LABS);
    await app.press(KEY.ctrl('t'), (f) => f.includes('Resources · us-east-1'));
    const closed = await app.press(KEY.escape, (f) => !f.includes('Resources · us-east-1'));
    expect(closed).toContain('score 0/');
    await app.press(KEY.ctrl('t'), (f) => f.includes('Resources · us-east-1'));
    const notes = await app.press(KEY.ctrl('n'), (f) => !f.includes('Resources · us-east-1'));
    expect(notes).toContain('Amazon VPC (1 of 2)');
    await app.press(KEY.escape, (f) => f.includes('Ctrl+N to scroll'));
    const back = await app.press(KEY.ctrl('t'), (f) => f.includes('Resources · us-east-1'));
    expect(back).not.toContain('Amazon VPC (1 of 2)');
  });

  it('in a lab without EC2, says so and shows the buckets as they are made', async () => {
    const app = await open('tui-bucket');
    const empty = await app.press(KEY.ctrl('t'), (f) => f.includes('Resources · us-east-1'));
    expect(empty).toContain('no EC2 resources (EC2 not used yet)');
    const bucket = `tui-${suffixFor(42)}`;
    const made = await run(app, `aws s3api create-bucket --bucket ${bucket}`, (f) => f.includes('S3 buckets (1)'));
    expect(made).toContain(`${bucket} us-east-1 · versioning Unversioned`);
    expectFits(made, { columns: 80, rows: 24 });
  });
});
