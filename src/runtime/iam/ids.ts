/**
 * IAM's unique IDs: a four-letter prefix naming the kind (AIDA a user, AGPA a group, AROA a
 * role, ANPA a managed policy, AKIA an access key, ASIA a temporary one) and 17 characters.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
 */
import { randomString } from '../../lib/random.js';
import type { RandomState } from '../random.js';

const ID_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export type IdPrefix = 'AIDA' | 'AGPA' | 'AROA' | 'ANPA';

/** A user's, group's, role's or policy's ID: 21 characters. */
export const uniqueId = (random: RandomState, prefix: IdPrefix) => `${prefix}${randomString(random, ID_CHARACTERS, 17)}`;

/** An access key ID: 20 characters, AKIA for a user's long-term key, ASIA for a session's. */
export const accessKeyId = (random: RandomState, prefix: 'AKIA' | 'ASIA') => `${prefix}${randomString(random, ID_CHARACTERS, 16)}`;

/** A secret access key: 40 base64 characters. */
export const secretAccessKey = (random: RandomState) => randomString(random, SECRET_CHARACTERS, 40);
