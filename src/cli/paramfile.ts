import type { CliFileSystem } from './types.js';
import { decodeUtf8, pyStringRepr } from './python/builtins.js';
import { normalisePath } from '../lib/path.js';

/**
 * `file://` and `fileb://` parameter values (awscli/paramfile.py), read from the
 * learner's files instead of the disk. file:// gives text, fileb:// bytes.
 */
export class ResourceLoadingError extends Error {}

export function readLearnerFile(files: CliFileSystem, path: string): Uint8Array | undefined {
  return files.readFile(normalisePath(path));
}

/** The file's contents for a file:// or fileb:// value, or undefined when the value is not one. */
export function getParamFile(value: unknown, files: CliFileSystem): string | Uint8Array | undefined {
  if (typeof value !== 'string') return undefined;
  for (const prefix of ['file://', 'fileb://']) {
    if (!value.startsWith(prefix)) continue;
    const path = value.slice(prefix.length);
    const data = readLearnerFile(files, path);
    if (data === undefined) {
      const reason = files.list().some((f) => f.startsWith(`${normalisePath(path).replace(/\/$/, '')}/`)) ? '[Errno 21] Is a directory' : '[Errno 2] No such file or directory';
      throw new ResourceLoadingError(`Unable to load paramfile ${value}: ${reason}: ${pyStringRepr(path)}`);
    }
    if (prefix === 'fileb://') return data;
    const text = decodeUtf8(data);
    if (text === undefined) {
      throw new ResourceLoadingError(
        `Unable to load paramfile (${path}), text contents could not be decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.`,
      );
    }
    // Python's text mode turns \r\n into \n.
    return text.replace(/\r\n?/g, '\n');
  }
  return undefined;
}
