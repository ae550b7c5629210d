/**
 * Seeded randomness. Every ID and every random choice in the simulated cloud comes from
 * here, so the same seed and the same commands give byte-identical results. The state is
 * four plain numbers so that a world snapshot captures it with everything else.
 */
export interface RandomState {
  s: [number, number, number, number];
}

/** sfc32: small, fast, and good enough for IDs; not for cryptography. */
export function createRandomState(seed: number): RandomState {
  const state: RandomState = { s: [0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0] };
  for (let i = 0; i < 15; i++) nextUint32(state);
  return state;
}

export function nextUint32(state: RandomState): number {
  const s = state.s;
  const t = (((s[0] + s[1]) >>> 0) + s[3]) >>> 0;
  s[3] = (s[3] + 1) >>> 0;
  s[0] = s[1] ^ (s[1] >>> 9);
  s[1] = (s[2] + (s[2] << 3)) >>> 0;
  s[2] = ((s[2] << 21) | (s[2] >>> 11)) >>> 0;
  s[2] = (s[2] + t) >>> 0;
  return t;
}

/** A whole number in [0, bound). */
export function nextInt(state: RandomState, bound: number): number {
  return Math.floor((nextUint32(state) / 0x1_0000_0000) * bound);
}

const codes: number[] = [];

/** Built from char codes in one call: a += loop leaves a rope of `length` pieces per ID. */
export function randomString(state: RandomState, alphabet: string, length: number): string {
  codes.length = length;
  for (let i = 0; i < length; i++) codes[i] = alphabet.charCodeAt(nextInt(state, alphabet.length));
  return String.fromCharCode.apply(null, codes);
}

const HEX = '0123456789abcdef';

/** The shapes of the IDs AWS hands out, drawn from the world's seeded state (S3's version IDs: s3/version-id.ts). */
export const ids = {
  /** EC2-style resource IDs: a prefix and 17 hex digits (`i-0abc…`, `sg-…`, `vpc-…`). */
  resource: (state: RandomState, prefix: string) => `${prefix}-0${randomString(state, HEX, 16)}`,
  /** S3's x-amz-request-id: 16 upper-case hex digits. */
  requestId: (state: RandomState) => randomString(state, HEX, 16).toUpperCase(),
  /** The request IDs of the JSON/query protocols: a UUID. */
  uuid: (state: RandomState) => {
    const h = randomString(state, HEX, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[nextInt(state, 4)]}${h.slice(17, 20)}-${h.slice(20)}`;
  },
};
