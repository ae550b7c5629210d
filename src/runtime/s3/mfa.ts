/**
 * The account's simulated MFA device, the one a root user registers to use MFA Delete. Its
 * serial is the virtual device ARN AWS gives a root account's device, and its six-digit code
 * changes every 30 seconds of virtual time, like a TOTP app. The code is a pure function of the
 * account ID and the time (a fixed secret, no state), so labs and front ends can show the learner
 * the code of the moment and the world stays deterministic.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html
 */
import { md5Digest } from '../hash/md5.js';
import { mfaAuthenticationFailed, mfaHeaderInvalid, mfaRequired } from './errors.js';

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

/** The `x-amz-mfa` value that authenticates at `nowMs`: serial, a space, the code. */
export function mfaHeader(accountId: string, nowMs: number): string {
  return `${mfaSerialNumber(accountId)} ${mfaCode(accountId, nowMs)}`;
}

/**
 * Checks an x-amz-mfa value: missing is AccessDenied, not "serial space code" is InvalidArgument,
 * a wrong serial or code is AccessDenied. Like TOTP verifiers, the previous code is still accepted.
 */
export function checkMfa(header: string | undefined, accountId: string, nowMs: number): void {
  if (header === undefined) throw mfaRequired();
  const space = header.indexOf(' ');
  if (space <= 0 || space === header.length - 1) throw mfaHeaderInvalid(header);
  const serial = header.slice(0, space);
  const code = header.slice(space + 1);
  const valid = code === mfaCode(accountId, nowMs) || code === mfaCode(accountId, nowMs - MFA_PERIOD_MS);
  if (serial !== mfaSerialNumber(accountId) || !valid) throw mfaAuthenticationFailed();
}
