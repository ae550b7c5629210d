import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNotes } from '../../src/notes/library.js';
import { plainLine, searchNotes } from '../../src/notes/search.js';

const notes = readNotes(join(__dirname, 'fixtures'));

describe('searching notes', () => {
  it('ranks a note with the words in its title above one that only mentions them', () => {
    expect(searchNotes('replication', notes).map((h) => h.topic)).toEqual(['s3-replication', 's3-versioning']);
  });

  it('ranks a note with the whole phrase in a heading and many lines above one with a single mention', () => {
    expect(searchNotes('delete marker', notes).map((h) => h.topic)).toEqual(['s3-versioning', 's3-replication']);
  });

  it('gives each hit its best lines, with the line number and the section to open', () => {
    const [hit] = searchNotes('availability zone', notes);
    expect(hit).toEqual({ topic: 'vpc', title: 'Amazon VPC', score: 1.5, matches: [{ line: 7, text: 'A subnet lives in one Availability Zone.', section: { level: 2, text: 'Subnets', anchor: 'subnets', line: 5 } }] });
  });

  it('needs every word somewhere in the note', () => {
    expect(searchNotes('subnet marker', notes)).toEqual([]);
  });

  it('matches part of a word, in any case', () => {
    expect(searchNotes('REPLIC', notes).map((h) => h.topic)).toContain('s3-replication');
  });

  it('finds nothing for an empty query', () => {
    expect(searchNotes('  ', notes)).toEqual([]);
  });

  it('shows matching lines without Markdown marks', () => {
    expect(plainLine('- A simple DELETE adds a **delete marker**; see [docs](x.md).')).toBe('A simple DELETE adds a delete marker; see docs.');
    expect(plainLine('| Enabled | Every PUT |')).toBe('Enabled | Every PUT');
  });

  it('searches the real notes: "mfa delete" finds S3 versioning first', () => {
    expect(searchNotes('mfa delete', readNotes())[0]?.topic).toBe('s3-versioning');
  });
});
