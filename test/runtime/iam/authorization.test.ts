// The world's authorization seam: a call made as a principal is decided by the policy engine
// before its handler runs, with AWS's access denied wording.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
import { describe, expect, it } from 'vitest';
import { World } from '../../../src/runtime/world.js';
import { AwsError } from '../../../src/runtime/errors.js';
import { defineService, type ServiceDefinition } from '../../../src/runtime/service.js';
import type { ServiceModel } from '../../../src/runtime/model.js';
import type { PolicySource, Principal } from '../../../src/runtime/iam/policy/index.js';
import { counterService } from '../kernel-fixture.js';

const ACCOUNT = '123456789012';
const alice: Principal = { type: 'user', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT, name: 'alice' };
const model: ServiceModel = { metadata: { protocol: 'json', serviceId: 'Vault' }, operations: {}, shapes: {} } as unknown as ServiceModel;

interface VaultState {
  items: Record<string, string>;
  policies: Record<string, unknown>;
}

/** A service with an authorization table, a resource policy per item, and the default AccessDenied. */
const vault = defineService<VaultState>({
  name: 'vault',
  model,
  global: true,
  createState: () => ({ items: { a: 'secret a', b: 'secret b' }, policies: {} }),
  operations: {
    Read: { readOnly: true, handler: (ctx, input: { Name: string }) => ({ Value: (ctx.state as VaultState).items[input.Name], Caller: ctx.principal?.arn ?? 'admin' }) },
    Who: { readOnly: true, handler: (ctx) => ({ Caller: ctx.principal?.arn ?? 'admin' }) },
    Copy: { readOnly: true, handler: (ctx, input: { Name: string }) => ctx.call('vault', 'Read', input) },
  },
  authorization: {
    actions: {
      Read: (input: { Name: string }, call) => ({ action: 'vault:Read', resources: [`arn:aws:vault:${call.region}:${call.accountId}:item/${input.Name}`] }),
      Who: () => undefined,
      Copy: (input: { Name: string }) => ({ action: 'vault:Copy', resources: [`arn:aws:vault:us-east-1:${ACCOUNT}:item/${input.Name}`] }),
    },
    resourcePolicy: (state, arn) => {
      const document = state.policies[arn.split('/').pop()!];
      return document ? { kind: 'resource', name: 'item policy', document } : undefined;
    },
  },
});

/** Keeps identity policies for principals by ARN, as IAM does for its users and roles. */
const directory = defineService<{ byArn: Record<string, PolicySource[]> }>({
  name: 'directory',
  model,
  global: true,
  createState: () => ({ byArn: {} }),
  operations: {},
  identityPolicies: (state, principal) => state.byArn[principal.arn] ?? [],
  principalForAccessKey: (_state, id) => (id === 'AKIAALICE' ? alice : undefined),
});

function world(policies: PolicySource[] = []) {
  const w = new World({ services: [vault, directory, counterService as ServiceDefinition<unknown>] });
  w.serviceState<{ byArn: Record<string, PolicySource[]> }>('directory').byArn[alice.arn] = policies;
  return w;
}

const allowRead: PolicySource = { kind: 'identity', name: 'ReadA', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'vault:Read', Resource: `arn:aws:vault:*:${ACCOUNT}:item/a` }] } };

