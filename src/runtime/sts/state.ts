/** STS's sessions by access key ID: the temporary credentials AssumeRole hands out. */
export interface RoleSession {
  readonly accessKeyId: string;
  readonly roleArn: string;
  readonly roleId: string;
  readonly roleName: string;
  readonly sessionName: string;
  readonly accountId: string;
  readonly expiresMs: number;
}

export interface StsState {
  sessions: Record<string, RoleSession>;
}

export const createStsState = (): StsState => ({ sessions: {} });
