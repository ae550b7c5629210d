import type { CliFileSystem } from '../cli/types.js';
import { normalisePath } from '../lib/path.js';

interface Entry {
  data: Uint8Array;
  modifiedMs: number;
}

/**
 * The learner's working folder, held in memory: labs start it from data, and nothing touches
 * the real disk. Files carry a modification time from the simulated clock, because
 * `aws s3 sync` compares times.
 */
export class VirtualFiles implements CliFileSystem {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(initial: Record<string, string | Uint8Array> = {}, now: () => number = () => 0) {
    this.now = now;
    for (const [path, content] of Object.entries(initial)) {
      this.writeFile(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    }
  }

  readFile(path: string): Uint8Array | undefined {
    return this.entries.get(normalisePath(path))?.data;
  }

  writeFile(path: string, data: Uint8Array): void {
    this.entries.set(normalisePath(path), { data, modifiedMs: this.now() });
  }

  remove(path: string): boolean {
    return this.entries.delete(normalisePath(path));
  }

  modifiedMs(path: string): number | undefined {
    return this.entries.get(normalisePath(path))?.modifiedMs;
  }

  /** `aws s3 cp` gives a downloaded file the object's LastModified, as the real CLI does. */
  setModifiedMs(path: string, ms: number): void {
    const entry = this.entries.get(normalisePath(path));
    if (entry) entry.modifiedMs = ms;
  }

  list(): string[] {
    return [...this.entries.keys()].sort();
  }
}
