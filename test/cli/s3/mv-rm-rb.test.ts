import { describe, expect, it } from 'vitest';
import { REFERENCE, session } from './session.js';

const CSV = 'region,revenue\neu,100\n';

describe(`aws s3 mv (${REFERENCE}/mv.html)`, () => {
  it('removes the local file once it is uploaded', () => {
    const s = session({ 'q1.csv': CSV, 'keep.txt': 'k' });
    s.ok('aws s3 mb s3://move-bucket');
    expect(s.ok('aws s3 mv q1.csv s3://move-bucket/')).toBe('move: ./q1.csv to s3://move-bucket/q1.csv\n');
    expect(s.files.list()).toEqual(['keep.txt']);
    expect(s.keys('move-bucket')).toEqual(['q1.csv']);
  });

  it('deletes the source object of an S3-to-S3 move and of a download', () => {
    const s = session({ 'q1.csv': CSV });
    s.ok('aws s3 mb s3://move-bucket');
    s.ok('aws s3 cp q1.csv s3://move-bucket/in/q1.csv');
    s.ok('aws s3 mv s3://move-bucket/in/q1.csv s3://move-bucket/out/');
    expect(s.keys('move-bucket')).toEqual(['out/q1.csv']);
    s.ok('aws s3 mv s3://move-bucket/out/q1.csv back.csv');
    expect(s.keys('move-bucket')).toEqual([]);
    expect(s.text('back.csv')).toBe(CSV);
  });

  it('keeps the local file when the upload fails', () => {
    const s = session({ 'q1.csv': CSV });
    const result = s.run('aws s3 mv q1.csv s3://no-such-bucket/');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'move failed: ./q1.csv to s3://no-such-bucket/q1.csv An error occurred (NoSuchBucket) when calling the PutObject operation: The specified bucket does not exist\n',
    );
    expect(s.files.list()).toEqual(['q1.csv']);
  });
});

describe(`aws s3 rm (${REFERENCE}/rm.html)`, () => {
  it('adds a delete marker for each current object of a versioned bucket and keeps the versions', () => {
    const s = session({ 'q1.csv': CSV, 'data/a.txt': 'a' });
    s.ok('aws s3 mb s3://versioned-bucket');
    s.world.call('s3', 'PutBucketVersioning', { Bucket: 'versioned-bucket', VersioningConfiguration: { Status: 'Enabled' } });
    s.ok('aws s3 cp . s3://versioned-bucket/ --recursive');
    s.ok('aws s3 cp q1.csv s3://versioned-bucket/');
    expect(s.ok('aws s3 rm s3://versioned-bucket --recursive')).toBe(
      'delete: s3://versioned-bucket/data/a.txt\ndelete: s3://versioned-bucket/q1.csv\n',
    );
    const versions = s.world.call('s3', 'ListObjectVersions', { Bucket: 'versioned-bucket' });
    const markers = (versions.DeleteMarkers as Array<{ Key: string; IsLatest: boolean }>).map((m) => [m.Key, m.IsLatest]);
    expect(markers).toEqual([['data/a.txt', true], ['q1.csv', true]]);
    expect((versions.Versions as unknown[]).length).toBe(3);
    expect(s.ok('aws s3 ls s3://versioned-bucket --recursive')).toBe('');
  });

  it('changes nothing with --dryrun', () => {
    const s = session({ 'q1.csv': CSV });
    s.ok('aws s3 mb s3://delete-bucket');
    s.ok('aws s3 cp q1.csv s3://delete-bucket/');
    expect(s.ok('aws s3 rm s3://delete-bucket --recursive --dryrun')).toBe('(dryrun) delete: s3://delete-bucket/q1.csv\n');
    expect(s.keys('delete-bucket')).toEqual(['q1.csv']);
  });
});

describe(`aws s3 rb (${REFERENCE}/rb.html)`, () => {
  it('empties the bucket with --force, then removes it', () => {
    const s = session({ 'q1.csv': CSV });
    s.ok('aws s3 mb s3://full-bucket');
    s.ok('aws s3 cp q1.csv s3://full-bucket/a/q1.csv');
    expect(s.ok('aws s3 rb s3://full-bucket --force')).toBe('delete: s3://full-bucket/a/q1.csv\nremove_bucket: full-bucket\n');
    expect(s.ok('aws s3 ls')).toBe('');
  });

  it('cannot remove a versioned bucket with --force: the versions and delete markers remain', () => {
    const s = session({ 'q1.csv': CSV });
    s.ok('aws s3 mb s3://versioned-bucket');
    s.world.call('s3', 'PutBucketVersioning', { Bucket: 'versioned-bucket', VersioningConfiguration: { Status: 'Enabled' } });
    s.ok('aws s3 cp q1.csv s3://versioned-bucket/');
    const result = s.run('aws s3 rb s3://versioned-bucket --force');
    expect(result).toEqual({
      exitCode: 1,
      stdout: 'delete: s3://versioned-bucket/q1.csv\n',
      stderr:
        'remove_bucket failed: s3://versioned-bucket An error occurred (BucketNotEmpty) when calling the DeleteBucket operation: ' +
        'The bucket you tried to delete is not empty. You must delete all versions in the bucket.\n',
    });
    expect(s.ok('aws s3 ls')).toBe('2025-01-06 09:00:00 versioned-bucket\n');
  });
});

describe(`aws s3 mb (${REFERENCE}/mb.html)`, () => {
  it('creates the bucket in the --region given', () => {
    const s = session();
    expect(s.ok('aws s3 mb s3://eu-reports --region eu-west-1')).toBe('make_bucket: eu-reports\n');
    expect(s.world.call('s3', 'GetBucketLocation', { Bucket: 'eu-reports' }).LocationConstraint).toBe('eu-west-1');
  });

  it('reports an invalid bucket name with the error S3 returns', () => {
    const s = session();
    expect(s.run('aws s3 mb s3://Reports_2025')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'make_bucket failed: s3://Reports_2025 An error occurred (InvalidBucketName) when calling the CreateBucket operation: The specified bucket is not valid.\n',
    });
  });
});
