import { describe, expect, it } from 'vitest';
import type { World } from '../../../src/runtime/world.js';
import { call, createBucket, getText, newWorld, put } from './helpers.js';

/** A fixed script of calls touching every kind of write; returns every output in order. */
function script(world: World): unknown[] {
  const outputs: unknown[] = [];
  const run = (operation: string, input: Record<string, unknown>) => outputs.push(call(world, operation, input));
  run('CreateBucket', { Bucket: 'reports' });
  run('PutBucketVersioning', { Bucket: 'reports', VersioningConfiguration: { Status: 'Enabled' } });
  for (let i = 0; i < 5; i++) {
    world.advance(30_000);
    run('PutObject', { Bucket: 'reports', Key: `q${i % 2}.csv`, Body: new TextEncoder().encode(`rev ${i}`) });
  }
  run('DeleteObject', { Bucket: 'reports', Key: 'q0.csv' });
  run('CopyObject', { Bucket: 'reports', Key: 'copy.csv', CopySource: 'reports/q1.csv' });
  run('DeleteObjects', { Bucket: 'reports', Delete: { Objects: [{ Key: 'q1.csv' }, { Key: 'copy.csv' }] } });
  run('ListObjectVersions', { Bucket: 'reports' });
  run('ListObjectsV2', { Bucket: 'reports' });
  return outputs;
}

describe('determinism', () => {
  // DESIGN.md: "the same seed and the same commands give byte-identical results" -- version IDs come from the seeded
  // generator, as opaque strings like S3's: https://docs.aws.amazon.com/AmazonS3/latest/userguide/versioning-workflows.html
  it('gives identical outputs, version IDs included, for the same seed and calls', () => {
    expect(script(newWorld(42))).toEqual(script(newWorld(42)));
  });

  it('draws different version IDs from a different seed', () => {
    const first = script(newWorld(1))[2] as { VersionId: string };
    const second = script(newWorld(2))[2] as { VersionId: string };
    expect(first.VersionId).not.toBe(second.VersionId);
  });
});

describe('snapshots', () => {
  // A restored world answers exactly as it did when the snapshot was taken (DESIGN.md: "A world can be snapshot and restored").
  // Versioned state per https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
  it('round-trips a versioned bucket through snapshot and restore', () => {
    const world = newWorld(7);
    createBucket(world, 'docs', 'Enabled');
    const first = put(world, 'docs', 'a.txt', 'v1').VersionId;
    put(world, 'docs', 'a.txt', 'v2');
    call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt' });
    const before = call(world, 'ListObjectVersions', { Bucket: 'docs' });
    const snapshot = world.snapshot();

    call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt', VersionId: first });
    put(world, 'docs', 'b.txt', 'new');
    const nextIdAfterSnapshot = put(world, 'docs', 'c.txt', 'x').VersionId;

    world.restore(snapshot);
    expect(call(world, 'ListObjectVersions', { Bucket: 'docs' })).toEqual(before);
    expect(getText(world, 'docs', 'a.txt', first)).toBe('v1');
    // The random generator is part of the snapshot: the same next call draws the same ID again.
    put(world, 'docs', 'b.txt', 'new');
    expect(put(world, 'docs', 'c.txt', 'x').VersionId).toBe(nextIdAfterSnapshot);
  });

  it('keeps a snapshot independent of later changes to the live world', () => {
    const world = newWorld(7);
    createBucket(world, 'docs', 'Enabled');
    put(world, 'docs', 'a.txt', 'v1');
    const snapshot = world.snapshot();
    put(world, 'docs', 'a.txt', 'v2');
    call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt' });
    world.restore(snapshot);
    expect(getText(world, 'docs', 'a.txt')).toBe('v1');
    expect(call(world, 'ListObjectVersions', { Bucket: 'docs' }).Versions).toHaveLength(1);
  });

  // The restored store is one consistent graph: a version deleted by ID is gone from every index.
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeletingObjectVersions.html
  it('restores a store whose version lookups and listings stay in step', () => {
    const world = newWorld(7);
    createBucket(world, 'docs', 'Enabled');
    const first = put(world, 'docs', 'a.txt', 'v1').VersionId;
    put(world, 'docs', 'a.txt', 'v2');
    world.restore(world.snapshot());
    call(world, 'DeleteObject', { Bucket: 'docs', Key: 'a.txt', VersionId: first });
    expect(call(world, 'ListObjectVersions', { Bucket: 'docs' }).Versions.map((v: any) => v.VersionId)).not.toContain(first);
    expect(() => getText(world, 'docs', 'a.txt', first)).toThrow('The specified version does not exist.');
  });
});
