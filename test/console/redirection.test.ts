/**
 * `COMMAND > FILE` in the console, for the line AWS documents for saving a new key pair:
 * the output goes to the learner's file and not to the screen; errors still show; the
 * file is written even when the command fails, as a shell writes it.
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-services-ec2-keypairs.html
 */
import { describe, expect, it } from 'vitest';
import { ConsoleRunner } from '../../src/console/console-runner.js';
import { createWorld } from '../../src/runtime/index.js';

const make = () => new ConsoleRunner({ world: createWorld({ seed: 1 }) });

describe('console output redirection', () => {
  it("saves create-key-pair's KeyMaterial to MyKeyPair.pem, which ls and cat then show", () => {
    const c = make();
    const saved = c.run("aws ec2 create-key-pair --key-name MyKeyPair --query 'KeyMaterial' --output text > MyKeyPair.pem");
    expect(saved).toMatchObject({ exitCode: 0, stdout: '', stderr: '' });
    expect(c.run('ls').stdout).toBe('MyKeyPair.pem\n');
    const pem = c.run('cat MyKeyPair.pem').stdout;
    expect(pem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n[^]+\n-----END RSA PRIVATE KEY-----\n$/);
  });

  it('prints the same as the CLI without a redirection, and saves nothing by itself', () => {
    const c = make();
    const printed = c.run("aws ec2 create-key-pair --key-name MyKeyPair --query 'KeyMaterial' --output text");
    expect(printed.stdout).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n[^]+-----END RSA PRIVATE KEY-----\n$/);
    expect(c.run('ls').stdout).toBe('');
  });

  it('keeps errors on the screen and leaves the file empty when the command fails; >> appends', () => {
    const c = make();
    c.run('aws ec2 create-key-pair --key-name dup --query KeyMaterial --output text > dup.pem');
    const again = c.run('aws ec2 create-key-pair --key-name dup --query KeyMaterial --output text > dup.pem');
    expect(again.exitCode).toBe(254);
    expect(again.stderr).toContain("InvalidKeyPair.Duplicate");
    expect(c.run('cat dup.pem').stdout).toBe('');
    c.run('aws ec2 describe-key-pairs --query KeyPairs[].KeyName --output text >> names.txt');
    c.run('aws ec2 describe-key-pairs --query KeyPairs[].KeyName --output text >> names.txt');
    expect(c.run('cat names.txt').stdout).toBe('dup\ndup\n');
  });

  it('refuses a redirection with no file or more than one word after it', () => {
    const c = make();
    expect(c.run('aws ec2 describe-key-pairs >')).toMatchObject({ exitCode: 2, stderr: 'awslab: aws: name exactly one file after > and put it at the end of the line (… > FILE, or >> FILE to append)\n' });
    expect(c.run('aws ec2 describe-key-pairs > a.txt --output text').exitCode).toBe(2);
    expect(c.run('ls').stdout).toBe('');
  });
});
