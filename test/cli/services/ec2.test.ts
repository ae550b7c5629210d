import { describe, expect, it } from 'vitest';
import { runAwsLine } from '../../../src/cli/index.js';
import { testContext } from '../support.js';

/**
 * The real AWS CLI v2's EC2 customisations (awscli/customizations/ec2/), checked against
 * /usr/bin/aws 2.9.19: the security group short form (secgroupsimplify.py), run-instances
 * --count (addcount.py), network ACL protocol names (protocolarg.py). Every error here is the
 * CLI's own, printed before any request is sent, exit status 252.
 * https://docs.aws.amazon.com/cli/latest/reference/ec2/authorize-security-group-ingress.html
 * https://docs.aws.amazon.com/cli/latest/reference/ec2/run-instances.html
 */
function account() {
  const ctx = testContext();
  const aws = (line: string) => runAwsLine(line, ctx);
  const json = (line: string): Record<string, unknown> => {
    const result = aws(line);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  };
  const vpc = (json('aws ec2 create-vpc --cidr-block 10.0.0.0/16').Vpc as { VpcId: string }).VpcId;
  const group = (name: string): string => json(`aws ec2 create-security-group --group-name ${name} --description ${name} --vpc-id ${vpc}`).GroupId as string;
  const rules = (groupId: string, egress = false) =>
    (json(`aws ec2 describe-security-group-rules --filters Name=group-id,Values=${groupId}`).SecurityGroupRules as Array<Record<string, unknown>>)
      .filter((r) => r.IsEgress === egress)
      .map(({ IpProtocol, FromPort, ToPort, CidrIpv4, ReferencedGroupInfo }) => ({ IpProtocol, FromPort, ToPort, CidrIpv4, ReferencedGroupInfo }));
  return { aws, json, vpc, group, rules };
}

/** A client-side ParamValidationError: nothing sent, the message framed by blank lines, exit status 252. */
function refused(result: { exitCode: number; stdout: string; stderr: string }, message: string): void {
  expect(result).toMatchObject({ exitCode: 252, stdout: '', stderr: `\n${message}\n` });
}