function thrown(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('World authorization', () => {
  it('checks nothing without a principal: the account administrator, as before', () => {
    expect(world().call('vault', 'Read', { Name: 'b' })).toEqual({ Value: 'secret b', Caller: 'admin' });
  });

  it('runs the handler when the principal is allowed, and tells the handler who called', () => {
    expect(world([allowRead]).call('vault', 'Read', { Name: 'a' }, { principal: alice })).toEqual({ Value: 'secret a', Caller: alice.arn });
  });

  it('refuses an implicit deny with AccessDenied naming principal, action, resource and the missing identity-based allow', () => {
    const error = thrown(() => world([allowRead]).call('vault', 'Read', { Name: 'b' }, { principal: alice }));
    expect([error.code, error.status, error.message]).toEqual([
      'AccessDenied',
      403,
      `User: arn:aws:iam::123456789012:user/alice is not authorized to perform: vault:Read on resource: arn:aws:vault:us-east-1:123456789012:item/b because no identity-based policy allows the vault:Read action`,
    ]);
  });

  it('names an explicit deny in an identity-based policy', () => {
    const deny: PolicySource = { kind: 'identity', name: 'Deny', document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'vault:*', Resource: '*' }] } };
    expect(thrown(() => world([allowRead, deny]).call('vault', 'Read', { Name: 'a' }, { principal: alice })).message).toBe(
      `User: arn:aws:iam::123456789012:user/alice is not authorized to perform: vault:Read on resource: arn:aws:vault:us-east-1:123456789012:item/a with an explicit deny in an identity-based policy`,
    );
  });

  it("reads the resource's resource-based policy: its Allow lets the principal in, its Deny names a resource-based policy", () => {
    const w = world();
    const state = w.serviceState<VaultState>('vault');
    state.policies.b = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: alice.arn }, Action: 'vault:Read', Resource: '*' }] };
    expect(w.call('vault', 'Read', { Name: 'b' }, { principal: alice }).Value).toBe('secret b');
    state.policies.a = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'vault:Read', Resource: '*' }] };
    const error = thrown(() => w.call('vault', 'Read', { Name: 'a' }, { principal: alice }));
    expect(error.message).toMatch(/with an explicit deny in a resource-based policy$/);
  });

  it('records a refused call in the activity log with the principal and the error code', () => {
    const w = world();
    thrown(() => w.call('vault', 'Read', { Name: 'a' }, { principal: alice }));
    expect(w.activity.at(-1)).toMatchObject({ operation: 'Read', principal: alice.arn, errorCode: 'AccessDenied' });
  });

  it('skips the check for an operation whose row asks for no permission', () => {
    expect(world().call('vault', 'Who', {}, { principal: alice })).toEqual({ Caller: alice.arn });
  });

  it("runs a service's own calls to another operation as the service, unchecked", () => {
    const copy: PolicySource = { kind: 'identity', name: 'Copy', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'vault:Copy', Resource: '*' }] } };
    expect(world([copy]).call('vault', 'Copy', { Name: 'b' }, { principal: alice })).toEqual({ Value: 'secret b', Caller: 'admin' });
  });

  it('passes request context keys to the conditions, with aws:RequestedRegion and aws:CurrentTime from the world', () => {
    const fromOffice: PolicySource = {
      kind: 'identity',
      name: 'Office',
      document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'vault:Read', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' }, StringEquals: { 'aws:RequestedRegion': 'eu-west-1' }, DateGreaterThan: { 'aws:CurrentTime': '2025-01-01T00:00:00Z' } } }] },
    };
    const w = world([fromOffice]);
    expect(w.call('vault', 'Read', { Name: 'a' }, { principal: alice, region: 'eu-west-1', context: { 'aws:SourceIp': '203.0.113.9' } }).Value).toBe('secret a');
    expect(thrown(() => w.call('vault', 'Read', { Name: 'a' }, { principal: alice, region: 'us-east-1', context: { 'aws:SourceIp': '203.0.113.9' } })).code).toBe('AccessDenied');
    expect(thrown(() => w.call('vault', 'Read', { Name: 'a' }, { principal: alice, region: 'eu-west-1', context: { 'aws:SourceIp': '198.51.100.1' } })).code).toBe('AccessDenied');
  });

  it("lets the service's declaration decide the error (S3 says only Access Denied)", () => {
    const quiet = defineService<VaultState>({
      ...(vault as ServiceDefinition<VaultState>),
      authorization: { ...(vault as ServiceDefinition<VaultState>).authorization!, accessDenied: () => new AwsError('AccessDenied', 'Access Denied', 403) },
    });
    const w = new World({ services: [quiet, directory] });
    expect(thrown(() => w.call('vault', 'Read', { Name: 'a' }, { principal: alice })).message).toBe('Access Denied');
  });

  it('refuses a call as a principal to a service with no authorization table, saying how to run it', () => {
    const error = thrown(() => world().call('counter', 'Get', { Name: 'a' }, { principal: alice }));
    expect([error.code, error.message]).toEqual([
      'NotImplemented',
      "awslab does not check counter permissions yet, so it cannot run counter calls as arn:aws:iam::123456789012:user/alice; run them as the account's administrator (without a principal or profile).",
    ]);
  });

  it('finds the principal an access key belongs to from the services that issue keys', () => {
    expect(world().principalForAccessKey('AKIAALICE')).toEqual(alice);
    expect(world().principalForAccessKey('AKIANOBODY')).toBeUndefined();
  });
});
