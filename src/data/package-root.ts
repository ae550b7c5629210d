import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The folder of awslab's package.json, found by walking up from this module: the same code
 * runs from src/ (tests), dist/ (the package) and compiled benchmarks, at different depths.
 * Labs, notes and quiz banks ship beside package.json.
 */
export function packageRoot(): string {
  if (root) return root;
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && existsSync(join(dir, 'labs')) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'awslab') {
      root = dir;
      return dir;
    }
  }
  throw new Error(`awslab internal error: no awslab package.json with labs/ above ${fileURLToPath(import.meta.url)}`);
}
