import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNotes } from '../../src/notes/library.js';
import { renderMarkdown, renderOptionsFor } from '../../src/notes/render.js';

const fixture = readFileSync(join(__dirname, 'fixtures', 's3-versioning.md'), 'utf8');
const ESC = '\u001b';

describe('rendering notes for the terminal', () => {
  it('renders a note as plain text 40 columns wide: headings underlined without their # marks, wrapped prose, lists with their marks applied, a fitted table, note links as commands', () => {
    expect(renderMarkdown(fixture, { width: 40, color: false })).toBe(
      [
        'S3 versioning',
        '=============',
        '',
        'Versioning keeps every version of an',
        'object, so a delete marker hides an',
        'object instead of removing it.',
        '',
        'Versioning states',
        '-----------------',
        '',
        '┌───────────┬──────────────────────────┐',
        '│ State     │ What new writes do       │',
        '├───────────┼──────────────────────────┤',
        '│ Enabled   │ Every PUT creates a new  │',
        '│           │ version with a unique    │',
        '│           │ version ID               │',
        '├───────────┼──────────────────────────┤',
        '│ Suspended │ New PUTs get the null    │',
        '│           │ version ID               │',
        '└───────────┴──────────────────────────┘',
        '',
        'Delete markers',
        '--------------',
        '',
        '  * A simple DELETE adds a delete',
        '    marker; the object looks deleted.',
        '  * A GET of the key returns 404',
        '    NoSuchKey.',
        "    * A GET of the marker's own version",
        '      ID returns 405.',
        '',
        'Restoring an object',
        '-------------------',
        '',
        'Delete the delete marker by its version',
        'ID.',
        '',
        '  # not a heading',
        '  aws s3api delete-object --bucket b --key k --version-id v1',
        '',
        'Related',
        '-------',
        '',
        '  * S3 replication (awslab notes',
        '    s3-replication) and the AWS docs',
        '    (https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html).',
        '',
      ].join('\n'),
    );
  });

  it('writes no escape codes at all in plain mode, for every note that ships', () => {
    const withCodes = readNotes().filter((n) => renderMarkdown(n.text, { width: 80, color: false }).includes(ESC));
    expect(withCodes.map((n) => n.topic)).toEqual([]);
  });

  it('keeps prose, lists and tables within the width (code blocks and very long words aside)', () => {
    const long = readNotes().flatMap((note) =>
      renderMarkdown(note.text.replace(/^```[\s\S]*?^```$/gm, ''), { width: 60, color: false })
        .split('\n')
        .filter((line) => line.length > 60 && !/\S{25,}/.test(line))
        .map((line) => `${note.topic}: ${line}`),
    );
    expect(long).toEqual([]);
  });

  it('cuts no word in a table cell while every column can be as wide as its longest word', () => {
    const table = [
      '| Model | You manage | Examples |',
      '|---|---|---|',
      '| IaaS (Infrastructure as a Service) | Operating system, runtime, configuration, data | Amazon EC2, Amazon VPC, Amazon EBS and many more |',
    ].join('\n');
    const lines = renderMarkdown(table, { width: 50, color: false }).trimEnd().split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(50);
    const cells = lines.flatMap((l) => l.split('│').map((c) => c.trim())).join(' ');
    for (const word of ['(Infrastructure', 'configuration,', 'Operating']) expect(cells.split(' ')).toContain(word);
    // Narrower than the longest words allow, words are cut, never below 12 characters.
    expect(renderMarkdown(table, { width: 44, color: false })).toContain('(Infrastruct');
  });

  it('styles table headers in colour mode', () => {
    expect(renderMarkdown(fixture, { width: 80, color: true })).toContain(`${ESC}[1mState`);
  });

  it('shows the URL of an outside link in plain mode', () => {
    expect(renderMarkdown('See [the guide](https://example.com/g).', { width: 80, color: false })).toBe('See the guide (https://example.com/g).\n');
  });
});

describe('choosing plain or colour', () => {
  it('is plain when standard output is not a terminal', () => {
    expect(renderOptionsFor({ stdoutIsTTY: false, env: {} })).toEqual({ width: 80, color: false });
  });

  it('is plain on a terminal when NO_COLOR is set to anything but the empty string', () => {
    expect(renderOptionsFor({ stdoutIsTTY: true, env: { NO_COLOR: '1' } }).color).toBe(false);
    expect(renderOptionsFor({ stdoutIsTTY: true, env: { NO_COLOR: '' } }).color).toBe(true);
  });

  it('is plain on a dumb terminal', () => {
    expect(renderOptionsFor({ stdoutIsTTY: true, env: { TERM: 'dumb' } }).color).toBe(false);
  });

  it('takes the width from the terminal, else from COLUMNS, else 80', () => {
    expect(renderOptionsFor({ stdoutIsTTY: true, env: { COLUMNS: '100' }, columns: 120 }).width).toBe(120);
    expect(renderOptionsFor({ stdoutIsTTY: false, env: { COLUMNS: '100' } }).width).toBe(100);
    expect(renderOptionsFor({ stdoutIsTTY: false, env: { COLUMNS: 'wide' } }).width).toBe(80);
  });
});
