import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FILE, catalogIndex, indexKey } from '../../src/app/catalog-index.js';
import { labCardId, labCardQuestions } from '../../src/app/lab-cards.js';
import { loadCatalog } from '../../src/app/lab-catalog.js';
import { FIXTURE_LABS, FIXTURE_QUIZZES } from '../tui/helpers.js';

/** The test labs and bank (which has a retired question, s3-versioning-93) in a folder of their own. */
function sources() {
  const dir = mkdtempSync(join(tmpdir(), 'awslab-index-'));
  cpSync(FIXTURE_LABS, join(dir, 'labs'), { recursive: true });
  cpSync(FIXTURE_QUIZZES, join(dir, 'quizzes'), { recursive: true });
  return { dataDir: join(dir, 'data'), sources: { labsDir: join(dir, 'labs'), quizzesDir: join(dir, 'quizzes') } };
}

describe('the catalog index (what the home screen reads instead of parsing labs and banks)', () => {
  it('lists the labs and the cards that can be asked, retired questions left out, and saves itself', async () => {
    const { dataDir, sources: from } = sources();
    const index = await catalogIndex(from, dataDir);
    const entries = loadCatalog(from.labsDir).entries;
    expect(index.labs).toEqual(entries.map((e) => ({ id: e.lab.id, title: e.lab.title })));
    const taskCards = entries.flatMap((e) => e.lab.tasks.map((t) => labCardId(e.lab.id, t.id)));
    expect(index.askable).toEqual(['s3-versioning-91', 's3-versioning-92', ...labCardQuestions(taskCards, entries).map((q) => q.id)]);
    const saved = JSON.parse(readFileSync(join(dataDir, CACHE_FILE), 'utf8')) as { key: string };
    expect(saved).toEqual({ key: indexKey(from), ...index });
  });

  it('reads the saved copy while the files are the same', async () => {
    const { dataDir, sources: from } = sources();
    await catalogIndex(from, dataDir);
    const file = join(dataDir, CACHE_FILE);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { labs: unknown[] };
    writeFileSync(file, JSON.stringify({ ...saved, labs: [{ id: 'from-the-cache', title: 'From the cache' }] }));
    expect((await catalogIndex(from, dataDir)).labs).toEqual([{ id: 'from-the-cache', title: 'From the cache' }]);
  });

  it('works the index out again when a bank changes, and when the saved copy is damaged', async () => {
    const { dataDir, sources: from } = sources();
    expect((await catalogIndex(from, dataDir)).askable).toContain('s3-versioning-92');
    const bank = join(from.quizzesDir, 's3-versioning.yaml');
    writeFileSync(bank, readFileSync(bank, 'utf8').replace('    note: s3-versioning#versioning-states\n    source: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html\n  - id: s3-versioning-93', '    note: s3-versioning#versioning-states\n    source: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html\n    retired: true\n  - id: s3-versioning-93'));
    const changed = await catalogIndex(from, dataDir);
    expect(changed.askable).toContain('s3-versioning-91');
    expect(changed.askable).not.toContain('s3-versioning-92');
    writeFileSync(join(dataDir, CACHE_FILE), '{"key": "');
    expect(await catalogIndex(from, dataDir)).toEqual(changed);
  });
});
