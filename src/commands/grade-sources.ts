import { existsSync, readFileSync, statSync } from 'node:fs';
import { expandGlob, filesUnder, hasWildcards } from '../lib/glob.js';
import { MAX_SUBMISSION_BYTES } from '../lab/submission.js';

/** One file to grade: its text, or why it could not be read (with the gradebook's short status). */
export interface GradeJob {
  source: string;
  text?: string;
  error?: string;
  status?: string;
}

/**
 * The submission files that `grade`'s arguments name: files as given, every `.json` file in a
 * folder (subfolders too), and shell patterns expanded here because Windows shells pass
 * `*.json` on unexpanded. A pattern or folder that names nothing is a mistake worth stopping
 * for, so it comes back in `unmatched`. A file named twice is graded once.
 */
export function gradeSources(args: readonly string[]): { files: string[]; unmatched: string[] } {
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const arg of args) {
    let found: string[];
    if (existsSync(arg) && statSync(arg).isDirectory()) found = filesUnder(arg, '.json');
    else if (!existsSync(arg) && hasWildcards(arg)) found = expandGlob(arg);
    else found = [arg];
    if (found.length === 0) unmatched.push(arg);
    for (const file of found) if (!files.includes(file)) files.push(file);
  }
  return { files, unmatched };
}

export function readSubmission(source: string): GradeJob {
  try {
    const size = statSync(source).size;
    if (size > MAX_SUBMISSION_BYTES) return { source, status: 'too large', error: `${source} is ${size} bytes; a submission may be at most ${MAX_SUBMISSION_BYTES} bytes` };
    return { source, text: readFileSync(source, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { source, status: 'no such file', error: `${source}: no such file` };
    return { source, status: 'unreadable', error: `${source}: ${code === 'EISDIR' ? 'is a folder' : (error as Error).message}` };
  }
}
