import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMAINS, topicsInDomain } from '../../src/data/topics.js';
import { parseBank } from '../../src/quiz/bank-file.js';
import { builtInQuizzesDir } from '../../src/quiz/banks.js';

const readme = readFileSync(join(builtInQuizzesDir(), 'README.md'), 'utf8');

describe('quizzes/README.md', () => {
  it('shows a complete example that is a valid bank', () => {
    const example = /```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    const bank = parseBank(example, 'README.md example');
    expect(bank.questions.map((q) => q.type)).toEqual(['single', 'multiple']);
  });

  it('lists every topic id under its domain', () => {
    for (const domain of DOMAINS) {
      const row = readme.split('\n').find((line) => line.startsWith(`| ${domain} |`))!;
      expect([...row.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1])).toEqual(topicsInDomain(domain).map((t) => t.id));
    }
  });
});
