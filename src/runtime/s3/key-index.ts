/**
 * The sorted key index: every key of a bucket in the order S3 lists them, as chunks of at most
 * CHUNK_MAX sorted entries. Seeks are two binary searches (over chunk ends, then inside a chunk)
 * and inserts and removals touch one chunk, so a listing page costs the same whatever the bucket
 * size. Entries are the bucket's per-key records, so walking the index needs no map lookups.
 *
 * S3 lists keys in UTF-8 byte order. JavaScript compares UTF-16 code units, which differs
 * only when a surrogate pair (a character above U+FFFF) meets a character in U+E000..U+FFFF:
 * `compareKeys` corrects for that.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html ("UTF-8 binary order")
 */
export interface Keyed {
  readonly key: string;
}

export interface KeyIndex<T extends Keyed> {
  chunks: T[][];
  size: number;
}

const CHUNK_MAX = 512;

export function createKeyIndex<T extends Keyed>(): KeyIndex<T> {
  return { chunks: [], size: 0 };
}

/** Maps a UTF-16 code unit so that numeric order is UTF-8 (code point) order. */
function weight(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

/** Negative, zero or positive as `a` sorts before, with or after `b` in UTF-8 byte order. */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x < 0xd800 && y < 0xd800 ? x - y : weight(x) - weight(y);
  }
  return a.length - b.length;
}

/** A position in the index: chunk number and offset inside it. */
export interface Cursor {
  chunk: number;
  offset: number;
}

/** The first position whose key is not `isBefore` (a predicate true for a leading run of keys). */
function seekWhere<T extends Keyed>(index: KeyIndex<T>, isBefore: (key: string) => boolean): Cursor {
  const chunks = index.chunks;
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const chunk = chunks[mid]!;
    if (isBefore(chunk[chunk.length - 1]!.key)) lo = mid + 1;
    else hi = mid;
  }
  const chunk = chunks[lo];
  if (!chunk) return { chunk: lo, offset: 0 };
  const chunkNumber = lo;
  lo = 0;
  hi = chunk.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBefore(chunk[mid]!.key)) lo = mid + 1;
    else hi = mid;
  }
  return { chunk: chunkNumber, offset: lo };
}

/** The first entry whose key is >= `key` (or > `key` when `exclusive`). */
export function seek<T extends Keyed>(index: KeyIndex<T>, key: string, exclusive = false): Cursor {
  return exclusive
    ? seekWhere(index, (candidate) => compareKeys(candidate, key) <= 0)
    : seekWhere(index, (candidate) => compareKeys(candidate, key) < 0);
}

/** The first entry that neither sorts before `prefix` nor starts with it: keys sharing a prefix are contiguous. */
export function seekPastPrefix<T extends Keyed>(index: KeyIndex<T>, prefix: string): Cursor {
  return seekWhere(index, (candidate) => candidate.startsWith(prefix) || compareKeys(candidate, prefix) < 0);
}

export function entryAt<T extends Keyed>(index: KeyIndex<T>, cursor: Cursor): T | undefined {
  return index.chunks[cursor.chunk]?.[cursor.offset];
}

/** Moves the cursor to the next entry in place. */
export function advance<T extends Keyed>(index: KeyIndex<T>, cursor: Cursor): void {
  cursor.offset++;
  if (cursor.offset >= (index.chunks[cursor.chunk]?.length ?? 0)) {
    cursor.chunk++;
    cursor.offset = 0;
  }
}

/** Inserts `entry` at `offset` of `chunk` by shifting the tail (cheaper than splice for packed arrays). */
function insertAt<T>(chunk: T[], offset: number, entry: T): void {
  chunk.push(entry);
  for (let i = chunk.length - 1; i > offset; i--) chunk[i] = chunk[i - 1]!;
  chunk[offset] = entry;
}

/** Adds an entry whose key is not in the index yet. */
export function insertEntry<T extends Keyed>(index: KeyIndex<T>, entry: T): void {
  index.size++;
  const chunks = index.chunks;
  if (chunks.length === 0) {
    chunks.push([entry]);
    return;
  }
  // Keys written in ascending order (logs, numbered files) go straight to the end.
  const last = chunks[chunks.length - 1]!;
  const cursor = compareKeys(last[last.length - 1]!.key, entry.key) < 0
    ? { chunk: chunks.length - 1, offset: last.length }
    : seek(index, entry.key);
  const chunk = chunks[cursor.chunk]!;
  insertAt(chunk, cursor.offset, entry);
  if (chunk.length > CHUNK_MAX) chunks.splice(cursor.chunk + 1, 0, chunk.splice(CHUNK_MAX >>> 1));
}

/** Removes the entry with `key`; returns false when there is none. */
export function removeEntry<T extends Keyed>(index: KeyIndex<T>, key: string): boolean {
  const cursor = seek(index, key);
  const chunk = index.chunks[cursor.chunk];
  if (!chunk || chunk[cursor.offset]?.key !== key) return false;
  chunk.splice(cursor.offset, 1);
  if (chunk.length === 0) index.chunks.splice(cursor.chunk, 1);
  index.size--;
  return true;
}
