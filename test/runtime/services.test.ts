import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVICES } from '../../src/runtime/index.js';

const botocore = '/usr/lib/python3/dist-packages/awscli/botocore/data';

describe('operation tables', () => {
  it.each(SERVICES.map((s) => [s.name, s] as const))('%s: every modelled operation has a handler, and every handler a model entry', (_name, service) => {
    expect(Object.keys(service.operations).sort()).toEqual(Object.keys(service.model.operations).sort());
  });

  it.each(SERVICES.map((s) => [s.name] as const))('%s: the committed model is what botocore says (Debian awscli installed by .ci/run)', (name) => {
    if (!existsSync(botocore)) throw new Error(`${botocore} is missing: install Debian's awscli package (apt-get install awscli), as .ci/run does`);
    const tool = resolve(__dirname, '..', 'tools', 'extract-model.mjs');
    expect(execFileSync(process.execPath, [tool, name, '--check'], { encoding: 'utf8' })).toBe(`${name}: model up to date\n`);
  });
});
