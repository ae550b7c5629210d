import { describe, expect, it } from 'vitest';
import { evaluate, readsOf, type CheckEnvironment } from '../../../src/lab/checks/index.js';
import { parse, parsed } from './parse-helpers.js';
import { buildNetwork } from '../../console/probe-network.js';

/** `probe:` checks share the console's words and engine; here: parsing, grading and the faults. */

describe('probe checks: parsing', () => {
  it('reads the probe words and expect, allowed by default', () => {
    expect(parsed({ probe: 'tcp 22 from 203.0.113.9 to web' })).toEqual({ type: 'probe', spec: { protocol: 'tcp', port: 22, from: '203.0.113.9', to: 'web' }, expect: 'allowed' });
    expect(parsed({ probe: ' icmp  8 from web to internet ', expect: 'denied', message: 'Ping out.' })).toMatchObject({ spec: { protocol: 'icmp', port: 8 }, expect: 'denied', message: 'Ping out.' });
    expect([...readsOf(parsed({ probe: 'tcp 80 from internet to web' }))]).toEqual(['world']);
  });

  it.each([
    [{ probe: 'tcp 80 from 0.0.0.0/0 to i-1' }, "check.probe: probe: source '0.0.0.0/0' is a range; a probe goes from one host to one host: write one address such as 0.0.0.0, an instance, or internet"],
    [{ probe: 'http 80 from internet to web' }, "check.probe: probe: unknown protocol 'http': expected tcp, udp, icmp"],
    [{ probe: 'tcp 99999 from internet to web' }, "check.probe: probe: port '99999' is out of range: expected a whole number 0-65535"],
    [{ probe: 'tcp 80 to web' }, "check.probe: probe: expected 'from' after the port, found 'to' (PROTOCOL PORT from SOURCE to DESTINATION)"],
    [{ probe: 'tcp 80 from internet to web --json' }, "check.probe: probe: '--json' is for the console; a probe check runs in the lab's region and is graded, not printed"],
    [{ probe: 22 }, 'check.probe: probe: expected the words of a probe, PROTOCOL PORT from SOURCE to DESTINATION, e.g. tcp 22 from 203.0.113.9 to web'],
    [{ probe: 'tcp 80 from internet to web', expect: 'blocked' }, 'check.expect: expect: expected allowed or denied, found "blocked"'],
    [{ probe: 'tcp 80 from internet to web', equals: 1 }, "check.equals: unknown key 'equals' in this check (allowed: probe, expect, message, note)"],
  ])('refuses %j', (value, problem) => {
    expect(parse(value).problems).toEqual([problem]);
  });
});

describe('probe checks: evaluation against the session world', () => {
  const net = buildNetwork();
  const env: CheckEnvironment = { world: net.console.world, files: net.console.files, region: 'us-east-1', learnerCallers: new Set(['user']) };

  it('passes when the traffic gets through, saying which rule let it', () => {
    const outcome = evaluate(parsed({ probe: 'tcp 80 from internet to web' }), env);
    expect(outcome.passed).toBe(true);
    expect(outcome.why).toMatch(/^tcp 80 from internet to web is allowed: sg-\w+ inbound rule sgr-\w+ allows TCP port 80 from 203\.0\.113\.10 \(the rule.s source: 0\.0\.0\.0\/0\)\.$/);
  });

  it('fails with what the probe found and the deciding hop', () => {
    const outcome = evaluate(parsed({ probe: 'tcp 22 from 203.0.113.9 to web' }), env);
    expect(outcome.passed).toBe(false);
    expect(outcome.why).toMatch(/^Expected tcp 22 from 203\.0\.113\.9 to web to be allowed, but the probe found it denied: no inbound rule of sg-\w+ allows TCP port 22 from 203\.0\.113\.9/);
    expect(evaluate(parsed({ probe: 'tcp 22 from 203.0.113.9 to web', expect: 'denied' }), env).passed).toBe(true);
    const open = evaluate(parsed({ probe: 'tcp 80 from internet to web', expect: 'denied' }), env);
    expect(open).toMatchObject({ passed: false });
    expect(open.why).toMatch(/^Expected tcp 80 from internet to web to be denied, but the probe found it allowed: sg-\w+ inbound rule/);
  });

  it('fails, saying why, when an endpoint names nothing yet', () => {
    expect(evaluate(parsed({ probe: 'tcp 22 from internet to bastion' }), env)).toEqual({
      passed: false,
      why: "Expected tcp 22 from internet to bastion to be allowed, but the probe cannot run: destination: no instance named 'bastion' in us-east-1 that is not terminated (names: db, web); write an instance ID, a Name tag, an IPv4 address or internet.",
    });
  });

  it('sees the world change: a rule revoked turns an allowed probe into a denied one', () => {
    const mine = buildNetwork();
    const local: CheckEnvironment = { ...env, world: mine.console.world, files: mine.console.files };
    const check = parsed({ probe: 'tcp 3306 from web to db' });
    expect(evaluate(check, local).passed).toBe(true);
    const db = mine.console.run('aws ec2 describe-security-groups --filters Name=group-name,Values=db --query SecurityGroups[0].GroupId --output text').stdout.trim();
    const rule = mine.console.run(`aws ec2 describe-security-group-rules --filters Name=group-id,Values=${db} --query SecurityGroupRules[?!IsEgress].SecurityGroupRuleId --output text`).stdout.trim();
    expect(mine.console.run(`aws ec2 revoke-security-group-ingress --group-id ${db} --security-group-rule-ids ${rule}`).exitCode).toBe(0);
    expect(evaluate(check, local)).toMatchObject({ passed: false });
  });

  it('is denied during a zone outage and for a failed instance', () => {
    const mine = buildNetwork();
    const local: CheckEnvironment = { ...env, world: mine.console.world, files: mine.console.files };
    const web = parsed({ probe: 'tcp 80 from internet to web' });
    mine.console.run('fault zone-outage us-east-1a');
    expect(evaluate(web, local).why).toBe(`Expected tcp 80 from internet to web to be allowed, but the probe found it denied: destination ${mine.web} is in us-east-1a, which is down (zone outage).`);
    mine.console.run('fault recover zone-outage us-east-1a');
    expect(evaluate(web, local).passed).toBe(true);
    mine.console.run(`fault instance-failure ${mine.db}`);
    expect(evaluate(parsed({ probe: 'tcp 3306 from web to db' }), local).why).toBe(`Expected tcp 3306 from web to db to be allowed, but the probe found it denied: destination ${mine.db} has failed (instance status check impaired).`);
  });
});
