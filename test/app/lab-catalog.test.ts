import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labRows, loadCatalog } from '../../src/app/lab-catalog.js';
import { builtInLabsDir } from '../../src/lab/catalog.js';
import { maxScore } from '../../src/lab/grade.js';
import { emptyProgress } from '../../src/progress/schema.js';

function labsWithOneBroken(): string {
  const dir = mkdtempSync(join(tmpdir(), 'awslab-catalog-'));
  cpSync(join(builtInLabsDir(), 's3-versioning-recover'), join(dir, 's3-versioning-recover'), { recursive: true });
  mkdirSync(join(dir, 'broken-lab'));
  writeFileSync(join(dir, 'broken-lab', 'lab.yaml'), 'format: 1\nid: broken-lab\n');
  return dir;
}

describe('the lab catalog', () => {
  it('skips a broken lab with a message naming the file and keeps the others', () => {
    const dir = labsWithOneBroken();
    const catalog = loadCatalog(dir);
    expect(catalog.entries.map((e) => e.lab.id)).toEqual(['s3-versioning-recover']);
    expect(catalog.errors).toHaveLength(1);
    expect(catalog.errors[0]).toMatch(new RegExp(`^skipped a broken lab: ${join(dir, 'broken-lab', 'lab.yaml')}:\\d+:\\d+: `));
  });

  it('reads a folder once per process', () => {
    const dir = labsWithOneBroken();
    expect(loadCatalog(dir)).toBe(loadCatalog(dir));
  });

  it('gives each row the lab\'s max score and the learner\'s best', () => {
    const { entries } = loadCatalog();
    const data = emptyProgress('learner', '2026-01-01T00:00:00.000Z');
    const rows = labRows(entries, data);
    expect(rows.map((r) => r.maxScore)).toEqual(entries.map((e) => maxScore(e.lab)));
    expect(rows.every((r) => r.bestScore === 0 && r.status === 'new' && r.attempts === 0)).toBe(true);
  });
});
