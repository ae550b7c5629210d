import { nextInt, randomString, type RandomState } from '../lib/random.js';

/**
 * Seeded randomness for the simulated cloud. Every ID and every random choice comes from the
 * world's RandomState (the generic generator is lib/random), so the same seed and the same
 * commands give byte-identical results.
 */
export { createRandomState, type RandomState } from '../lib/random.js';

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
