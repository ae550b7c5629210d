import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../data/package-root.js';

// Apart from the lab parser (which brings the simulated cloud's modules), so that the app
// can find and fingerprint the labs at start-up without loading them.

export const LAB_FILE = 'lab.yaml';

/** The labs that ship with awslab: labs/<id>/lab.yaml beside the package. */
export function builtInLabsDir(): string {
  return join(packageRoot(), 'labs');
}

/** Every lab folder under a directory (folders holding a lab.yaml), sorted by id. */
export function labFolders(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .map((name) => join(root, name))
    .filter((dir) => statSync(dir).isDirectory() && existsSync(join(dir, LAB_FILE)))
    .sort();
}
