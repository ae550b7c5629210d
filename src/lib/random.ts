/**
 * A small seeded generator (sfc32): the same seed gives the same numbers on every machine.
 * The state is four plain numbers so that whoever owns it (a world snapshot, a quiz record)
 * can store it with everything else. Good enough for IDs and shuffles; not for cryptography.
 */
export interface RandomState {
  s: [number, number, number, number];
}

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

/** Built from char codes in one call: a += loop leaves a rope of `length` pieces per string. */
export function randomString(state: RandomState, alphabet: string, length: number): string {
  codes.length = length;
  for (let i = 0; i < length; i++) codes[i] = alphabet.charCodeAt(nextInt(state, alphabet.length));
  return String.fromCharCode.apply(null, codes);
}
