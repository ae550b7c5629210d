import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseLab, type Lab } from './lab-file.js';
import { gradedParts, gradedSha256, type GradedPart } from './fingerprint.js';
import { LAB_FILE } from './folders.js';

export { builtInLabsDir, labFolders, LAB_FILE } from './folders.js';

/** A lab as found on disk: the parsed file, its reference solution, and the file's hash. */
export interface LabEntry {
  lab: Lab;
  dir: string;
  solution: string;
  /**
   * SHA-256 of what grading depends on (fingerprint.ts): a submission is graded only against
   * the lab it was made for, but a reworded briefing or hint does not change it.
   */
  sha256: string;
  /** The same, part by part, so a changed lab can say what changed. */
  parts: Record<GradedPart, string>;
}

/** Reads one lab folder (or a lab.yaml path). Throws DataFileErrors for a broken file. */
export function loadLab(path: string): LabEntry {
  const dir = path.endsWith('.yaml') || path.endsWith('.yml') ? resolve(path, '..') : resolve(path);
  const file = path.endsWith('.yaml') || path.endsWith('.yml') ? resolve(path) : join(dir, LAB_FILE);
  const text = readFileSync(file, 'utf8');
  const lab = parseLab(text, file, { folder: basename(dir) });
  const solutionPath = join(dir, lab.solution);
  const solution = existsSync(solutionPath) ? readFileSync(solutionPath, 'utf8') : '';
  const parts = gradedParts(lab);
  return { lab, dir, solution, sha256: gradedSha256(parts), parts };
}
