import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSOLE_COMMANDS } from '../../src/console/commands/index.js';
import { LAB_COMMANDS } from '../../src/lab/commands/index.js';

describe('the console command tables', () => {
  it('name each command once, across the console and a lab', () => {
    const names = [...CONSOLE_COMMANDS, ...LAB_COMMANDS].map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('are documented: the README\'s console lines table names every command', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Console lines'), readme.indexOf('There is no shell behind the console'));
    for (const command of [...CONSOLE_COMMANDS, ...LAB_COMMANDS]) expect(section).toMatch(new RegExp(`\`${command.name}[\` ]`));
  });
});