describe('aws ec2 security group short form (secgroupsimplify.py)', () => {
  it('--protocol tcp --port 22 --cidr adds one ingress rule that describe-security-group-rules shows', () => {
    const { aws, group, rules } = account();
    const web = group('web');
    const added = aws(`aws ec2 authorize-security-group-ingress --group-id ${web} --protocol tcp --port 22 --cidr 203.0.113.0/24`);
    expect(added.exitCode).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ Return: true, SecurityGroupRules: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '203.0.113.0/24' }] });
    expect(rules(web)).toEqual([{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '203.0.113.0/24', ReferencedGroupInfo: undefined }]);
  });

  it('takes a port range N-M, `all` and -1, and protocol `all` as -1', () => {
    const { aws, group, rules } = account();
    const web = group('web');
    expect(aws(`aws ec2 authorize-security-group-ingress --group-id ${web} --protocol udp --port 1000-2000 --cidr 10.0.0.0/8`).exitCode).toBe(0);
    expect(aws(`aws ec2 authorize-security-group-ingress --group-id ${web} --protocol icmp --port -1 --cidr 10.1.0.0/16`).exitCode).toBe(0);
    expect(aws(`aws ec2 authorize-security-group-ingress --group-id ${web} --protocol all --port all --cidr 192.168.0.0/16`).exitCode).toBe(0);
    expect(rules(web)).toEqual([
      { IpProtocol: 'udp', FromPort: 1000, ToPort: 2000, CidrIpv4: '10.0.0.0/8', ReferencedGroupInfo: undefined },
      { IpProtocol: 'icmp', FromPort: -1, ToPort: -1, CidrIpv4: '10.1.0.0/16', ReferencedGroupInfo: undefined },
      { IpProtocol: '-1', FromPort: -1, ToPort: -1, CidrIpv4: '192.168.0.0/16', ReferencedGroupInfo: undefined },
    ]);
  });

  it('--source-group takes a group ID (GroupId) or, failing the sg- prefix, a name (GroupName)', () => {
    const { aws, group, rules } = account();
    const web = group('web');
    const db = group('db');
    expect(aws(`aws ec2 authorize-security-group-ingress --group-id ${db} --protocol tcp --port 3306 --source-group ${web}`).exitCode).toBe(0);
    expect(rules(db)).toEqual([{ IpProtocol: 'tcp', FromPort: 3306, ToPort: 3306, CidrIpv4: undefined, ReferencedGroupInfo: expect.objectContaining({ GroupId: web }) }]);
    // A name goes out as UserIdGroupPairs[0].GroupName (with --group-owner as its UserId): the
    // CLI accepts it and the service answers, since a VPC rule must name the group by ID.
    const byName = aws(`aws ec2 authorize-security-group-ingress --group-id ${db} --protocol tcp --port 5432 --source-group web --group-owner 123456789012`);
    expect(byName.exitCode).toBe(254);
    expect(byName.stderr).toContain('(MissingParameter) when calling the AuthorizeSecurityGroupIngress operation');
  });

  it('revokes and works for egress alike', () => {
    const { aws, group, rules } = account();
    const web = group('web');
    expect(aws(`aws ec2 authorize-security-group-egress --group-id ${web} --protocol tcp --port 443 --cidr 0.0.0.0/0`).exitCode).toBe(0);
    expect(rules(web, true)).toContainEqual({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIpv4: '0.0.0.0/0', ReferencedGroupInfo: undefined });
    expect(aws(`aws ec2 revoke-security-group-egress --group-id ${web} --protocol tcp --port 443 --cidr 0.0.0.0/0`).exitCode).toBe(0);
    expect(rules(web, true)).not.toContainEqual(expect.objectContaining({ FromPort: 443 }));
    expect(aws(`aws ec2 authorize-security-group-ingress --group-id ${web} --protocol 6 --port 80 --cidr 0.0.0.0/0`).exitCode).toBe(0);
    expect(aws(`aws ec2 revoke-security-group-ingress --group-id ${web} --protocol tcp --port 80 --cidr 0.0.0.0/0`).exitCode).toBe(0);
    expect(rules(web)).toEqual([]);
  });

  it('refuses a malformed port, protocol or protocol number with the CLI\'s messages, sending nothing', () => {
    const { aws, group, rules } = account();
    const web = group('web');
    const base = `aws ec2 authorize-security-group-ingress --group-id ${web}`;
    const portMessage = 'port parameter should be of the form <from[-to]> (e.g. 22 or 22-25)';
    refused(aws(`${base} --protocol tcp --port 22-x --cidr 0.0.0.0/0`), portMessage);
    refused(aws(`${base} --protocol tcp --port 22:25 --cidr 0.0.0.0/0`), portMessage);
    refused(aws(`${base} --protocol tcp --port ssh --cidr 0.0.0.0/0`), portMessage);
    refused(aws(`${base} --protocol foo --port 22`), 'protocol parameter should be one of: tcp|udp|icmp|all or any valid protocol number.');
    refused(aws(`${base} --protocol TCP --port 22`), 'protocol parameter should be one of: tcp|udp|icmp|all or any valid protocol number.');
    refused(aws(`${base} --protocol 256`), 'protocol numbers must be in the range 0-255 or -1 to specify all protocols');
    refused(aws(`${base} --protocol -2`), 'protocol numbers must be in the range 0-255 or -1 to specify all protocols');
    expect(rules(web)).toEqual([]);
  });

  it('leaves `--port -1-8` to argparse, which takes it for an option', () => {
    const { aws, group } = account();
    const result = aws(`aws ec2 authorize-security-group-ingress --group-id ${group('web')} --protocol tcp --port -1-8`);
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toContain('aws: error: argument --port: expected one argument');
  });

  it('refuses each short-form option beside --ip-permissions, before parsing either', () => {
    const { aws, group } = account();
    const base = `aws ec2 authorize-security-group-ingress --group-id ${group('web')} --ip-permissions IpProtocol=tcp,FromPort=22,ToPort=22`;
    refused(aws(`${base} --protocol tcp`), 'The --protocol option is not compatible with the --ip-permissions option ');
    refused(aws(`${base} --port 22-x`), 'The --port option is not compatible with the --ip-permissions option ');
    refused(aws(`${base} --cidr 10.0.0.0/8`), 'The --cidr option is not compatible with the --ip-permissions option ');
    refused(aws(`${base} --source-group sg-1`), 'The --source_group option is not compatible with the --ip-permissions option ');
    refused(aws(`${base} --group-owner 1`), 'The --group_owner option is not compatible with the --ip-permissions option ');
    expect(aws(`aws ec2 revoke-security-group-egress --group-id sg-1 --ip-permissions IpProtocol=tcp --cidr 1.0.0.0/8`).stderr)
      .toBe('\nThe --cidr option is not compatible with the --ip-permissions option \n');
  });

  it('documents the short form and hides the members it stands for', () => {
    const { aws } = account();
    const help = aws('aws ec2 authorize-security-group-ingress help').stdout;
    expect(help).toContain('--protocol (string)');
    expect(help).toContain('--port (string)');
    expect(help).toContain('--source-group (string)');
    expect(help).not.toContain('--ip-protocol (string)');
    expect(help).not.toContain('--cidr-ip (string)');
    // As /usr/bin/aws 2.9.19 prints the synopsis: the short form before --cli-input-json.
    expect(help).toMatch(/\[--tag-specifications <value>[^\n]*\s+\[--protocol <value>\]\s+\[--port <value>\]\s+\[--cidr <value>\]\s+\[--source-group <value>\]\s+\[--group-owner <value>\]\s+\[--cli-input-json \| --cli-input-yaml\]/);
  });
});

