import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_KINDS, evaluate, readsOf } from '../../../src/lab/checks/index.js';
import { parse, parsed } from './parse-helpers.js';
import { createWorld } from '../../../src/runtime/index.js';
import { VirtualFiles } from '../../../src/console/files.js';
import { runAws } from '../../../src/cli/index.js';


describe('the check kind registry', () => {
  it('holds one kind per key, and parsing names every key when none is given', () => {
    const keys = CHECK_KINDS.map((k) => k.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(parse({ message: 'x' }).problems).toEqual([`check: a check needs one of ${keys.join(', ')}`]);
  });

  it('keeps message and note on any kind, and says so when they are not text', () => {
    expect(parsed({ used: 's3:ListBuckets', message: 'List them.', note: 's3-basics' })).toEqual({ type: 'used', service: 's3', operation: 'ListBuckets', message: 'List them.', note: 's3-basics' });
    expect(parse({ used: 's3:ListBuckets', note: 3 }).problems).toEqual(['check.note: note: expected text']);
  });

  it('reports a problem inside a nested check at its own path', () => {
    expect(parse({ all: [{ used: 's3:ListBuckets' }, { not: { aws: 's3api list-buckets', length: 'two' } }] }).problems).toEqual(['check.all.1.not.length: length: expected a number']);
  });

  it('refuses a used check naming an operation the simulated cloud does not have, with the near ones', () => {
    expect(parse({ used: 's3:ListBucket' }).problems).toEqual(["check.used: used: s3 has no operation 'ListBucket' (did you mean 's3:ListBuckets'?)"]);
    expect(parse({ used: 's4:ListBuckets' }).problems).toEqual(["check.used: used: unknown service 's4' (services: s3, ec2, iam, sts)"]);
  });

  it('says a check reads the activity log when a used check is anywhere inside it', () => {
    expect([...readsOf(parsed({ aws: 's3api list-buckets' }))]).toEqual(['world']);
    expect([...readsOf(parsed({ not: { any: [{ aws: 's3api list-buckets' }, { used: 's3:ListBuckets' }] } }))].sort()).toEqual(['activity', 'world']);
  });

  it('evaluates nested kinds through the registry, with the outer message on failure', () => {
    const world = createWorld({ seed: 1 });
    const env = { world, files: new VirtualFiles(), region: 'us-east-1', learnerCallers: new Set(['user']) };
    const check = parsed({ all: [{ used: 's3:ListBuckets' }, { not: { aws: 's3api head-bucket --bucket nope' } }], message: 'List your buckets.' });
    expect(evaluate(check, env)).toEqual({ passed: false, why: 'List your buckets.' });
    runAws(['s3api', 'list-buckets'], { world, files: env.files, defaultRegion: 'us-east-1', caller: 'user' });
    expect(evaluate(check, env).passed).toBe(true);
  });

  it('is documented: labs/README.md has a row for every kind', () => {
    const readme = readFileSync(join(__dirname, '../../../labs/README.md'), 'utf8');
    for (const kind of CHECK_KINDS) expect(readme).toContain(`| \`${kind.key}:`);
  });
});
