import { describe, expect, it } from 'vitest';
import { ConsoleRunner } from '../../src/console/console-runner.js';
import { VirtualFiles } from '../../src/console/files.js';
import { substitute } from '../../src/console/substitute.js';
import { splitScript } from '../../src/console/script.js';
import { SERVICES, World, createWorld, mfaCode, mfaSerialNumber } from '../../src/runtime/index.js';
import { counterService } from '../runtime/kernel-fixture.js';

const make = () => new ConsoleRunner({ world: createWorld({ seed: 1 }) });

describe('console files', () => {
  it('writes, appends, lists, prints and removes working files', () => {
    const c = make();
    expect(c.run('echo one > notes/a.txt').exitCode).toBe(0);
    c.run('echo two >> notes/a.txt');
    c.run('echo top > b.txt');
    expect(c.run('ls').stdout).toBe('b.txt\nnotes/\n');
    expect(c.run('ls notes').stdout).toBe('a.txt\n');
    expect(c.run('cat notes/a.txt').stdout).toBe('one\ntwo\n');
    expect(c.run('rm b.txt').exitCode).toBe(0);
    expect(c.run('cat b.txt')).toEqual({ exitCode: 1, stdout: '', stderr: 'cat: b.txt: No such file or directory\n' });
    expect(c.run('ls nope')).toEqual({ exitCode: 2, stdout: '', stderr: "ls: cannot access 'nope': No such file or directory\n" });
  });

  it('treats ./a and a as the same file', () => {
    const c = make();
    c.run('echo x > ./a');
    expect(c.run('cat a').stdout).toBe('x\n');
  });
});

describe('console clock and faults', () => {
  it('moves the clock with wait and refuses a bad duration', () => {
    const c = make();
    expect(c.run('wait 90s').stdout).toBe('Waited 1m 30s. The time is now 2025-01-06T09:01:30Z.\n');
    expect(c.run('date').stdout).toBe('2025-01-06T09:01:30Z\n');
    expect(c.run('wait soon')).toEqual({ exitCode: 2, stdout: '', stderr: 'wait: expected one duration such as 90s, 20m, 2h or 3d (usage: wait DURATION)\n' });
  });

  it('injects, lists and recovers faults a service reacts to, and prints why a fault is refused', () => {
    // S3 reacts to no fault yet, so the kernel's counter fixture stands in for EC2 here.
    const c = new ConsoleRunner({ world: new World({ seed: 1, services: [...SERVICES, counterService] }) });
    expect(c.run('fault zone-outage us-east-1b').stdout).toBe('Injected: zone-outage us-east-1b.\n');
    expect(c.world.isZoneDown('us-east-1b')).toBe(true);
    expect(c.run('fault list').stdout).toBe('zone-outage us-east-1b (since 2025-01-06T09:00:00Z)\n');
    expect(c.run('fault recover zone-outage us-east-1b').stdout).toBe('Recovered: zone-outage us-east-1b.\n');
    expect(c.run('fault zone-outage us-east-1z')).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: "fault: zone-outage: no Availability Zone 'us-east-1z'; zones in us-east-1: us-east-1a, us-east-1b, us-east-1c\n",
    });
    expect(c.run('fault region-outage mars-1').stderr).toBe("fault: region-outage: no region 'mars-1'; regions: us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-southeast-1\n");
    expect(c.run('fault instance-failure i-doesnotexist').stderr).toBe("fault: instance-failure: no instance 'i-doesnotexist' in this account; there are no instances\n");
    expect(c.run('fault meteor us-east-1').exitCode).toBe(2);
    expect(c.run('fault list').stdout).toBe('No faults are active.\n');
  });

  it('refuses a fault no simulated service reacts to yet, instead of pretending to inject it', () => {
    const c = make();
    expect(c.run('fault region-outage us-east-1')).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'fault: region-outage: no simulated service reacts to it yet (services: s3, ec2, iam, sts), so injecting it would change nothing; kinds that do: zone-outage, instance-failure\n',
    });
    expect(c.world.faults).toEqual([]);
  });

  it('refuses an instance failure for an instance the account does not have', () => {
    const c = make();
    expect(c.run('fault instance-failure i-doesnotexist')).toEqual({ exitCode: 2, stdout: '', stderr: "fault: instance-failure: no instance 'i-doesnotexist' in this account; there are no instances\n" });
    expect(c.world.faults).toEqual([]);
  });

  it('shows the virtual MFA device and its code', () => {
    const c = make();
    const code = mfaCode(c.world.accountId, c.world.nowMs);
    expect(c.run('mfa --value').stdout).toBe(`${mfaSerialNumber('123456789012')} ${code}\n`);
    expect(c.run('mfa').stdout).toContain(`Current code:       ${code} (changes in 30s of simulated time)`);
  });
});

describe('command substitution', () => {
  const echo = (inner: string) => ({ stdout: `${inner.replace(/^echo /, '')}\n`, stderr: '' });

  it.each([
    ['a $(echo b c) d', "a 'b' 'c' d"],
    ['a "$(echo b c)" d', 'a "b c" d'],
    ["a '$(echo b)'", "a '$(echo b)'"],
    ['x $(echo "q)") y', "x '\"q)\"' y"],
  ])('%s becomes %s', (line, expected) => {
    expect(substitute(line, echo).line).toBe(expected);
  });

  it('quotes output holding a single quote so it stays one word', () => {
    expect(substitute('$(x)', () => ({ stdout: "it's\n", stderr: '' })).line).toBe("'it'\\''s'");
  });

  it('feeds one aws command into another in the console', () => {
    const c = make();
    c.run('aws s3api create-bucket --bucket subst-demo');
    expect(c.run('echo $(aws s3api list-buckets --query "Buckets[0].Name" --output text)').stdout).toBe('subst-demo\n');
  });

  it('says where an unclosed $( is', () => {
    expect(make().run('echo $(date')).toEqual({ exitCode: 2, stdout: '', stderr: 'awslab: unterminated command substitution: the $( at column 6 has no closing )\n' });
  });
});

