/**
 * How object bodies are kept. A small Uint8Array costs about 240 bytes of heap whatever its
 * length, so bodies up to SMALL_BODY_BYTES are kept as one-byte-per-character strings (about
 * 16 bytes plus the body), which lets a bucket hold a million small versions in a few hundred MB.
 * Larger bodies stay Uint8Arrays. Either way a stored body is never changed in place, so copies
 * of an object can share it.
 */
export type StoredBody = string | Uint8Array;

const SMALL_BODY_BYTES = 4096;

export function packBody(bytes: Uint8Array): StoredBody {
  if (bytes.length > SMALL_BODY_BYTES) return bytes.slice();
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

/** A fresh copy of bytes [start, end) of a stored body: callers may change what they get. */
export function unpackBody(body: StoredBody, start = 0, end = body.length): Uint8Array {
  if (typeof body !== 'string') return body.slice(start, end);
  const out = new Uint8Array(end - start);
  for (let i = start; i < end; i++) out[i - start] = body.charCodeAt(i);
  return out;
}
