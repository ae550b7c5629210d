/**
 * MFA Delete's check of the x-amz-mfa header against the account's MFA device: missing is
 * AccessDenied, not "serial space code" is InvalidArgument, a wrong serial or code is AccessDenied.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html
 */
import { verifyMfa } from '../account/mfa.js';
import { mfaAuthenticationFailed, mfaHeaderInvalid, mfaRequired } from './errors.js';

export function checkMfa(header: string | undefined, accountId: string, nowMs: number): void {
  switch (verifyMfa(header, accountId, nowMs)) {
    case 'missing': throw mfaRequired();
    case 'malformed': throw mfaHeaderInvalid(header!);
    case 'wrong': throw mfaAuthenticationFailed();
    case 'valid': return;
  }
}
