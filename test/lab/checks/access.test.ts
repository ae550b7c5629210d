import { describe, expect, it } from 'vitest';
import { evaluate, readsOf, type CheckEnvironment } from '../../../src/lab/checks/index.js';
import { World } from '../../../src/runtime/world.js';
import { AwsError } from '../../../src/runtime/errors.js';
import { defineService } from '../../../src/runtime/service.js';
import type { ServiceModel } from '../../../src/runtime/model.js';
import type { PolicySource } from '../../../src/runtime/iam/policy/index.js';
import { s3 } from '../../../src/runtime/s3/index.js';
import { memoryFiles } from '../../cli/support.js';
import { parse, parsed } from './parse-helpers.js';

/**
 * `access:` checks ask AWS's policy evaluation whether a principal may do an action on a
 * resource, from its identity policies and the resource's policy, without calling anything.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
const ACCOUNT = '123456789012';
const BUCKET = 'reports-abc123';
const model = { metadata: { protocol: 'query', serviceId: 'IAM' }, operations: {}, shapes: {} } as unknown as ServiceModel;

interface Directory {
  users: Record<string, PolicySource[]>;
  roles: Record<string, PolicySource[]>;
}

/** Just enough of IAM: users and roles by name, and their identity policies. */
const iam = defineService<Directory>({
  name: 'iam',
  model,
  global: true,
  createState: () => ({ users: {}, roles: {} }),
  operations: {
    GetUser: {
      readOnly: true,
      handler: (ctx, input: { UserName: string }) => {
        if (!ctx.state.users[input.UserName]) throw new AwsError('NoSuchEntity', `The user with name ${input.UserName} cannot be found.`, 404);
        return { User: { Arn: `arn:aws:iam::${ACCOUNT}:user/${input.UserName}` } };
      },
    },
    GetRole: {
      readOnly: true,
      handler: (ctx, input: { RoleName: string }) => {
        if (!ctx.state.roles[input.RoleName]) throw new AwsError('NoSuchEntity', `The role with name ${input.RoleName} cannot be found.`, 404);
        return { Role: { Arn: `arn:aws:iam::${ACCOUNT}:role/${input.RoleName}` } };
      },
    },
  },
  identityPolicies: (state, principal) =>
    principal.type === 'user' ? (state.users[principal.name!] ?? []) : principal.type === 'assumed-role' ? (state.roles[principal.name!] ?? []) : [],
});

function identity(name: string, ...statements: object[]): PolicySource {
  return { kind: 'identity', name, document: { Version: '2012-10-17', Statement: statements } };
}

function environment(directory: Partial<Directory>, bucketPolicy?: object[]): CheckEnvironment {
  const world = new World({ services: [s3, iam] });
  Object.assign(world.serviceState<Directory>('iam'), directory);
  world.call('s3', 'CreateBucket', { Bucket: BUCKET });
  if (bucketPolicy) world.call('s3', 'PutBucketPolicy', { Bucket: BUCKET, Policy: JSON.stringify({ Version: '2012-10-17', Statement: bucketPolicy }) });
  return { world, files: memoryFiles(), region: 'us-east-1', learnerCallers: new Set(['user']) };
}

const read = (as: string, extra: object = {}) => ({ access: { as, action: 's3:GetObject', resource: `arn:aws:s3:::${BUCKET}/q1.csv`, ...extra } });

