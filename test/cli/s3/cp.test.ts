import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { REFERENCE, session } from './session.js';

const CSV = 'region,revenue\neu,100\n';

describe(`aws s3 cp uploads (${REFERENCE}/cp.html)`, () => {
  it('stores the file as one object whose ETag is the MD5 of its bytes', () => {
    const s = session({ 'q1.csv': CSV });
    s.ok('aws s3 mb s3://reports-bucket');
    expect(s.ok('aws s3 cp q1.csv s3://reports-bucket/')).toBe('upload: ./q1.csv to s3://reports-bucket/q1.csv\n');
    const head = s.head('reports-bucket', 'q1.csv');
    expect(head.ETag).toBe(`"${createHash('md5').update(CSV).digest('hex')}"`);
    expect(head.ContentLength).toBe(CSV.length);
  });

  it('guesses the Content-Type from the extension, as Python mimetypes does', () => {
    const s = session({ 'a.csv': 'x', 'b.json': '{}', 'c.html': '<p>', 'd.txt.gz': 'z', 'e': 'x', 'F.PNG': 'p' });
    s.ok('aws s3 mb s3://types-bucket');
    s.ok('aws s3 cp . s3://types-bucket/ --recursive');
    const types = Object.fromEntries(s.keys('types-bucket').map((key) => [key, s.head('types-bucket', key).ContentType]));
    expect(types).toEqual({
      'F.PNG': 'image/png',
      'a.csv': 'text/csv',
      'b.json': 'application/json',
      'c.html': 'text/html',
      'd.txt.gz': 'text/plain',
      e: 'binary/octet-stream',
    });
  });

  it('uses --content-type over the guess, and sends no type with --no-guess-mime-type', () => {
    const s = session({ 'q1.csv': CSV });
    s.ok('aws s3 mb s3://types-bucket');
    s.ok('aws s3 cp q1.csv s3://types-bucket/given.csv --content-type application/vnd.ms-excel');
    s.ok('aws s3 cp q1.csv s3://types-bucket/plain.csv --no-guess-mime-type');
    expect(s.head('types-bucket', 'given.csv').ContentType).toBe('application/vnd.ms-excel');
    expect(s.head('types-bucket', 'plain.csv').ContentType).toBe('binary/octet-stream');
  });

  it('records each PutObject in the activity log under the console caller', () => {
    const s = session({ 'q1.csv': CSV });
    s.ok('aws s3 mb s3://reports-bucket');
    s.ok('aws s3 cp q1.csv s3://reports-bucket/');
    const calls = s.world.activity.map((record) => record.operation);
    expect(calls).toEqual(['CreateBucket', 'PutObject']);
  });

  it('applies --exclude and --include in order, the last matching filter winning', () => {
    const s = session({ 'data/a.csv': '1', 'data/b.csv': '2', 'data/c.txt': '3', 'data/sub/d.csv': '4' });
    s.ok('aws s3 mb s3://filter-bucket');
    s.ok('aws s3 cp data s3://filter-bucket/first/ --recursive --exclude "*" --include "*.csv" --exclude "sub/*"');
    s.ok('aws s3 cp data s3://filter-bucket/second/ --recursive --include "*.csv" --exclude "*"');
    expect(s.keys('filter-bucket')).toEqual(['first/a.csv', 'first/b.csv']);
  });
});

describe(`aws s3 cp downloads (${REFERENCE}/cp.html)`, () => {
  it('writes the object into the folder and gives the file the object\'s LastModified', () => {
    const s = session({ 'q1.csv': CSV });
    s.ok('aws s3 mb s3://reports-bucket');
    s.ok('aws s3 cp q1.csv s3://reports-bucket/2025/q1.csv');
    s.world.advance(3_600_000);
    expect(s.ok('aws s3 cp s3://reports-bucket/2025/q1.csv restored/')).toBe('download: s3://reports-bucket/2025/q1.csv to restored/q1.csv\n');
    expect(s.text('restored/q1.csv')).toBe(CSV);
    // The object is an hour older than now; sync compares the file by that time.
    expect(s.ok('aws s3 sync s3://reports-bucket/2025 restored')).toBe('');
  });

  it('copies a whole prefix with --recursive, keeping the paths below it', () => {
    const s = session({ 'site/index.html': '<h1>', 'site/css/main.css': 'body{}' });
    s.ok('aws s3 mb s3://site-bucket');
    s.ok('aws s3 cp site s3://site-bucket/www --recursive');
    s.ok('aws s3 cp s3://site-bucket/www copy --recursive');
    expect(s.files.list()).toEqual(['copy/css/main.css', 'copy/index.html', 'site/css/main.css', 'site/index.html']);
  });

  it('prints the object to stdout when the destination is -', () => {
    const s = session({ 'q1.csv': CSV });
    s.ok('aws s3 mb s3://reports-bucket');
    s.ok('aws s3 cp q1.csv s3://reports-bucket/');
    expect(s.run('aws s3 cp s3://reports-bucket/q1.csv -')).toEqual({ exitCode: 0, stdout: CSV, stderr: '' });
  });

  it('refuses to write a file where the folder has a directory of that name', () => {
    const s = session({ 'q1.csv': CSV, 'out/q1.csv/keep.txt': 'x' });
    s.ok('aws s3 mb s3://reports-bucket');
    s.ok('aws s3 cp q1.csv s3://reports-bucket/');
    const result = s.run('aws s3 cp s3://reports-bucket/q1.csv out/q1.csv');
    // out/q1.csv is a directory, so the file takes its own name inside it.
    expect(result.stdout).toBe('download: s3://reports-bucket/q1.csv to out/q1.csv/q1.csv\n');
  });
});
