import { describe, expect, it } from 'vitest';
import { AMI, buildNetwork } from './probe-network.js';

/**
 * The probe as a learner meets it: a VPC built with real `aws ec2` lines, then probed.
 * What each hop decides is AWS's documented behaviour, tested in
 * test/runtime/ec2/reachability.test.ts; here: endpoint resolution, output, exit status.
 */
describe('probe: allowed and denied', () => {
  const net = buildNetwork();
  const probe = (line: string) => net.console.run(`probe ${line}`);

  it('allows HTTP from the internet to web by its Name tag, and says which rule let it in', () => {
    const r = probe('tcp 80 from internet to web');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('ALLOWED');
    expect(lines.slice(1).every((l) => /^ {2}[✔✘·] /.test(l))).toBe(true);
    const deciding = lines.filter((l) => l.endsWith('<- deciding'));
    expect(deciding).toHaveLength(1);
    expect(deciding[0]).toMatch(/^ {2}✔ sg-\w+ inbound rule sgr-\w+ allows TCP port 80 from 203\.0\.113\.10 \(the rule.s source: 0\.0\.0\.0\/0\)/);
  });

  it('allows SSH from the office address to web by instance ID, denies it from elsewhere', () => {
    expect(probe(`tcp 22 from 198.51.100.7 to ${net.web}`).exitCode).toBe(0);
    const denied = probe(`tcp 22 from 203.0.113.9 to ${net.web}`);
    expect(denied.exitCode).toBe(1);
    const lines = denied.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^DENIED: no inbound rule of sg-\w+ allows TCP port 22 from 203\.0\.113\.9/);
    expect(lines[lines.length - 1]).toMatch(/^ {2}✘ no inbound rule .* <- deciding$/);
  });

  it('allows MySQL from web to db by the web group, not from the internet (db has no public address)', () => {
    expect(probe('tcp 3306 from web to db').exitCode).toBe(0);
    // A private address names its instance.
    expect(probe(`tcp 3306 from ${net.webAddress} to ${net.dbAddress}`).exitCode).toBe(0);
    const fromDb = probe('tcp 3306 from db to web');
    expect(fromDb.exitCode).toBe(1);
    const fromInternet = probe('tcp 3306 from internet to db');
    expect(fromInternet.exitCode).toBe(1);
    expect(fromInternet.stdout).toMatch(/^DENIED: i-\w+ has only a private address \(10\.0\.2\.\d+\); nothing on the internet can address it\n/);
  });

  it('denies db reaching the internet: its subnet has no route out', () => {
    const r = probe('tcp 443 from db to internet');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/^DENIED: rtb-\w+ \(main route table of subnet-\w+\) has no route to 203\.0\.113\.10 for the internet\n/);
  });

  it('prints { allowed, hops } with --json, exit status as for text', () => {
    const r = probe('tcp 22 from 203.0.113.9 to web --json');
    expect(r.exitCode).toBe(1);
    const parsed = JSON.parse(r.stdout) as { allowed: boolean; hops: { kind: string; decision: string; detail: string; resource: string }[] };
    expect(Object.keys(parsed)).toEqual(['allowed', 'hops']);
    expect(parsed.allowed).toBe(false);
    expect(parsed.hops[parsed.hops.length - 1]).toMatchObject({ kind: 'security-group-in', decision: 'deny' });
    expect(JSON.parse(probe('--json tcp 80 from internet to web').stdout)).toMatchObject({ allowed: true });
  });

  it('probes another region with --region: web is not there', () => {
    expect(probe('tcp 80 from internet to web --region us-west-2')).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: "probe: destination: no instance named 'web' in us-west-2 that is not terminated (no instance has a Name tag); write an instance ID, a Name tag, an IPv4 address or internet\n",
    });
  });
});