describe('access checks: parsing', () => {
  it('reads as, action, resource, expect (allowed by default) and context', () => {
    expect(parsed(read('user/auditor'))).toEqual({ type: 'access', as: 'user/auditor', action: 's3:GetObject', resource: `arn:aws:s3:::${BUCKET}/q1.csv`, expect: 'allowed', context: {} });
    expect(parsed(read('anonymous', { expect: 'denied', context: { 'aws:SecureTransport': 'false' } }))).toMatchObject({ expect: 'denied', context: { 'aws:SecureTransport': 'false' } });
    expect([...readsOf(parsed(read('role/Writer')))]).toEqual(['world']);
  });

  it.each([
    [{ access: 'user/auditor s3:GetObject' }, 'check.access: access: expected a mapping of as, action, resource and expect, e.g. { as: user/auditor, action: s3:GetObject, resource: arn:aws:s3:::reports/q1.csv, expect: allowed }'],
    [read('auditor'), 'check.access.as: as: expected user/NAME, role/NAME or anonymous, found "auditor"'],
    [read('group/auditors'), 'check.access.as: as: expected user/NAME, role/NAME or anonymous, found "group/auditors"'],
    [read('user/auditor', { action: 's3:Get*' }), 'check.access.action: action: expected one action such as s3:GetObject (no wildcards: the check asks about one request), found "s3:Get*"'],
    [read('user/auditor', { resource: 'reports/q1.csv' }), 'check.access.resource: resource: expected one ARN such as arn:aws:s3:::reports/q1.csv, found "reports/q1.csv"'],
    [read('user/auditor', { expect: 'yes' }), 'check.access.expect: expect: expected allowed or denied, found "yes"'],
    [read('user/auditor', { context: { 'aws:SecureTransport': false } }), "check.access.context: context: expected condition keys and text values, e.g. { aws:SecureTransport: 'false' }"],
    [read('user/auditor', { principal: 'x' }), "check.access.principal: unknown key 'principal' in this check (allowed: as, action, resource, expect, context)"],
  ])('refuses %j', (value, problem) => {
    expect(parse(value).problems).toEqual([problem]);
  });
});

describe('access checks: evaluation', () => {
  const readReports = identity('read-reports', { Sid: 'ReadReports', Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` });

  it('passes when an identity policy allows, naming the allowing statement', () => {
    const env = environment({ users: { auditor: [readReports] } });
    expect(evaluate(parsed(read('user/auditor')), env)).toEqual({
      passed: true,
      why: `user/auditor s3:GetObject on arn:aws:s3:::${BUCKET}/q1.csv: allowed by statement ReadReports of read-reports.`,
    });
  });

  it('fails on an implicit deny, saying nothing allows it', () => {
    const env = environment({ users: { auditor: [] } });
    expect(evaluate(parsed(read('user/auditor')), env)).toEqual({
      passed: false,
      why: `Expected user/auditor may do s3:GetObject on arn:aws:s3:::${BUCKET}/q1.csv, but it is denied: no policy allows it (an implicit deny).`,
    });
  });

  it('fails an expect: denied check when something allows, naming what does', () => {
    const env = environment({ users: { auditor: [identity('everything', { Effect: 'Allow', Action: 's3:*', Resource: '*' })] } });
    expect(evaluate(parsed(read('user/auditor', { expect: 'denied' })), env)).toEqual({
      passed: false,
      why: `Expected user/auditor may not do s3:GetObject on arn:aws:s3:::${BUCKET}/q1.csv, but it is allowed by statement 1 of everything.`,
    });
  });

  it('sees a role through the bucket policy, and the explicit Deny that stops plain HTTP', () => {
    const env = environment({ roles: { Writer: [] } }, [
      { Sid: 'WriterReads', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/Writer` }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` },
      { Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: `arn:aws:s3:::${BUCKET}/*`, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    ]);
    expect(evaluate(parsed(read('role/Writer')), env).why).toBe(`role/Writer s3:GetObject on arn:aws:s3:::${BUCKET}/q1.csv: allowed by statement WriterReads of bucket policy of ${BUCKET}.`);
    expect(evaluate(parsed(read('role/Writer', { context: { 'aws:SecureTransport': 'false' } })), env)).toEqual({
      passed: false,
      why: `Expected role/Writer may do s3:GetObject on arn:aws:s3:::${BUCKET}/q1.csv, but it is denied by the explicit Deny in statement TlsOnly of bucket policy of ${BUCKET}.`,
    });
  });

  it('judges the public by the bucket policy alone', () => {
    const env = environment({});
    expect(evaluate(parsed(read('anonymous', { expect: 'denied' })), env).passed).toBe(true);
  });

  it('fails, saying so, when the user or role does not exist', () => {
    expect(evaluate(parsed(read('user/auditor')), environment({})).why).toBe(
      `Expected user/auditor may do s3:GetObject on arn:aws:s3:::${BUCKET}/q1.csv, but there is no IAM user named auditor.`,
    );
  });

  it('neither logs nor changes the world', () => {
    const env = environment({ users: { auditor: [readReports] } });
    const before = { activity: env.world.activity.length, changes: env.world.changeCount };
    evaluate(parsed(read('user/auditor')), env);
    evaluate(parsed(read('user/nobody')), env);
    expect({ activity: env.world.activity.length, changes: env.world.changeCount }).toEqual(before);
  });
});
