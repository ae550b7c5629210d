/**
 * S3 version IDs: opaque 32-character strings of letters, digits, '.' and '_'. S3 recognises
 * a string it never issued (a typo, a forged or truncated ID) and answers 400 InvalidArgument
 * "Invalid version id specified", while an ID it issued whose version is gone is NoSuchVersion.
 * To tell the two apart the simulated IDs carry a check: 28 characters drawn from the world's
 * seed, then 4 derived from them, so changing any character breaks it (but for one chance in
 * 16.7 million). https://docs.aws.amazon.com/AmazonS3/latest/userguide/versioning-workflows.html
 */
import { nextInt, type RandomState } from '../../lib/random.js';

export const NULL_VERSION_ID = 'null';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._';
const LENGTH = 32;
const CHECKED = 28;
const CODES = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) CODES[ALPHABET.charCodeAt(i)] = i;

/** 24 bits of FNV-1a over the first 28 characters: cheap, and every character moves it. */
function checkBits(id: string | number[]): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < CHECKED; i++) {
    hash ^= typeof id === 'string' ? id.charCodeAt(i) : id[i]!;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash ^ (hash >>> 24)) & 0xffffff;
}

const codes: number[] = new Array<number>(LENGTH).fill(0);

/** A new version ID from the seeded generator; built in one call, so V8 stores it flat. */
export function newVersionId(random: RandomState): string {
  for (let i = 0; i < CHECKED; i++) codes[i] = ALPHABET.charCodeAt(nextInt(random, ALPHABET.length));
  const bits = checkBits(codes);
  for (let i = 0; i < LENGTH - CHECKED; i++) codes[CHECKED + i] = ALPHABET.charCodeAt((bits >>> (6 * i)) & 63);
  return String.fromCharCode.apply(null, codes);
}

/** True for `null` and for an ID this simulated S3 could have issued (its check holds). */
export function isValidVersionId(versionId: string): boolean {
  if (versionId === NULL_VERSION_ID) return true;
  if (versionId.length !== LENGTH) return false;
  for (let i = 0; i < LENGTH; i++) {
    const code = versionId.charCodeAt(i);
    if (code >= 128 || CODES[code]! < 0) return false;
  }
  const bits = checkBits(versionId);
  for (let i = 0; i < LENGTH - CHECKED; i++) {
    if (CODES[versionId.charCodeAt(CHECKED + i)] !== ((bits >>> (6 * i)) & 63)) return false;
  }
  return true;
}
