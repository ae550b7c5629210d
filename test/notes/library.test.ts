import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInNotesDir, listNotes, noteSection, readNote, readNotes, suggestTopics } from '../../src/notes/library.js';

const fixtures = join(__dirname, 'fixtures');

describe('finding notes', () => {
  it('reads a note by topic id, with its title and headings', () => {
    const note = readNote('s3-versioning', fixtures)!;
    expect(note.title).toBe('S3 versioning');
    expect(note.headings.map((h) => h.anchor)).toEqual(['s3-versioning', 'versioning-states', 'delete-markers', 'restoring-an-object', 'related']);
  });

  it('has no note for an unknown topic or a path', () => {
    expect(readNote('s3-versionin', fixtures)).toBeUndefined();
    expect(readNote('../fixtures/vpc', fixtures)).toBeUndefined();
  });

  it('lists the notes with their titles in syllabus order', () => {
    expect(listNotes(fixtures).map((n) => [n.topic, n.title])).toEqual([
      ['s3-versioning', 'S3 versioning'],
      ['s3-replication', 'S3 replication'],
      ['vpc', 'Amazon VPC'],
    ]);
  });

  it('finds the notes that ship with awslab beside the package', () => {
    expect(builtInNotesDir()).toMatch(/labs[\\/]notes$/);
    expect(readNotes().length).toBeGreaterThan(0);
  });
});

describe('a section by its anchor', () => {
  it('runs from its heading to the next heading of the same or a higher level, subsections included', () => {
    const section = noteSection(readNote('s3-versioning', fixtures)!, 'delete-markers')!;
    expect(section.heading.text).toBe('Delete markers');
    expect(section.markdown.split('\n')[0]).toBe('## Delete markers');
    expect(section.markdown).toContain('### Restoring an object');
    expect(section.markdown).toContain('# not a heading');
    expect(section.markdown).not.toContain('## Related');
  });

  it('ends a subsection at the next heading of its level or above', () => {
    expect(noteSection(readNote('s3-versioning', fixtures)!, 'restoring-an-object')!.markdown).toBe(
      '### Restoring an object\n\nDelete the delete marker by its version ID.\n\n```sh\n# not a heading\naws s3api delete-object --bucket b --key k --version-id v1\n```\n',
    );
  });

  it('is undefined for an anchor the note does not have', () => {
    expect(noteSection(readNote('s3-versioning', fixtures)!, 'delete-marker')).toBeUndefined();
  });
});

describe('near misses', () => {
  const topics = ['s3-versioning', 's3-replication', 'vpc', 'network-acls'];

  it('suggests similar ids for a typo', () => {
    expect(suggestTopics('s3-versionning', topics)).toEqual(['s3-versioning']);
  });

  it('suggests ids that contain what was typed', () => {
    expect(suggestTopics('s3', topics)).toEqual(['s3-versioning', 's3-replication']);
    expect(suggestTopics('acl', topics)).toEqual(['network-acls']);
  });

  it('suggests nothing for something unrelated', () => {
    expect(suggestTopics('kubernetes', topics)).toEqual([]);
  });
});
