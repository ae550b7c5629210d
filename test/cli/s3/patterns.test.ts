import { describe, expect, it } from 'vitest';
import { Filter, fnmatchRegExp } from '../../../src/cli/s3/filters.js';
import { guessContentType } from '../../../src/cli/s3/mime-types.js';

// https://docs.aws.amazon.com/cli/latest/reference/s3/index.html#use-of-exclude-and-include-filters
describe('fnmatch patterns (Python fnmatch.translate)', () => {
  it.each([
    ['*.txt', 'a/b/c.txt', true],
    ['*.txt', 'c.txt.bak', false],
    ['data/?.csv', 'data/a.csv', true],
    ['data/?.csv', 'data/ab.csv', false],
    ['[abc]*', 'b.txt', true],
    ['[!abc]*', 'b.txt', false],
    ['[a-c].txt', 'b.txt', true],
    ['[z-a].txt', 'b.txt', false],
    ['file[', 'file[', true],
    ['a+b(1).txt', 'a+b(1).txt', true],
  ])('%s against %s is %s', (pattern, path, matches) => {
    expect(fnmatchRegExp(pattern).test(path)).toBe(matches);
  });
});

describe('--exclude and --include', () => {
  const local = (path: string) => ({ src: `/home/learner/${path}`, srcType: 'local' as const });

  it('matches patterns from the source directory, so * also crosses folders', () => {
    const filter = new Filter([['exclude', '*'], ['include', '*.csv']], 'data', 's3://b/', true);
    expect(filter.includes(local('data/x.csv'))).toBe(true);
    expect(filter.includes(local('data/deep/y.csv'))).toBe(true);
    expect(filter.includes(local('data/z.txt'))).toBe(false);
  });

  it('lets the later rule win', () => {
    const filter = new Filter([['include', '*.csv'], ['exclude', '*']], 'data', 's3://b/', true);
    expect(filter.includes(local('data/x.csv'))).toBe(false);
  });

  it('roots an S3 source at its bucket and prefix', () => {
    const filter = new Filter([['exclude', 'logs/*']], 's3://b/', '.', true);
    expect(filter.includes({ src: 'b/logs/1.log', srcType: 's3' })).toBe(false);
    expect(filter.includes({ src: 'b/data/logs/1.log', srcType: 's3' })).toBe(true);
  });
});

describe('Content-Type guesses (Python mimetypes.guess_type)', () => {
  it.each([
    ['/home/learner/q1.csv', 'text/csv'],
    ['/home/learner/Report.PDF', 'application/pdf'],
    ['/home/learner/site/index.html', 'text/html'],
    ['/home/learner/notes.md', 'text/markdown'],
    ['/home/learner/backup.tar.gz', 'application/x-tar'],
    ['/home/learner/backup.tgz', 'application/x-tar'],
    ['/home/learner/data.json.gz', 'application/json'],
    ['/home/learner/.bashrc', undefined],
    ['/home/learner/v1.2/README', undefined],
  ])('%s is %s', (path, type) => {
    expect(guessContentType(path)).toBe(type);
  });
});