describe('probe: faults', () => {
  it('denies traffic to an instance in a zone that is down, and allows it again on recovery', () => {
    const net = buildNetwork();
    expect(net.console.run('fault zone-outage us-east-1a').exitCode).toBe(0);
    const r = net.console.run('probe tcp 80 from internet to web');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe(`DENIED: destination ${net.web} is in us-east-1a, which is down (zone outage)\n  ✘ destination ${net.web} is in us-east-1a, which is down (zone outage)   <- deciding\n`);
    net.console.run('fault recover zone-outage us-east-1a');
    expect(net.console.run('probe tcp 80 from internet to web').exitCode).toBe(0);
  });

  it('denies traffic from a failed instance', () => {
    const net = buildNetwork();
    expect(net.console.run(`fault instance-failure ${net.web}`).exitCode).toBe(0);
    const r = net.console.run('probe tcp 3306 from web to db');
    expect(r.exitCode).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(`DENIED: source ${net.web} has failed (instance status check impaired)`);
  });
});

describe('probe: usage errors name what is wrong (exit 2)', () => {
  const net = buildNetwork();
  const USAGE = 'usage: probe PROTOCOL PORT from SOURCE to DESTINATION [--region REGION] [--json]';

  it.each([
    ['', 'probe: expected PROTOCOL PORT from SOURCE to DESTINATION, e.g. tcp 22 from 203.0.113.9 to web'],
    ['sctp 22 from internet to web', "probe: unknown protocol 'sctp': expected tcp, udp, icmp"],
    ['tcp', 'probe: expected a port after tcp (PROTOCOL PORT from SOURCE to DESTINATION)'],
    ['tcp 70000 from internet to web', "probe: port '70000' is out of range: expected a whole number 0-65535"],
    ['tcp ssh from internet to web', "probe: port 'ssh' is out of range: expected a whole number 0-65535"],
    ['icmp 300 from internet to web', "probe: ICMP type '300' is out of range: expected a whole number 0-255 (8 is a ping)"],
    ['tcp 22 internet to web', "probe: expected 'from' after the port, found 'internet' (PROTOCOL PORT from SOURCE to DESTINATION)"],
    ['tcp 22 from internet web', "probe: expected 'to' after the source, found 'web' (PROTOCOL PORT from SOURCE to DESTINATION)"],
    ['tcp 22 from internet', "probe: expected 'to' after the source, found nothing (PROTOCOL PORT from SOURCE to DESTINATION)"],
    ['tcp 22 from internet to', "probe: expected a destination after 'to': an instance ID, a Name tag, an IPv4 address or internet"],
    ['tcp 22 from internet to web now', "probe: unexpected 'now' after the destination (PROTOCOL PORT from SOURCE to DESTINATION)"],
    ['tcp 22 from 0.0.0.0/0 to web', "probe: source '0.0.0.0/0' is a range; a probe goes from one host to one host: write one address such as 0.0.0.0, an instance, or internet"],
    ['tcp 22 from 10.0.300.1 to web', "probe: source '10.0.300.1' is not an IPv4 address (four numbers 0-255, e.g. 203.0.113.9)"],
    ['tcp 22 from internet to i-1', "probe: destination 'i-1' is not a well-formed instance ID (i- and 8 or 17 hex digits, e.g. i-0123456789abcdef0)"],
    ['tcp 22 from internet to web --verbose', "probe: unknown option '--verbose' (options: --region REGION, --json)"],
    ['tcp 22 from internet to web --region', 'probe: --region needs a region name, e.g. --region us-east-1'],
    ['tcp 22 from internet to web --region mars-1', "probe: unknown region 'mars-1' (regions: us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-southeast-1)"],
  ])('probe %s', (line, message) => {
    expect(net.console.run(`probe ${line}`.trim())).toEqual({ exitCode: 2, stdout: '', stderr: `${message}\n${USAGE}\n  PROTOCOL is tcp, udp or icmp (for icmp, PORT is the ICMP type: 8 for ping)\n  SOURCE and DESTINATION: an instance ID, an instance's Name tag, an IPv4 address, or internet\n` });
  });

  it('names the instances when none or several match', () => {
    expect(net.console.run('probe tcp 22 from internet to i-0123456789abcdef0')).toEqual({ exitCode: 2, stdout: '', stderr: "probe: destination: no instance 'i-0123456789abcdef0' in us-east-1\n" });
    expect(net.console.run('probe tcp 22 from internet to app').stderr).toBe("probe: destination: no instance named 'app' in us-east-1 that is not terminated (names: db, web); write an instance ID, a Name tag, an IPv4 address or internet\n");
    const again = net.console.run(`aws ec2 run-instances --image-id ${AMI} --instance-type t3.micro --count 1 --tag-specifications ResourceType=instance,Tags=[{Key=Name,Value=web}] --query Instances[0].InstanceId --output text`);
    expect(again.exitCode).toBe(0);
    const second = again.stdout.trim();
    expect(net.console.run('probe tcp 22 from internet to web').stderr).toBe(`probe: destination: 2 instances are named 'web' (${net.web}, ${second}); use an instance ID\n`);
    // A terminated instance no longer answers to its name.
    net.console.run(`aws ec2 terminate-instances --instance-ids ${second}`);
    net.console.run('wait 1m');
    expect(net.console.run('probe tcp 80 from internet to web').exitCode).toBe(0);
  });
});

