import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { builtInNotesDir } from '../data/note-headings.js';
import { labFolders, LAB_FILE } from '../lab/folders.js';
import { bankFiles } from '../quiz/bank-folder.js';
import { VERSION } from './version.js';

/**
 * What the home screen's status line needs from the labs and the question banks: the labs'
 * ids and titles, and which review cards can still be asked. Parsing the labs brings the
 * simulated cloud's modules and parsing every bank takes longer than the whole screen may,
 * so the answer is kept in a small file beside the progress file, keyed by a hash of every
 * file it was worked out from. A changed lab, bank or note (or another awslab version)
 * gets it worked out again.
 */
export interface CatalogIndex {
  /** The labs that load (a broken lab is left out, as the catalog leaves it out). */
  labs: { id: string; title: string }[];
  /**
   * Review card ids that have a question today: questions in the banks that load, not
   * retired, and lab tasks whose generated question exists. A card for anything else (a
   * retired question, a task gone from its lab) is never asked, so it is never due.
   */
  askable: string[];
}

export interface IndexSources {
  labsDir: string;
  quizzesDir: string;
  /** The notes that bank `note:` links resolve in: a bank with a broken link does not load. */
  notesDir?: string;
}

// Raise when what decides the index changes in code rather than in the files it hashes.
const FORMAT = 1;

interface CacheFile extends CatalogIndex {
  key: string;
}

function filesIn(dir: string, pattern: RegExp): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((n) => pattern.test(n)).sort().map((n) => join(dir, n)) : [];
}

/** A hash of every file the index is worked out from, names and contents. */
export function indexKey(sources: IndexSources): string {
  const hash = createHash('sha256').update(`${FORMAT}\0${VERSION}\0`);
  const files = [
    ...labFolders(sources.labsDir).map((dir) => join(dir, LAB_FILE)),
    ...bankFiles(sources.quizzesDir),
    ...filesIn(sources.notesDir ?? builtInNotesDir(), /\.md$/),
  ];
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** Parses every lab and bank: what the cache saves. */
async function buildIndex(sources: IndexSources): Promise<CatalogIndex> {
  const [{ loadCatalog }, { labCardId, questionForLabTask }, { loadBanks }] = await Promise.all([import('./lab-catalog.js'), import('./lab-cards.js'), import('../quiz/banks.js')]);
  const { entries } = loadCatalog(sources.labsDir);
  const { banks } = loadBanks(bankFiles(sources.quizzesDir), sources.notesDir ? { notesDir: sources.notesDir } : {});
  const askable = banks.flatMap((b) => b.questions.map((q) => q.id));
  for (const entry of entries) for (const task of entry.lab.tasks) if (questionForLabTask(entry, task.id, entries)) askable.push(labCardId(entry.lab.id, task.id));
  return { labs: entries.map((e) => ({ id: e.lab.id, title: e.lab.title })), askable };
}

function readCache(file: string, key: string): CatalogIndex | undefined {
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
    // Anything but a whole index made from these very files is worked out again.
    if (cached.key !== key || !Array.isArray(cached.labs) || !Array.isArray(cached.askable)) return undefined;
    return { labs: cached.labs, askable: cached.askable };
  } catch {
    return undefined;
  }
}

function writeCache(file: string, index: CacheFile): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(index)}\n`);
    renameSync(temporary, file);
  } catch {
    // A read-only data folder costs only the time to work the index out on the next start.
  }
}

/** The file the index is kept in, in the learner's data folder (beside progress.json). */
export const CACHE_FILE = 'catalog-index.json';

/** The index, from the data folder's copy when it was made from the same files, else worked out and saved there. */
export async function catalogIndex(sources: IndexSources, dataDir: string): Promise<CatalogIndex> {
  const cacheFile = join(dataDir, CACHE_FILE);
  const key = indexKey(sources);
  const cached = readCache(cacheFile, key);
  if (cached) return cached;
  const index = await buildIndex(sources);
  writeCache(cacheFile, { key, ...index });
  return index;
}
