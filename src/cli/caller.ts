import { AwsError } from '../runtime/errors.js';
import type { Principal } from '../runtime/iam/policy/types.js';
import type { World } from '../runtime/world.js';
import { CliFailure } from './errors.js';
import type { GlobalOptions } from './globals.js';
import { formatServiceError } from './output/index.js';
import { profileCredentials, type ProfileCredentials } from './profiles.js';
import { customisationFor } from './services/index.js';
import { EXIT, type CliFileSystem } from './types.js';

/** Whoever sends a request without signing it: the public. */
export const ANONYMOUS: Principal = { type: 'anonymous', arn: '*', accountId: '' };

/**
 * The learner's public IPv4 address, as a policy's aws:SourceIp sees it: one address from a
 * documentation range (RFC 5737), the same for every learner so grading replays alike.
 */
export const LEARNER_SOURCE_IP = '203.0.113.25';

export type RequestContext = Readonly<Record<string, string>>;

/**
 * Who one `aws …` command acts as, resolved from its profile once per command and on first use
 * (a role profile calls sts:AssumeRole, as the CLI does, so a command that sends nothing
 * assumes nothing). Undefined means the console's own administrator credentials: no checks.
 */
export class Caller {
  private resolved = false;
  private principal: Principal | undefined;
  private readonly secure: boolean;

  constructor(
    private readonly world: World,
    private readonly globals: Pick<GlobalOptions, 'profile' | 'signRequest' | 'endpointUrl' | 'errorFormat'>,
    private readonly files: CliFileSystem,
    private readonly activityCaller: string | undefined,
  ) {
    this.secure = !globals.endpointUrl?.toLowerCase().startsWith('http:');
  }

  /** The condition keys every request carries: TLS unless --endpoint-url says http://, and the learner's address. */
  get context(): RequestContext {
    return { 'aws:SecureTransport': String(this.secure), 'aws:SourceIp': LEARNER_SOURCE_IP };
  }

  /** The principal a call to `service` is made as; throws the service's error for an unknown access key. */
  principalFor(service: string): Principal | undefined {
    if (!this.resolved) {
      this.principal = this.resolve(profileCredentials(this.globals, this.files), service);
      this.resolved = true;
    }
    return this.principal;
  }

  private resolve(credentials: ProfileCredentials, service: string): Principal | undefined {
    switch (credentials.kind) {
      case 'console':
        return undefined;
      case 'anonymous':
        return ANONYMOUS;
      case 'keys':
        return this.keyOwner(credentials.accessKeyId, service);
      case 'role':
        return this.assumeRole(credentials, service);
    }
  }

  private keyOwner(accessKeyId: string, service: string): Principal {
    const principal = this.world.principalForAccessKey(accessKeyId);
    if (principal) return principal;
    throw customisationFor(service)?.unknownAccessKey?.(accessKeyId) ?? invalidClientTokenId();
  }

  /**
   * The CLI's AssumeRoleProvider: the source profile's credentials call sts:AssumeRole, and the
   * session's keys sign the command. A refusal is printed as the AssumeRole call's error.
   */
  private assumeRole(credentials: Extract<ProfileCredentials, { kind: 'role' }>, service: string): Principal {
    const source = this.resolve(credentials.source, 'sts');
    const sessionName = credentials.sessionName ?? `botocore-session-${Math.floor(this.world.nowMs / 1000)}`;
    let output: Record<string, unknown>;
    try {
      output = this.world.call('sts', 'AssumeRole', { RoleArn: credentials.roleArn, RoleSessionName: sessionName }, {
        ...(this.activityCaller ? { caller: this.activityCaller } : {}),
        ...(source ? { principal: source } : {}),
        context: this.context,
      });
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      const model = this.world.service('sts')!.model;
      throw new CliFailure(error.message, formatServiceError(error, 'AssumeRole', { format: this.globals.errorFormat, model }), EXIT.service);
    }
    const accessKeyId = (output.Credentials as { AccessKeyId: string }).AccessKeyId;
    return this.keyOwner(accessKeyId, service);
  }
}

/** What STS, IAM and most query APIs answer for an access key they do not know. */
function invalidClientTokenId(): AwsError {
  return new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
}