describe('aws ec2 run-instances --count (addcount.py)', () => {
  function image(json: (line: string) => Record<string, unknown>): string {
    return ((json('aws ec2 describe-images --owners amazon').Images as Array<{ ImageId: string }>)[0] as { ImageId: string }).ImageId;
  }

  it('launches one instance when --count is not given (MinCount and MaxCount default to 1)', () => {
    const { json } = account();
    const ran = json(`aws ec2 run-instances --image-id ${image(json)} --instance-type t3.micro`);
    expect(ran.Instances).toHaveLength(1);
  });

  it('--count N launches N, --count MIN:MAX up to MAX', () => {
    const { json } = account();
    const ami = image(json);
    expect(json(`aws ec2 run-instances --image-id ${ami} --instance-type t3.micro --count 3`).Instances).toHaveLength(3);
    expect(json(`aws ec2 run-instances --image-id ${ami} --instance-type t3.micro --count 1:2`).Instances).toHaveLength(2);
  });

  it('answers a malformed count as the real CLI does (addcount.py never imports ParamValidationError), and --min-count is gone', () => {
    const { aws, json } = account();
    const base = `aws ec2 run-instances --image-id ${image(json)} --instance-type t3.micro`;
    for (const count of ['two', '1:2:3', '1-2', ':3']) {
      expect(aws(`${base} --count ${count}`)).toMatchObject({ exitCode: 255, stdout: '', stderr: "\nname 'ParamValidationError' is not defined\n" });
    }
    const minCount = aws(`${base} --min-count 2`);
    expect(minCount.exitCode).toBe(252);
    expect(minCount.stderr).toContain('Unknown options: --min-count, 2');
    const help = aws('aws ec2 run-instances help').stdout;
    expect(help).toMatch(/\[--disable-api-stop \| --no-disable-api-stop\]\s+\[--count <value>\]\s+\[--secondary-private-ip-addresses <value>\]/);
    expect(help).not.toContain('--max-count');
  });

  it('MaxCount below MinCount is the service\'s error, not the CLI\'s', () => {
    const { aws, json } = account();
    const result = aws(`aws ec2 run-instances --image-id ${image(json)} --instance-type t3.micro --count 3:2`);
    expect(result.exitCode).toBe(254);
    expect(result.stderr).toContain('MaxCount must be at least MinCount');
  });
});

describe('aws ec2 network ACL protocol names (protocolarg.py)', () => {
  it('create-network-acl-entry --protocol tcp sends 6; all sends -1; a number passes as typed', () => {
    const { aws, json, vpc } = account();
    const acl = (json(`aws ec2 create-network-acl --vpc-id ${vpc}`).NetworkAcl as { NetworkAclId: string }).NetworkAclId;
    const entry = (n: number, protocol: string) =>
      aws(`aws ec2 create-network-acl-entry --network-acl-id ${acl} --rule-number ${n} --protocol ${protocol} --port-range From=80,To=80 --egress --cidr-block 0.0.0.0/0 --rule-action allow`);
    expect(entry(100, 'tcp').exitCode).toBe(0);
    expect(entry(110, 'all').exitCode).toBe(0);
    expect(entry(120, '17').exitCode).toBe(0);
    expect(aws(`aws ec2 replace-network-acl-entry --network-acl-id ${acl} --rule-number 120 --protocol icmp --icmp-type-code Code=-1,Type=-1 --egress --cidr-block 0.0.0.0/0 --rule-action deny`).exitCode).toBe(0);
    const entries = ((json(`aws ec2 describe-network-acls --network-acl-ids ${acl}`).NetworkAcls as Array<{ Entries: Array<{ RuleNumber: number; Protocol: string }> }>)[0]?.Entries ?? [])
      .filter((e) => e.RuleNumber < 32767).map((e) => [e.RuleNumber, e.Protocol]);
    expect(entries).toEqual([[100, '6'], [110, '-1'], [120, '1']]);
  });
});

