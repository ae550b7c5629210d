import { generalFailure } from './errors.js';
import { readProfile } from './config-files.js';
import type { GlobalOptions } from './globals.js';
import type { CliFileSystem } from './types.js';

/**
 * Whose credentials a command is sent with, as botocore's credential chain decides it
 * (botocore/credentials.py). The console itself holds the account administrator's credentials
 * the way a shell holds them in environment variables: a command without `--profile` uses them.
 * `--profile NAME` uses that profile's access keys, or assumes its role_arn with its
 * source_profile's keys (or, with `credential_source = Environment`, the console's own); `--no-sign-request` sends the request unsigned, as anyone on the
 * internet would.
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-role.html
 */
export type ProfileCredentials =
  | { readonly kind: 'console' }
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'keys'; readonly profile: string; readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string }
  | { readonly kind: 'role'; readonly profile: string; readonly roleArn: string; readonly sessionName?: string; readonly source: ProfileCredentials };

export function profileCredentials(globals: Pick<GlobalOptions, 'profile' | 'signRequest'>, files: CliFileSystem): ProfileCredentials {
  if (!globals.signRequest) return { kind: 'anonymous' };
  if (globals.profile === undefined) return { kind: 'console' };
  // botocore never reports the default profile missing; here its credentials are the console's own.
  if (globals.profile === 'default' && !readProfile(files, 'default')) return { kind: 'console' };
  return credentialsOf(globals.profile, files, []);
}

function credentialsOf(profile: string, files: CliFileSystem, chain: readonly string[]): ProfileCredentials {
  const settings = readProfile(files, profile);
  if (!settings) {
    if (chain.length > 0) throw generalFailure(`The source_profile "${profile}" referenced in the profile "${chain.at(-1)}" does not exist.`);
    throw generalFailure(`The config profile (${profile}) could not be found`);
  }
  const roleArn = settings.get('role_arn');
  if (roleArn !== undefined) {
    const source = settings.get('source_profile');
    const credentialSource = settings.get('credential_source');
    if (source !== undefined && credentialSource !== undefined) {
      throw generalFailure(`The profile "${profile}" contains both source_profile and credential_source.`);
    }
    if (credentialSource !== undefined) {
      // Environment is the console's own credentials; there is no instance metadata or container to ask.
      if (credentialSource !== 'Environment') {
        throw generalFailure(
          `The credential source "${credentialSource}" referenced in profile "${profile}" is not valid. ` +
            "(awslab: the console's only credential source is Environment, its own credentials; there is no instance or container to ask.)",
        );
      }
      const sessionName = settings.get('role_session_name');
      return { kind: 'role', profile, roleArn, source: { kind: 'console' }, ...(sessionName ? { sessionName } : {}) };
    }
    if (source === undefined) throw generalFailure('Partial credentials found in assume-role, missing: source_profile or credential_source');
    // A profile may use its own keys as its source; any longer loop is an error.
    if (source !== profile && chain.includes(source)) {
      const visited = [...chain, profile].map((name) => `'${name}'`).join(', ');
      throw generalFailure(`Infinite loop in credential configuration detected. Attempting to load from profile ${source} which has already been visited. Visited profiles: [${visited}]`);
    }
    const sourceCredentials = source === profile ? keysOf(profile, settings) : credentialsOf(source, files, [...chain, profile]);
    const sessionName = settings.get('role_session_name');
    return { kind: 'role', profile, roleArn, source: sourceCredentials, ...(sessionName ? { sessionName } : {}) };
  }
  return keysOf(profile, settings);
}

function keysOf(profile: string, settings: ReadonlyMap<string, string>): ProfileCredentials {
  const accessKeyId = settings.get('aws_access_key_id');
  const secretAccessKey = settings.get('aws_secret_access_key');
  if (accessKeyId === undefined && secretAccessKey === undefined) {
    throw generalFailure('Unable to locate credentials. You can configure credentials by running "aws configure".');
  }
  if (accessKeyId === undefined || secretAccessKey === undefined) {
    const missing = accessKeyId === undefined ? 'aws_access_key_id' : 'aws_secret_access_key';
    throw generalFailure(`Partial credentials found in shared-credentials-file, missing: ${missing}`);
  }
  const sessionToken = settings.get('aws_session_token');
  return { kind: 'keys', profile, accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