describe('probe: Tab completion', () => {
  const net = buildNetwork();
  const complete = (line: string) => net.console.complete(line);

  it('offers the protocol, from, to, endpoints and options in turn', () => {
    expect(complete('probe ')).toEqual(['icmp', 'tcp', 'udp']);
    expect(complete('probe tcp 22 f')).toEqual(['from']);
    expect(complete('probe tcp 22 from ')).toEqual([net.db, net.web, 'db', 'internet', 'web'].sort());
    expect(complete('probe tcp 22 from we')).toEqual(['web']);
    expect(complete('probe tcp 22 from web ')).toEqual(['to']);
    expect(complete('probe tcp 22 from web to d')).toEqual(['db']);
    expect(complete('probe tcp 22 from web to db --')).toEqual(['--json', '--region']);
    expect(complete('probe tcp 22 from web to db --region us-w')).toEqual(['us-west-2']);
    expect(complete('probe --region us-east-1 ud')).toEqual(['udp']);
  });
});

describe('probe: the result as data, for the lab screen to draw', () => {
  const net = buildNetwork();

  it('carries the hops, the deciding one, the endpoints and the names of the resources the hops mention', () => {
    const r = net.console.run('probe tcp 22 from 203.0.113.9 to web');
    const view = r.probe!;
    expect(view).toMatchObject({ allowed: false, traffic: 'TCP port 22', from: 'internet 203.0.113.9', to: `${net.web} (web)`, printed: 'text' });
    // The same hops the text report prints, one for one, and the one it marks deciding.
    const lines = r.stdout.trimEnd().split('\n').slice(1);
    expect(view.hops.map((h) => h.detail)).toEqual(lines.map((l) => l.slice(4).replace(/ {3}<- deciding$/, '')));
    expect(view.deciding).toBe(lines.findIndex((l) => l.endsWith('<- deciding')));
    expect(view.hops[view.deciding!]).toMatchObject({ kind: 'security-group-in', decision: 'deny' });
    const webSg = view.hops[view.deciding!]!.resource;
    expect(view.names[webSg]).toBe('web');
    expect(view.names[net.web]).toBe('web');
  });

  it('says when the line printed JSON, and carries nothing for a probe that could not run', () => {
    expect(net.console.run('probe tcp 3306 from web to db --json').probe).toMatchObject({ allowed: true, printed: 'json', from: `${net.web} (web)`, to: `${net.db} (db)` });
    expect(net.console.run('probe tcp 22 from internet to nobody').probe).toBeUndefined();
    expect(net.console.run('aws ec2 describe-vpcs').probe).toBeUndefined();
  });
});
