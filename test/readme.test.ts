import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { supportedOperationsMarkdown } from './supported-operations.js';

const readmePath = resolve(__dirname, '..', 'README.md');
const START = '<!-- supported-operations:start -->\n';
const END = '<!-- supported-operations:end -->';

describe('README', () => {
  it('lists exactly the operations awslab supports (UPDATE_README=1 npx vitest run test/readme.test.ts rewrites it)', () => {
    const readme = readFileSync(readmePath, 'utf8');
    const start = readme.indexOf(START) + START.length;
    const end = readme.indexOf(END);
    expect(start).toBeGreaterThan(START.length - 1);
    const generated = supportedOperationsMarkdown();
    if (process.env.UPDATE_README === '1') writeFileSync(readmePath, readme.slice(0, start) + generated + readme.slice(end));
    else expect(readme.slice(start, end)).toBe(generated);
  });

  it('gives the two commands that set up and test everything', () => {
    const readme = readFileSync(readmePath, 'utf8');
    expect(readme).toContain('npm install && npx awslab');
    expect(readme).toContain('npm test');
  });
});
