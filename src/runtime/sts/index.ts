/**
 * The simulated AWS Security Token Service: who am I (GetCallerIdentity) and role sessions
 * (AssumeRole). Sessions are kept once for the account, as the global endpoint does.
 */
import { defineService, type TypedOperations } from '../service.js';
import type { ServiceModel } from '../model.js';
import model from './model.json' with { type: 'json' };
import { createStsState, type StsState } from './state.js';
import type { StsShapes } from './shapes.generated.js';
import { callerIdentity } from './caller-identity.js';
import { assumeRole, principalForSessionKey } from './assume-role.js';

function typed(operations: TypedOperations<StsState, StsShapes>): TypedOperations<StsState, StsShapes> {
  return operations;
}

export const sts = defineService<StsState>({
  name: 'sts',
  model: model as unknown as ServiceModel,
  global: true,
  createState: createStsState,
  principalForAccessKey: principalForSessionKey,
  // GetCallerIdentity needs no permission; AssumeRole weighs the trust policy itself.
  authorization: { actions: { GetCallerIdentity: () => undefined, AssumeRole: () => undefined } },
  operations: typed({
    GetCallerIdentity: { readOnly: true, handler: (ctx) => callerIdentity(ctx) },
    AssumeRole: { readOnly: false, handler: (ctx, input) => assumeRole(ctx, input) as never },
  }),
});