describe('console lines', () => {
  it('ignores comments and blank lines', () => {
    expect(make().run('   # nothing')).toEqual({ exitCode: 0, stdout: '', stderr: '' });
  });

  it('reports an unterminated quote without running anything', () => {
    const out = make().run('aws s3api create-bucket --bucket "oops');
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/^awslab: /);
  });

  it('lists lab-added commands in help', () => {
    const c = new ConsoleRunner({ world: createWorld(), commands: [{ name: 'hint', usage: 'hint [take]', summary: 'get a hint', run: () => ({ exitCode: 0, stdout: 'h\n', stderr: '' }), complete: ({ partial }) => ['take'].filter((w) => w.startsWith(partial)) }] });
    expect(c.run('help').stdout).toMatch(/\n  hint \[take\] +get a hint\n  # text +a comment\n$/);
    expect(c.run('hint').stdout).toBe('h\n');
    expect(c.complete('hi')).toEqual(['hint']);
    expect(c.complete('hint t')).toEqual(['take']);
  });

  it('lists every command of its table in help, each with its usage', async () => {
    const { CONSOLE_COMMANDS } = await import('../../src/console/commands/index.js');
    const help = make().run('help').stdout;
    for (const command of CONSOLE_COMMANDS.filter((c) => c.name !== 'help')) expect(help).toContain(`  ${command.usage} `);
  });

  it('completes command names, aws words and file names from one place', () => {
    const c = new ConsoleRunner({ world: createWorld({ seed: 1 }), files: new VirtualFiles({ 'q1.csv': 'a', 'q2.csv': 'b', 'notes.txt': 'c' }) });
    expect(c.complete('')).toEqual(['aws', 'cat', 'date', 'echo', 'fault', 'help', 'ls', 'mfa', 'probe', 'rm', 'wait']);
    expect(c.complete('  f')).toEqual(['fault']);
    expect(c.complete('cat q')).toEqual(['q1.csv', 'q2.csv']);
    expect(c.complete('echo hi > n')).toEqual(['notes.txt']);
    expect(c.complete('echo n')).toEqual([]);
    expect(c.complete('aws s3api put-bucket-ver')).toEqual(['put-bucket-versioning']);
    expect(c.complete('fault recover z')).toEqual(['zone-outage']);
    expect(c.complete('cat q1.csv', 5)).toEqual(['q1.csv', 'q2.csv']);
  });
});

describe('scripts', () => {
  it('splits lines, joins continuations, strips CR and a trailing newline', () => {
    expect(splitScript('a\r\nb \\\n  c\n\nd\n')).toEqual([
      { lineNumber: 1, text: 'a' },
      { lineNumber: 2, text: 'b   c' },
      { lineNumber: 4, text: '' },
      { lineNumber: 5, text: 'd' },
    ]);
  });
});

describe('file times', () => {
  // aws s3 sync uploads a local file whose size differs or whose time is newer than the
  // object's (https://docs.aws.amazon.com/cli/latest/reference/s3/sync.html).
  it('stamps files with the simulated time, so sync sees a same-size edit made later', () => {
    const c = make();
    c.run('aws s3 mb s3://sync-times');
    c.run('echo aaaa > notes.txt');
    expect(c.run('aws s3 sync . s3://sync-times').stdout).toBe('upload: ./notes.txt to s3://sync-times/notes.txt\n');
    c.run('wait 5m');
    expect(c.run('aws s3 sync . s3://sync-times').stdout).toBe('');
    c.run('echo bbbb > notes.txt');
    expect(c.files.modifiedMs('notes.txt')).toBe(c.world.nowMs);
    expect(c.run('aws s3 sync . s3://sync-times').stdout).toBe('upload: ./notes.txt to s3://sync-times/notes.txt\n');
  });
});

describe('shell operators', () => {
  it.each([
    ['aws s3api list-buckets | jq .', 'awslab: the console has no pipes (|): run one command per line. To pick out part of the output, use --query, e.g. --query "Buckets[].Name" --output text\n'],
    ['echo a; echo b', 'awslab: the console runs one command per line, without ;: put each command on its own line\n'],
    ['echo a && echo b', 'awslab: the console runs one command per line, without &&: put each command on its own line\n'],
  ])('explains that %s needs one command per line', (line, message) => {
    expect(make().run(line)).toEqual({ exitCode: 2, stdout: '', stderr: message });
  });

  it.each([
    ['echo "a | b"', 'a | b\n'],
    ["echo 'x;y'", 'x;y\n'],
    ['echo a\\|b', 'a|b\n'],
  ])('leaves quoted or escaped operators alone: %s', (line, out) => {
    expect(make().run(line).stdout).toBe(out);
  });

  it('allows a JMESPath pipe inside a quoted --query', () => {
    const c = make();
    c.run('aws s3api create-bucket --bucket pipe-demo');
    expect(c.run('aws s3api list-buckets --query "Buckets[].Name | [0]" --output text').stdout).toBe('pipe-demo\n');
  });
});