/**
 * Help synopses as /usr/bin/aws 2.9.19 prints them (`aws ec2 OPERATION help`), up to
 * --cli-input-json: clidocs.doc_synopsis_option writes a list as `<value>` like any other
 * argument, a boolean pair as one group (argrename.py's `--enable-api-termination` as the
 * twin), and no brackets round a required group.
 */
describe('aws ec2 help synopsis', () => {
  function synopsis(operation: string): string[] {
    const help = runAwsLine(`aws ec2 ${operation} help`, testContext()).stdout;
    const lines = help.slice(help.indexOf('SYNOPSIS')).split('\n').map((line) => line.trim());
    return lines.slice(1, lines.findIndex((line) => line.startsWith('[--cli-input-json')) + 1);
  }

  it('create-network-acl-entry: the required --egress | --ingress pair, unbracketed', () => {
    expect(synopsis('create-network-acl-entry')).toEqual([
      'create-network-acl-entry', '[--cidr-block <value>]', '[--dry-run | --no-dry-run]', '--egress | --ingress',
      '[--icmp-type-code <value>]', '[--ipv6-cidr-block <value>]', '--network-acl-id <value>', '[--port-range <value>]',
      '--protocol <value>', '--rule-action <value>', '--rule-number <value>', '[--cli-input-json | --cli-input-yaml]',
    ]);
  });

  it('authorize-security-group-ingress: lists as `<value>`, the short form before --cli-input-json', () => {
    expect(synopsis('authorize-security-group-ingress')).toEqual([
      'authorize-security-group-ingress', '[--group-id <value>]', '[--group-name <value>]', '[--ip-permissions <value>]',
      '[--dry-run | --no-dry-run]', '[--tag-specifications <value>]', '[--protocol <value>]', '[--port <value>]', '[--cidr <value>]',
      '[--source-group <value>]', '[--group-owner <value>]', '[--cli-input-json | --cli-input-yaml]',
    ]);
  });

  it('run-instances: --disable-api-termination | --enable-api-termination, and --count after the model arguments', () => {
    const lines = synopsis('run-instances');
    expect(lines).toContain('[--disable-api-termination | --enable-api-termination]');
    expect(lines).toContain('[--security-group-ids <value>]');
    expect(lines.slice(lines.indexOf('[--disable-api-stop | --no-disable-api-stop]'))).toEqual([
      '[--disable-api-stop | --no-disable-api-stop]', '[--count <value>]', '[--secondary-private-ip-addresses <value>]',
      '[--secondary-private-ip-address-count <value>]', '[--associate-public-ip-address | --no-associate-public-ip-address]', '[--cli-input-json | --cli-input-yaml]',
    ]);
    const help = runAwsLine('aws ec2 run-instances help', testContext()).stdout;
    expect(help).toContain('       --disable-api-termination | --enable-api-termination (boolean)\n');
  });
});

/**
 * runinstances.py and toplevelbool.py, as /usr/bin/aws 2.9.19 has them: the interface
 * shortcuts build NetworkInterfaces[0] and move the instance-level subnet and groups into it;
 * `--map-public-ip-on-launch` / `--no-map-public-ip-on-launch` set a boolean Value structure.
 * https://docs.aws.amazon.com/cli/latest/reference/ec2/run-instances.html
 * https://docs.aws.amazon.com/cli/latest/reference/ec2/modify-subnet-attribute.html
 */
