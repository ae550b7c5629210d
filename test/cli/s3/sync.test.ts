import { describe, expect, it } from 'vitest';
import { runAws } from '../../../src/cli/index.js';
import type { CliFileSystem } from '../../../src/cli/types.js';
import { createWorld } from '../../../src/runtime/index.js';
import { REFERENCE, session } from './session.js';

const MINUTE = 60_000;

describe(`aws s3 sync (${REFERENCE}/sync.html)`, () => {
  it('uploads only new and changed files, and nothing on a second run', () => {
    const s = session({ 'site/index.html': '<h1>hi</h1>', 'site/about.html': 'about' });
    s.ok('aws s3 mb s3://site-bucket');
    s.ok('aws s3 sync site s3://site-bucket');
    expect(s.ok('aws s3 sync site s3://site-bucket')).toBe('');
    s.world.advance(MINUTE);
    s.files.writeFile('site/about.html', new TextEncoder().encode('ABOUT'));
    expect(s.ok('aws s3 sync site s3://site-bucket')).toBe('upload: site/about.html to s3://site-bucket/about.html\n');
  });

  it('--size-only ignores a newer file of the same size', () => {
    const s = session({ 'site/about.html': 'about' });
    s.ok('aws s3 mb s3://site-bucket');
    s.ok('aws s3 sync site s3://site-bucket');
    s.world.advance(MINUTE);
    s.files.writeFile('site/about.html', new TextEncoder().encode('ABOUT'));
    expect(s.ok('aws s3 sync site s3://site-bucket --size-only')).toBe('');
  });

  it('deletes objects that are not in the source with --delete', () => {
    const s = session({ 'site/index.html': '<h1>hi</h1>', 'site/old.html': 'old' });
    s.ok('aws s3 mb s3://site-bucket');
    s.ok('aws s3 sync site s3://site-bucket');
    s.files.remove('site/old.html');
    expect(s.ok('aws s3 sync site s3://site-bucket')).toBe('');
    expect(s.ok('aws s3 sync site s3://site-bucket --delete')).toBe('delete: s3://site-bucket/old.html\n');
    expect(s.keys('site-bucket')).toEqual(['index.html']);
  });

  it('deletes local files that are not in the bucket with --delete', () => {
    const s = session({ 'data/a.txt': 'a' });
    s.ok('aws s3 mb s3://data-bucket');
    s.ok('aws s3 sync data s3://data-bucket');
    s.files.writeFile('copy/stray.txt', new TextEncoder().encode('stray'));
    expect(s.ok('aws s3 sync s3://data-bucket copy --delete')).toBe('download: s3://data-bucket/a.txt to copy/a.txt\ndelete: copy/stray.txt\n');
    expect(s.files.list()).toEqual(['copy/a.txt', 'data/a.txt']);
  });

  it('does not download an object changed in S3 at the same size unless --exact-timestamps', () => {
    const s = session({ 'data/a.txt': 'hello' });
    s.ok('aws s3 mb s3://data-bucket');
    s.ok('aws s3 sync data s3://data-bucket');
    s.ok('aws s3 sync s3://data-bucket copy');
    s.world.advance(MINUTE);
    s.world.call('s3', 'PutObject', { Bucket: 'data-bucket', Key: 'a.txt', Body: 'HELLO' });
    expect(s.ok('aws s3 sync s3://data-bucket copy')).toBe('');
    expect(s.text('copy/a.txt')).toBe('hello');
    expect(s.ok('aws s3 sync s3://data-bucket copy --exact-timestamps')).toBe('download: s3://data-bucket/a.txt to copy/a.txt\n');
    expect(s.text('copy/a.txt')).toBe('HELLO');
  });

  it('copies between buckets and skips what is already there', () => {
    const s = session({ 'data/a.txt': 'a', 'data/b.txt': 'b' });
    s.ok('aws s3 mb s3://origin-bucket');
    s.ok('aws s3 mb s3://backup-bucket --region eu-west-1');
    s.ok('aws s3 sync data s3://origin-bucket');
    expect(s.ok('aws s3 sync s3://origin-bucket s3://backup-bucket')).toBe(
      'copy: s3://origin-bucket/a.txt to s3://backup-bucket/a.txt\ncopy: s3://origin-bucket/b.txt to s3://backup-bucket/b.txt\n',
    );
    expect(s.ok('aws s3 sync s3://origin-bucket s3://backup-bucket')).toBe('');
  });

  it('asks a file system that keeps modification times for them', () => {
    // A folder that knows its files' times (the console's may one day): sync trusts them.
    const data = new Map<string, Uint8Array>([['site/a.html', new TextEncoder().encode('same')]]);
    const times = new Map<string, number>();
    const files: CliFileSystem & { modifiedMs(path: string): number | undefined; setModifiedMs(path: string, ms: number): void } = {
      readFile: (path) => data.get(path),
      writeFile: (path, bytes) => void data.set(path, bytes),
      list: () => [...data.keys()].sort(),
      modifiedMs: (path) => times.get(path),
      setModifiedMs: (path, ms) => void times.set(path, ms),
    };
    const world = createWorld();
    const ctx = { world, files, defaultRegion: 'us-east-1' };
    runAws(['s3', 'mb', 's3://site-bucket'], ctx);
    times.set('site/a.html', world.nowMs);
    expect(runAws(['s3', 'sync', 'site', 's3://site-bucket'], ctx).stdout).toBe('upload: site/a.html to s3://site-bucket/a.html\n');
    world.advance(MINUTE);
    expect(runAws(['s3', 'sync', 'site', 's3://site-bucket'], ctx).stdout).toBe('');
    // Touched later, with the same bytes: the newer time alone makes it go again.
    times.set('site/a.html', world.nowMs);
    expect(runAws(['s3', 'sync', 'site', 's3://site-bucket'], ctx).stdout).toBe('upload: site/a.html to s3://site-bucket/a.html\n');
    // A download sets the file's time to the object's LastModified.
    runAws(['s3', 'cp', 's3://site-bucket/a.html', 'back.html'], ctx);
    expect(times.get('back.html')).toBe(world.nowMs);
  });
});
