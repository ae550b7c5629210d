/**
 * The account's virtual MFA device, the one a root user registers. It belongs to the account,
 * not to a service: S3's MFA Delete checks it today, and IAM or STS would check the same one.
 * Its serial is the virtual device ARN AWS gives a root account's device, and its six-digit code
 * changes every 30 seconds of virtual time, like a TOTP app. The code is a pure function of the
 * account ID and the time (a fixed secret, no state), so labs and front ends can show the learner
 * the code of the moment and the world stays deterministic.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html
 */
import { md5Digest } from '../hash/md5.js';

export const MFA_PERIOD_MS = 30_000;
const SECRET = 'awslab simulated root MFA device';
const encoder = new TextEncoder();

export function mfaSerialNumber(accountId: string): string {
  return `arn:aws:iam::${accountId}:mfa/root-account-mfa-device`;
}

/** The six-digit code the account's device shows at virtual time `nowMs`. */
export function mfaCode(accountId: string, nowMs: number): string {
  const counter = Math.floor(nowMs / MFA_PERIOD_MS);
  const digest = md5Digest(encoder.encode(`${SECRET}:${accountId}:${counter}`));
  const value = ((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) >>> 0;
  return String(value % 1_000_000).padStart(6, '0');
}

/** The `SERIAL CODE` value that authenticates at `nowMs` (S3's x-amz-mfa header). */
export function mfaHeader(accountId: string, nowMs: number): string {
  return `${mfaSerialNumber(accountId)} ${mfaCode(accountId, nowMs)}`;
}

/** What a `SERIAL CODE` value amounts to; each service answers each case with its own error. */
export type MfaVerdict = 'missing' | 'malformed' | 'wrong' | 'valid';

/**
 * Checks a `SERIAL CODE` value against the account's device. Like TOTP verifiers, the previous
 * code is still accepted, so a code read just before it changes still works.
 */
export function verifyMfa(value: string | undefined, accountId: string, nowMs: number): MfaVerdict {
  if (value === undefined) return 'missing';
  const space = value.indexOf(' ');
  if (space <= 0 || space === value.length - 1) return 'malformed';
  const serial = value.slice(0, space);
  const code = value.slice(space + 1);
  const current = code === mfaCode(accountId, nowMs) || code === mfaCode(accountId, nowMs - MFA_PERIOD_MS);
  return serial === mfaSerialNumber(accountId) && current ? 'valid' : 'wrong';
}
