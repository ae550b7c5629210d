import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../data/package-root.js';

// Apart from the bank parser (zod and YAML), so that the app can find and fingerprint the
// banks at start-up without parsing them.

/** The quiz banks that ship with awslab: quizzes/<topic>.yaml beside the package. */
export function builtInQuizzesDir(): string {
  return join(packageRoot(), 'quizzes');
}

/** The bank files in a folder (every .yaml or .yml file), sorted. */
export function bankFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}
