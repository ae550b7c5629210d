import type { CliFileSystem } from '../cli/types.js';

/** The learner's working folder, held in memory: labs start it from data, and nothing touches the real disk. */
export class VirtualFiles implements CliFileSystem {
  private readonly entries = new Map<string, Uint8Array>();

  constructor(initial: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(initial)) {
      this.writeFile(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    }
  }

  readFile(path: string): Uint8Array | undefined {
    return this.entries.get(normalisePath(path));
  }

  writeFile(path: string, data: Uint8Array): void {
    this.entries.set(normalisePath(path), data);
  }

  remove(path: string): boolean {
    return this.entries.delete(normalisePath(path));
  }

  list(): string[] {
    return [...this.entries.keys()].sort();
  }

  toJSON(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const path of this.list()) out[path] = Buffer.from(this.entries.get(path)!).toString('base64');
    return out;
  }
}

/** `./a/b.txt`, `a//b.txt` and `a/b.txt` name the same file. */
export function normalisePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
