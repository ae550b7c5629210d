import { describe, expect, it } from 'vitest';
import {
  advance,
  compareKeys,
  createKeyIndex,
  entryAt,
  insertEntry,
  removeEntry,
  seek,
  seekPastPrefix,
  type Cursor,
  type KeyIndex,
} from '../../../src/runtime/s3/key-index.js';

type Entry = { key: string };
const keyAt = (index: KeyIndex<Entry>, cursor: Cursor) => entryAt(index, cursor)?.key;
const insertKey = (index: KeyIndex<Entry>, key: string) => insertEntry(index, { key });
const removeKey = removeEntry<Entry>;
import { createRandomState, nextInt } from '../../../src/lib/random.js';

function allKeys(index: KeyIndex<Entry>, from = { chunk: 0, offset: 0 }): string[] {
  const out: string[] = [];
  const cursor = { ...from };
  for (let key = keyAt(index, cursor); key !== undefined; key = keyAt(index, cursor)) {
    out.push(key);
    advance(index, cursor);
  }
  return out;
}

/** Sorts by UTF-8 bytes, the order S3 lists keys in. */
function utf8Sorted(keys: string[]): string[] {
  const encoder = new TextEncoder();
  return [...keys].sort((a, b) => Buffer.compare(encoder.encode(a), encoder.encode(b)));
}

describe('key index', () => {
  // "List results are always returned in UTF-8 binary order."
  // https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
  it('orders keys by UTF-8 bytes, putting characters above U+FFFF after U+E000..U+FFFF', () => {
    const keys = ['b', 'a', '\uFF21', '\u{1F600}', 'a/b', 'a-b', '\u00e9', 'Z'];
    expect([...keys].sort(compareKeys)).toEqual(utf8Sorted(keys));
    expect(compareKeys('\uFF21', '\u{1F600}')).toBeLessThan(0);
  });

  it('keeps many random inserts and removals in order across chunk splits', () => {
    const random = createRandomState(7);
    const index = createKeyIndex<Entry>();
    const present = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const key = `k${nextInt(random, 3000)}`;
      if (present.has(key)) {
        expect(removeKey(index, key)).toBe(true);
        present.delete(key);
      } else {
        insertKey(index, key);
        present.add(key);
      }
    }
    expect(allKeys(index)).toEqual(utf8Sorted([...present]));
    expect(index.size).toBe(present.size);
    expect(index.chunks.every((chunk) => chunk.length > 0 && chunk.length <= 512)).toBe(true);
  });

  it('seeks to the first key at or after a key, or strictly after it', () => {
    const index = createKeyIndex<Entry>();
    for (const key of ['a', 'c', 'e']) insertKey(index, key);
    expect(keyAt(index, seek(index, 'c'))).toBe('c');
    expect(keyAt(index, seek(index, 'c', true))).toBe('e');
    expect(keyAt(index, seek(index, 'b'))).toBe('c');
    expect(keyAt(index, seek(index, 'f'))).toBeUndefined();
  });

  it('seeks past every key that starts with a prefix', () => {
    const index = createKeyIndex<Entry>();
    for (const key of ['photos/2024/a', 'photos/2024/b', 'photos/2025/a', 'photos0', 'videos/a']) insertKey(index, key);
    expect(keyAt(index, seekPastPrefix(index, 'photos/2024/'))).toBe('photos/2025/a');
    expect(keyAt(index, seekPastPrefix(index, 'photos/'))).toBe('photos0');
  });
});
