/**
 * The simulator's two requests: whose policies (a user, group or role named by ARN, or only
 * the ones given) and as whom the request is made.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
 */
import type { Principal } from './policy/types.js';
import { invalidInput, noSuchNamed } from './errors.js';
import { findEntity } from './entities.js';
import { entityPolicies } from './identity-policies.js';
import { page } from './pagination.js';
import { givenPolicies, simulate, type ContextEntry } from './simulate.js';
import type { IamState } from './state.js';

interface SimulationInput {
  PolicyInputList?: string[];
  ActionNames: string[];
  ResourceArns?: string[];
  ResourcePolicy?: string;
  CallerArn?: string;
  ContextEntries?: ContextEntry[];
  MaxItems?: number;
  Marker?: string;
}

const SOURCE = /^arn:aws:iam::(\d{12}):(user|group|role)\/(?:.*\/)?([^/]+)$/;

export function simulatePrincipal(state: IamState, input: SimulationInput & { PolicySourceArn: string }): Record<string, unknown> {
  const match = SOURCE.exec(input.PolicySourceArn);
  if (!match) throw invalidInput(`Invalid ARN ${input.PolicySourceArn}: PolicySourceArn names a user, group or role (arn:aws:iam::ACCOUNT:user/NAME).`);
  const [, accountId, kind, name] = match as unknown as [string, string, 'user' | 'group' | 'role', string];
  const entity = findEntity(state, kind, name);
  if (!entity) throw noSuchNamed(kind, name);
  const principal: Principal = input.CallerArn
    ? callerPrincipal(input.CallerArn)
    : { type: kind === 'role' ? 'role' : 'user', arn: entity.arn, accountId, ...(kind === 'group' ? {} : { name: entity.name }) };
  return respond(input, [...entityPolicies(state, entity), ...givenPolicies(input.PolicyInputList, input.ResourcePolicy)], principal);
}

export function simulateCustom(accountId: string, input: SimulationInput & { PolicyInputList: string[] }): Record<string, unknown> {
  if (input.ResourcePolicy !== undefined && input.CallerArn === undefined) {
    throw invalidInput('CallerArn is required when a ResourcePolicy is given: it names the principal the resource policy is evaluated for.');
  }
  const principal: Principal = input.CallerArn ? callerPrincipal(input.CallerArn) : { type: 'user', arn: `arn:aws:iam::${accountId}:user/`, accountId };
  return respond(input, givenPolicies(input.PolicyInputList, input.ResourcePolicy), principal);
}

function respond(input: SimulationInput, policies: ReturnType<typeof givenPolicies>, principal: Principal): Record<string, unknown> {
  const results = simulate({ principal, policies, actions: input.ActionNames, resources: input.ResourceArns, contextEntries: input.ContextEntries });
  const { items, paging } = page(results, input);
  return { EvaluationResults: items, ...paging };
}

const CALLER = /^arn:aws:(iam|sts)::(\d{12}):(user|role|assumed-role)\/(?:.*\/)?([^/]+?)(?:\/[^/]+)?$/;

function callerPrincipal(arn: string): Principal {
  const match = CALLER.exec(arn);
  if (!match) throw invalidInput(`Invalid CallerArn ${arn}: it must be an IAM user's or role's ARN.`);
  const type = match[3] === 'user' ? 'user' : match[3] === 'role' ? 'role' : 'assumed-role';
  return { type, arn, accountId: match[2]!, name: match[4]! };
}
