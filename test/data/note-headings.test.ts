import { describe, expect, it } from 'vitest';
import { githubSlug, headingsOf } from '../../src/data/note-headings.js';

// GitHub's heading anchors (github-slugger): lower case, punctuation dropped, spaces to hyphens.
describe('githubSlug', () => {
  it.each([
    ['Delete markers and the null version', 'delete-markers-and-the-null-version'],
    ['Reserved Instances (RIs)', 'reserved-instances-ris'],
    ['EFS or FSx: quick decision guide', 'efs-or-fsx-quick-decision-guide'],
    ['Keys, prefixes and "folders"', 'keys-prefixes-and-folders'],
    ['Site-to-Site VPN', 'site-to-site-vpn'],
    ['The `null` version', 'the-null-version'],
    ['See [S3 replication](s3-replication.md)', 'see-s3-replication'],
    ['Two  spaces', 'two--spaces'],
    ['snake_case stays', 'snake_case-stays'],
  ])('%s -> %s', (heading, slug) => {
    expect(githubSlug(heading)).toBe(slug);
  });
});

describe('headingsOf', () => {
  it('finds ATX headings with their level, text and line', () => {
    expect(headingsOf('# Title\n\ntext\n## One\n### Two ##\n')).toEqual([
      { level: 1, text: 'Title', anchor: 'title', line: 1 },
      { level: 2, text: 'One', anchor: 'one', line: 4 },
      { level: 3, text: 'Two', anchor: 'two', line: 5 },
    ]);
  });

  it('ignores lines starting with # inside fenced code', () => {
    expect(headingsOf('## Before\n```sh\n# a shell comment\n```\n~~~\n## not either\n~~~\n## After\n').map((h) => h.text)).toEqual(['Before', 'After']);
  });

  it('numbers repeated headings as GitHub does: -1, -2', () => {
    expect(headingsOf('## Example\n## Example\n## Example\n').map((h) => h.anchor)).toEqual(['example', 'example-1', 'example-2']);
  });

  it('needs a space after the hashes', () => {
    expect(headingsOf('#hashtag\n##\n')).toEqual([]);
  });
});
