import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Vitest's global setup: tests that spawn bin/awslab.js, or load the TUI bundle, run what is
 * in dist/. When a source file is newer than the build (a focused `npx vitest run` after an
 * edit or a rebase), build first, saying so, instead of testing yesterday's code.
 */
const repo = resolve(import.meta.dirname, '..');
const BUILT = join(repo, 'dist', 'tui-bundle', 'index.js');

function newestMs(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMs(join(path, name))));
}

export function staleBuild(): string | undefined {
  if (!existsSync(BUILT) || !existsSync(join(repo, 'dist', 'main.js'))) return 'dist/ has no build';
  const built = Math.min(statSync(BUILT).mtimeMs, statSync(join(repo, 'dist', 'main.js')).mtimeMs);
  const sources = Math.max(newestMs(join(repo, 'src')), newestMs(join(repo, 'package.json')), newestMs(join(repo, 'tsconfig.json')));
  return sources > built ? 'src/ is newer than dist/' : undefined;
}

export default function setup(): void {
  const reason = staleBuild();
  if (!reason) return;
  process.stderr.write(`${reason}: running npm run build before the tests\n`);
  try {
    execFileSync('npm', ['run', 'build'], { cwd: repo, stdio: ['ignore', 2, 2] });
  } catch {
    throw new Error(`${reason}, and npm run build failed (see above): the tests that run bin/awslab.js would test a stale build`);
  }
  const still = staleBuild();
  if (still) throw new Error(`${still} even after npm run build: check the build's output paths`);
}
