import { readFileSync } from 'node:fs';
import { parseCsv, CsvError } from '../lib/csv.js';

/** One learner the instructor expects a submission from. */
export interface RosterEntry {
  name?: string;
  id?: string;
}

export class RosterError extends Error {}

// Header spellings LMS exports use (Canvas, Moodle, Blackboard, Gradescope), compared without
// case, spaces or punctuation.
const NAME_HEADERS = ['name', 'learner', 'student', 'fullname', 'studentname', 'learnername'];
const ID_HEADERS = ['id', 'learnerid', 'studentid', 'sisuserid', 'sisid', 'username', 'login', 'email'];

const squash = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Reads a roster CSV with a header row holding a name column, an id column, or both. */
export function readRoster(path: string): RosterEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RosterError(`--roster ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new RosterError(`--roster ${path}: ${error.message}`);
    throw error;
  }
  const header = rows[0];
  if (!header) throw new RosterError(`--roster ${path} is empty: it needs a header row with a name or id column, then a row per learner`);
  const squashed = header.map(squash);
  const nameAt = squashed.findIndex((h) => NAME_HEADERS.includes(h));
  const idAt = squashed.findIndex((h) => ID_HEADERS.includes(h));
  if (nameAt === -1 && idAt === -1) {
    throw new RosterError(`--roster ${path}: no name or id column in the header (${header.map((h) => JSON.stringify(h)).join(', ')}); name one "name" or "id"`);
  }
  const entries: RosterEntry[] = [];
  for (const row of rows.slice(1)) {
    const name = nameAt === -1 ? undefined : row[nameAt]?.trim() || undefined;
    const id = idAt === -1 ? undefined : row[idAt]?.trim() || undefined;
    if (name !== undefined || id !== undefined) entries.push({ ...(name !== undefined ? { name } : {}), ...(id !== undefined ? { id } : {}) });
  }
  return entries;
}

/** Names compare as people write them: case, Unicode composition and runs of spaces aside. */
export const normaliseName = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
