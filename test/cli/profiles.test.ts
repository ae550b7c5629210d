import { describe, expect, it } from 'vitest';
import { profileCredentials } from '../../src/cli/profiles.js';
import { CliFailure } from '../../src/cli/errors.js';
import { memoryFiles } from './support.js';

const CREDENTIALS = '[auditor]\naws_access_key_id = AKIAEXAMPLE123456789\naws_secret_access_key = secret1\n[half]\naws_access_key_id = AKIAHALF\n';
const CONFIG = [
  '[profile auditor]', 'region = us-east-1',
  '[profile writer]', 'role_arn = arn:aws:iam::123456789012:role/Writer', 'source_profile = auditor', 'role_session_name = nightly',
  '[profile env]', 'role_arn = arn:aws:iam::123456789012:role/Writer', 'credential_source = Environment',
  '[profile both]', 'role_arn = arn:aws:iam::123456789012:role/Writer', 'credential_source = Environment', 'source_profile = auditor',
  '[profile ec2]', 'role_arn = arn:aws:iam::123456789012:role/Writer', 'credential_source = Ec2InstanceMetadata',
  '[profile orphan]', 'role_arn = arn:aws:iam::123456789012:role/Writer', 'source_profile = nosuch',
  '[profile lonely]', 'role_arn = arn:aws:iam::123456789012:role/Writer',
  '[profile a]', 'role_arn = arn:aws:iam::123456789012:role/A', 'source_profile = b',
  '[profile b]', 'role_arn = arn:aws:iam::123456789012:role/B', 'source_profile = a',
  '[profile regiononly]', 'region = eu-west-1',
].join('\n');

const files = memoryFiles({ '.aws/credentials': CREDENTIALS, '.aws/config': CONFIG });
const resolve = (profile: string | undefined, signRequest = true) => profileCredentials({ profile, signRequest }, files);

function failure(profile: string): string {
  try {
    resolve(profile);
  } catch (error) {
    if (error instanceof CliFailure) return error.stderr;
    throw error;
  }
  throw new Error('expected a failure');
}

// botocore's credential chain (botocore/credentials.py): an explicit profile skips the
// environment, so the console's own credentials apply only without --profile.
// https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html
describe('whose credentials a command uses', () => {
  it('without --profile, the console\'s own; with --no-sign-request, nobody\'s', () => {
    expect(resolve(undefined)).toEqual({ kind: 'console' });
    expect(resolve('auditor', false)).toEqual({ kind: 'anonymous' });
  });

  it("a profile's access keys from .aws/credentials", () => {
    expect(resolve('auditor')).toEqual({ kind: 'keys', profile: 'auditor', accessKeyId: 'AKIAEXAMPLE123456789', secretAccessKey: 'secret1' });
  });

  // https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-role.html
  it('a role profile assumes role_arn with its source_profile\'s keys, or the console\'s with credential_source = Environment', () => {
    expect(resolve('writer')).toEqual({
      kind: 'role', profile: 'writer', roleArn: 'arn:aws:iam::123456789012:role/Writer', sessionName: 'nightly',
      source: { kind: 'keys', profile: 'auditor', accessKeyId: 'AKIAEXAMPLE123456789', secretAccessKey: 'secret1' },
    });
    expect(resolve('env')).toEqual({ kind: 'role', profile: 'env', roleArn: 'arn:aws:iam::123456789012:role/Writer', source: { kind: 'console' } });
  });

  it.each([
    ['nosuch', 'The config profile (nosuch) could not be found'],
    ['regiononly', 'Unable to locate credentials. You can configure credentials by running "aws configure".'],
    ['half', 'Partial credentials found in shared-credentials-file, missing: aws_secret_access_key'],
    ['orphan', 'The source_profile "nosuch" referenced in the profile "orphan" does not exist.'],
    ['lonely', 'Partial credentials found in assume-role, missing: source_profile or credential_source'],
    ['both', 'The profile "both" contains both source_profile and credential_source.'],
    ['a', "Infinite loop in credential configuration detected. Attempting to load from profile a which has already been visited. Visited profiles: ['a', 'b']"],
  ])('profile %s fails with botocore\'s message', (profile, message) => {
    expect(failure(profile)).toBe(`\n${message}\n`);
  });

  it('names the one credential source the console has when another is asked for', () => {
    expect(failure('ec2')).toContain('The credential source "Ec2InstanceMetadata" referenced in profile "ec2" is not valid.');
  });
});
