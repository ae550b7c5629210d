import { expect } from 'vitest';
import { ConsoleRunner } from '../../src/console/console-runner.js';
import { imagesOf } from '../../src/runtime/ec2/catalogue.js';
import { createWorld } from '../../src/runtime/index.js';

export const AMI = imagesOf('us-east-1')[0]!.ImageId;

export interface Network {
  console: ConsoleRunner;
  web: string;
  db: string;
  webAddress: string;
  dbAddress: string;
}

/** web in a public subnet (HTTP from anywhere, SSH from the office), db in a private one (MySQL from web's group). */
export function buildNetwork(): Network {
  const c = new ConsoleRunner({ world: createWorld({ seed: 7 }) });
  const aws = (line: string, query?: string): string => {
    const r = c.run(`aws ec2 ${line}${query ? ` --query ${query} --output text` : ''}`);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    return r.stdout.trim();
  };
  const vpc = aws('create-vpc --cidr-block 10.0.0.0/16', 'Vpc.VpcId');
  const pub = aws(`create-subnet --vpc-id ${vpc} --cidr-block 10.0.1.0/24 --availability-zone us-east-1a`, 'Subnet.SubnetId');
  const priv = aws(`create-subnet --vpc-id ${vpc} --cidr-block 10.0.2.0/24 --availability-zone us-east-1b`, 'Subnet.SubnetId');
  const igw = aws('create-internet-gateway', 'InternetGateway.InternetGatewayId');
  aws(`attach-internet-gateway --internet-gateway-id ${igw} --vpc-id ${vpc}`);
  const rtb = aws(`create-route-table --vpc-id ${vpc}`, 'RouteTable.RouteTableId');
  aws(`create-route --route-table-id ${rtb} --destination-cidr-block 0.0.0.0/0 --gateway-id ${igw}`);
  aws(`associate-route-table --route-table-id ${rtb} --subnet-id ${pub}`);
  aws(`modify-subnet-attribute --subnet-id ${pub} --map-public-ip-on-launch Value=true`);
  const webSg = aws(`create-security-group --group-name web --description web --vpc-id ${vpc}`, 'GroupId');
  const dbSg = aws(`create-security-group --group-name db --description db --vpc-id ${vpc}`, 'GroupId');
  aws(`authorize-security-group-ingress --group-id ${webSg} --ip-permissions IpProtocol=tcp,FromPort=80,ToPort=80,IpRanges=[{CidrIp=0.0.0.0/0}]`);
  aws(`authorize-security-group-ingress --group-id ${webSg} --ip-permissions IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=198.51.100.0/24}]`);
  aws(`authorize-security-group-ingress --group-id ${dbSg} --ip-permissions IpProtocol=tcp,FromPort=3306,ToPort=3306,UserIdGroupPairs=[{GroupId=${webSg}}]`);
  const run = (subnet: string, sg: string, name: string, extra = '') =>
    aws(`run-instances --image-id ${AMI} --instance-type t3.micro --count 1 --subnet-id ${subnet} --security-group-ids ${sg} --tag-specifications ResourceType=instance,Tags=[{Key=Name,Value=${name}}] ${extra}`, 'Instances[0].[InstanceId,PrivateIpAddress]').split(/\s+/);
  const [web, webAddress] = run(pub, webSg, 'web');
  const [db, dbAddress] = run(priv, dbSg, 'db');
  expect(c.run('wait 30s').exitCode).toBe(0);
  return { console: c, web: web!, db: db!, webAddress: webAddress!, dbAddress: dbAddress! };
}