describe('aws ec2 run-instances network interface shortcuts (runinstances.py)', () => {
  function setup() {
    const ctx = testContext();
    const aws = (line: string) => runAwsLine(line, ctx);
    const json = (line: string) => JSON.parse(aws(line).stdout) as Record<string, any>;
    const image = json('aws ec2 describe-images --owners amazon').Images[0].ImageId as string;
    const subnet = json('aws ec2 describe-subnets --filters Name=default-for-az,Values=true').Subnets[0].SubnetId as string;
    return { aws, json, image, subnet };
  }

  it('--no-map-public-ip-on-launch, then --associate-public-ip-address with --subnet-id gives the one instance a public address', () => {
    const { aws, json, image, subnet } = setup();
    expect(aws(`aws ec2 modify-subnet-attribute --subnet-id ${subnet} --no-map-public-ip-on-launch`)).toMatchObject({ exitCode: 0, stdout: '' });
    expect(json(`aws ec2 describe-subnets --subnet-ids ${subnet}`).Subnets[0].MapPublicIpOnLaunch).toBe(false);
    const plain = json(`aws ec2 run-instances --image-id ${image} --instance-type t3.micro --subnet-id ${subnet}`).Instances[0];
    expect(plain.PublicIpAddress).toBeUndefined();
    const launched = json(`aws ec2 run-instances --image-id ${image} --instance-type t3.micro --subnet-id ${subnet} --associate-public-ip-address`).Instances[0];
    expect(launched).toMatchObject({ SubnetId: subnet });
    expect(launched.PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(aws(`aws ec2 modify-subnet-attribute --subnet-id ${subnet} --map-public-ip-on-launch`).exitCode).toBe(0);
    expect(json(`aws ec2 describe-subnets --subnet-ids ${subnet}`).Subnets[0].MapPublicIpOnLaunch).toBe(true);
    expect(json(`aws ec2 run-instances --image-id ${image} --instance-type t3.micro --subnet-id ${subnet} --no-associate-public-ip-address`).Instances[0].PublicIpAddress).toBeUndefined();
    expect(aws(`aws ec2 modify-subnet-attribute --subnet-id ${subnet} --map-public-ip-on-launch Value=false`).exitCode).toBe(0);
    expect(json(`aws ec2 describe-subnets --subnet-ids ${subnet}`).Subnets[0].MapPublicIpOnLaunch).toBe(false);
  });

  it('refuses the shortcuts beside --network-interfaces, and --x beside --no-x, before sending anything', () => {
    const { aws, image, subnet } = setup();
    refused(aws(`aws ec2 run-instances --image-id ${image} --network-interfaces DeviceIndex=0,SubnetId=${subnet} --associate-public-ip-address`),
      'Mixing the --network-interfaces option with the simple, scalar options is not supported.');
    refused(aws(`aws ec2 modify-subnet-attribute --subnet-id ${subnet} --map-public-ip-on-launch --no-map-public-ip-on-launch`),
      'Cannot specify both the "--map-public-ip-on-launch" option and the "--no-map-public-ip-on-launch" option.');
  });

  it('--network-interfaces beside --subnet-id is EC2\'s InvalidParameterCombination', () => {
    const { aws, image, subnet } = setup();
    const result = aws(`aws ec2 run-instances --image-id ${image} --instance-type t3.micro --subnet-id ${subnet} --network-interfaces DeviceIndex=0,SubnetId=${subnet}`);
    expect(result.exitCode).toBe(254);
    expect(result.stderr).toContain('An error occurred (InvalidParameterCombination) when calling the RunInstances operation: Network interfaces and an instance-level subnet ID may not be specified on the same request\n');
  });

  it('help shows the shortcuts after --count and the pairs as one group, as /usr/bin/aws 2.9.19 does', () => {
    const { aws } = setup();
    const help = aws('aws ec2 run-instances help').stdout;
    expect(help).toMatch(/\[--count <value>\]\s+\[--secondary-private-ip-addresses <value>\]\s+\[--secondary-private-ip-address-count <value>\]\s+\[--associate-public-ip-address \| --no-associate-public-ip-address\]\s+\[--cli-input-json/);
    expect(help).toContain('       --associate-public-ip-address | --no-associate-public-ip-address (boolean)\n');
    const subnetHelp = aws('aws ec2 modify-subnet-attribute help').stdout;
    expect(subnetHelp).toContain('[--map-public-ip-on-launch | --no-map-public-ip-on-launch]');
    expect(subnetHelp).toContain('       --map-public-ip-on-launch | --no-map-public-ip-on-launch (structure)\n');
  });
});
