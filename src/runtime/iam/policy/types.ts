/**
 * The policy engine's interface: who asks, for what, against which policies, and what AWS
 * decides. Other services (S3's bucket policies) and the world's authorization seam code
 * against these types, so they change only by agreement.
 */

/** The identity a request is made as. `name` is the user or role name (aws:username for a user). */
export interface Principal {
  readonly type: 'root' | 'user' | 'role' | 'assumed-role' | 'anonymous';
  readonly arn: string;
  readonly accountId: string;
  readonly name?: string;
}

export interface AuthorizationRequest {
  readonly principal: Principal;
  /** `service:Operation`, as a policy's Action names it: `s3:GetObject`. */
  readonly action: string;
  /** The resource's ARN: `arn:aws:s3:::bucket/key`. */
  readonly resource: string;
  /** Request context keys (aws:SourceIp, aws:SecureTransport, s3:prefix, …); names are case-insensitive. */
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

export interface PolicySource {
  readonly kind: 'identity' | 'resource';
  /** What names the policy to a person: a managed policy's ARN, an inline policy's name, 'bucket policy'. */
  readonly name: string;
  /** The parsed JSON document, as stored. */
  readonly document: unknown;
}

export interface DecidingStatement {
  readonly source: PolicySource;
  /** The statement's position in the document's Statement list (0 for a lone statement object). */
  readonly index: number;
  readonly sid?: string;
}

export interface Decision {
  readonly decision: 'allowed' | 'explicitDeny' | 'implicitDeny';
  /** The Deny statements that matched (explicitDeny), or the Allow statements (allowed); empty for implicitDeny. */
  readonly deciding: readonly DecidingStatement[];
}
