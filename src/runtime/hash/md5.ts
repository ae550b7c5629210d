/**
 * MD5 (RFC 1321) in plain TypeScript: S3's ETag for a single-part upload is the hex MD5 of
 * the body. Written for many small bodies: the block and padding buffers are reused and the
 * hex result is built in one String.fromCharCode call, so hashing allocates only its result.
 * https://www.rfc-editor.org/rfc/rfc1321
 */
const S = new Int32Array([7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]);
const K = new Int32Array(64);
for (let i = 0; i < 64; i++) K[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 0x1_0000_0000) | 0;
/** Which message word each of the 64 steps reads. */
const G = new Int32Array(64);
for (let i = 0; i < 64; i++) G[i] = i < 16 ? i : i < 32 ? (5 * i + 1) & 15 : i < 48 ? (3 * i + 5) & 15 : (7 * i) & 15;

const block = new Int32Array(16);
const tail = new Uint8Array(128);
const state = new Int32Array(4);
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** Reused output: two hex digits per byte, with room for the quotes of an ETag. */
const chars: number[] = new Array<number>(34).fill(0);

function transform(): void {
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!;
  for (let i = 0; i < 64; i++) {
    let f: number;
    if (i < 16) f = (b & c) | (~b & d);
    else if (i < 32) f = (d & b) | (~d & c);
    else if (i < 48) f = b ^ c ^ d;
    else f = c ^ (b | ~d);
    const x = (a + f + K[i]! + block[G[i]!]!) | 0;
    const s = S[((i >> 4) << 2) | (i & 3)]!;
    a = d;
    d = c;
    c = b;
    b = (b + ((x << s) | (x >>> (32 - s)))) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
}

function load(bytes: Uint8Array, offset: number): void {
  for (let w = 0; w < 16; w++) {
    const p = offset + (w << 2);
    block[w] = bytes[p]! | (bytes[p + 1]! << 8) | (bytes[p + 2]! << 16) | (bytes[p + 3]! << 24);
  }
}

/** Hashes `bytes` into `state`. */
function digest(bytes: Uint8Array): void {
  state[0] = 0x67452301;
  state[1] = 0xefcdab89 | 0;
  state[2] = 0x98badcfe | 0;
  state[3] = 0x10325476;
  const length = bytes.length;
  const whole = length - (length & 63);
  for (let offset = 0; offset < whole; offset += 64) {
    load(bytes, offset);
    transform();
  }
  // The tail: the remaining bytes, 0x80, zero padding, then the length in bits (64-bit little-endian).
  const rest = length - whole;
  const end = rest < 56 ? 64 : 128;
  tail.fill(0, 0, end);
  for (let i = 0; i < rest; i++) tail[i] = bytes[whole + i]!;
  tail[rest] = 0x80;
  const bitsLow = (length * 8) >>> 0;
  const bitsHigh = Math.floor(length / 0x2000_0000) >>> 0;
  for (let i = 0; i < 4; i++) {
    tail[end - 8 + i] = (bitsLow >>> (8 * i)) & 0xff;
    tail[end - 4 + i] = (bitsHigh >>> (8 * i)) & 0xff;
  }
  for (let offset = 0; offset < end; offset += 64) {
    load(tail, offset);
    transform();
  }
}

function byteAt(index: number): number {
  return (state[index >> 2]! >>> ((index & 3) * 8)) & 0xff;
}

/** The 16-byte digest of `bytes`. */
export function md5Digest(bytes: Uint8Array): Uint8Array {
  digest(bytes);
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = byteAt(i);
  return out;
}

function hex(bytes: Uint8Array, quoted: boolean): string {
  digest(bytes);
  const start = quoted ? 1 : 0;
  for (let i = 0; i < 16; i++) {
    const byte = byteAt(i);
    chars[start + 2 * i] = HEX_CODES[byte >> 4]!;
    chars[start + 2 * i + 1] = HEX_CODES[byte & 15]!;
  }
  if (!quoted) return String.fromCharCode.apply(null, chars.slice(0, 32));
  chars[0] = 0x22;
  chars[33] = 0x22;
  return String.fromCharCode.apply(null, chars);
}

/** The lower-case hex MD5 of `bytes`. */
export function md5Hex(bytes: Uint8Array): string {
  return hex(bytes, false);
}

/** The hex MD5 in double quotes: S3's ETag for a single-part object. */
export function md5Etag(bytes: Uint8Array): string {
  return hex(bytes, true);
}
