import { describe, expect, it } from 'vitest';
import { MFA_PERIOD_MS, mfaCode, mfaHeader, mfaSerialNumber, verifyMfa } from '../../../src/runtime/account/mfa.js';

describe('the simulated MFA device', () => {
  // A root user's virtual MFA device is identified by its ARN, used as the serial number in x-amz-mfa.
  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html
  it('has the serial of a root account virtual MFA device', () => {
    expect(mfaSerialNumber('123456789012')).toBe('arn:aws:iam::123456789012:mfa/root-account-mfa-device');
  });

  // TOTP codes are six digits and change every 30 seconds: https://www.rfc-editor.org/rfc/rfc6238
  it('shows a six-digit code that holds for 30 seconds of virtual time and then changes', () => {
    const start = Date.UTC(2025, 0, 6, 9, 0, 0);
    const code = mfaCode('123456789012', start);
    expect(code).toMatch(/^\d{6}$/);
    expect(mfaCode('123456789012', start + MFA_PERIOD_MS - 1)).toBe(code);
    const later = [1, 2, 3, 4].map((n) => mfaCode('123456789012', start + n * MFA_PERIOD_MS));
    expect(later.some((c) => c !== code)).toBe(true);
  });

  it('gives each account its own codes, the same every time', () => {
    const now = Date.UTC(2025, 0, 6, 9, 0, 0);
    expect(mfaCode('123456789012', now)).toBe(mfaCode('123456789012', now));
    expect(mfaHeader('123456789012', now)).toBe(`arn:aws:iam::123456789012:mfa/root-account-mfa-device ${mfaCode('123456789012', now)}`);
    const others = ['210987654321', '111111111111', '222222222222'].map((account) => mfaCode(account, now));
    expect(others.some((c) => c !== mfaCode('123456789012', now))).toBe(true);
  });

  // The previous code is accepted too, as TOTP verifiers allow for a code read just before it changed.
  it('judges a SERIAL CODE value: missing, malformed, wrong serial or code, or valid now and one period on', () => {
    const now = Date.UTC(2025, 0, 6, 9, 0, 0);
    const valid = mfaHeader('123456789012', now);
    expect(verifyMfa(undefined, '123456789012', now)).toBe('missing');
    expect(verifyMfa(valid.replace(' ', ''), '123456789012', now)).toBe('malformed');
    expect(verifyMfa(`${mfaSerialNumber('123456789012')} `, '123456789012', now)).toBe('malformed');
    expect(verifyMfa(valid, '210987654321', now)).toBe('wrong');
    expect(verifyMfa(`${mfaSerialNumber('123456789012')} ${mfaCode('123456789012', now) === '000000' ? '000001' : '000000'}`, '123456789012', now)).toBe('wrong');
    expect(verifyMfa(valid, '123456789012', now)).toBe('valid');
    expect(verifyMfa(valid, '123456789012', now + MFA_PERIOD_MS)).toBe('valid');
    expect(verifyMfa(valid, '123456789012', now + 2 * MFA_PERIOD_MS)).toBe(mfaCode('123456789012', now + 2 * MFA_PERIOD_MS) === mfaCode('123456789012', now) ? 'valid' : 'wrong');
  });
});
