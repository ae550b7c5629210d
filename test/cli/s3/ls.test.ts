import { describe, expect, it } from 'vitest';
import { humanReadableSize } from '../../../src/cli/s3/listing.js';
import { REFERENCE, session } from './session.js';

describe(`aws s3 ls (${REFERENCE}/ls.html)`, () => {
  it('lists every key of a bucket larger than one ListObjectsV2 page', () => {
    const s = session();
    s.ok('aws s3 mb s3://many-bucket');
    for (let i = 0; i < 1005; i++) s.world.call('s3', 'PutObject', { Bucket: 'many-bucket', Key: `k${String(i).padStart(4, '0')}`, Body: 'x' });
    const lines = s.ok('aws s3 ls s3://many-bucket --summarize').split('\n');
    expect(lines.filter((line) => line.endsWith(' k1004'))).toHaveLength(1);
    expect(lines.slice(-3)).toEqual(['Total Objects: 1005', '   Total Size: 1005', '']);
  });

  it('prints service errors like every other command: the enhanced format by default', () => {
    const s = session();
    expect(s.run('aws s3 ls s3://missing-bucket')).toEqual({
      exitCode: 254,
      stdout: '',
      stderr: '\naws: [ERROR]: An error occurred (NoSuchBucket) when calling the ListObjectsV2 operation: The specified bucket does not exist\n',
    });
  });

  it('cannot reach a region the simulation does not have', () => {
    const s = session();
    expect(s.run('aws s3 ls --region mars-east-1')).toEqual({
      exitCode: 255,
      stdout: '',
      stderr: '\nCould not connect to the endpoint URL: "https://s3.mars-east-1.amazonaws.com/"\n',
    });
  });
});

describe('human-readable sizes (awscli/customizations/s3/utils.py human_readable_size)', () => {
  it.each([
    [0, '0 Bytes'],
    [1, '1 Byte'],
    [1023, '1023 Bytes'],
    [1024, '1.0 KiB'],
    // 1.25 KiB: Python's '%.1f' rounds half to even.
    [1280, '1.2 KiB'],
    [1331, '1.3 KiB'],
    [1048575, '1.0 MiB'],
    [3000000, '2.9 MiB'],
    [5 * 1024 ** 4, '5.0 TiB'],
  ])('%d bytes is %s', (bytes, text) => {
    expect(humanReadableSize(bytes)).toBe(text);
  });
});
