import { describe, expect, it } from 'vitest';
import { runAws, runAwsLine } from '../../src/cli/index.js';
import { VERSION_STRING } from '../../src/cli/globals.js';
import { createWorld, World } from '../../src/runtime/index.js';
import { defineService } from '../../src/runtime/service.js';
import { EXIT } from '../../src/cli/types.js';
import { memoryFiles, testContext } from './support.js';
import { ECHO_MODEL } from './echo-service.js';

const USAGE_HEAD = '\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n\n';

function s3Context() {
  return { world: createWorld(), files: memoryFiles({ 'report.csv': 'region,revenue\neu,100\n' }), defaultRegion: 'us-east-1' };
}

// awscli/argparser.py CLIArgParser._check_value: every choice, two per line, padded to 40,
// then the close matches difflib finds (cutoff 0.8).
describe('commands and operations', () => {
  it('lists the commands awslab has and suggests the near miss', () => {
    const result = runAws(['s3apii'], s3Context());
    expect(result).toEqual({
      exitCode: EXIT.usage,
      stdout: '',
      stderr:
        `${USAGE_HEAD}aws: error: argument command: Invalid choice, valid choices are:\n\n` +
        `configure${' '.repeat(31)} | ec2${' '.repeat(37)}\niam${' '.repeat(37)} | sts${' '.repeat(37)}\ns3api${' '.repeat(35)} | s3${' '.repeat(38)}\nhelp${' '.repeat(36)}\n\n\n` +
        "Invalid choice: 's3apii', maybe you meant:\n\n  * s3api\n\n",
    });
  });

  it('omits the suggestions when nothing is close', () => {
    expect(runAws(['lambda', 'list-functions'], s3Context()).stderr).toBe(
      `${USAGE_HEAD}aws: error: argument command: Invalid choice, valid choices are:\n\nconfigure${' '.repeat(31)} | ec2${' '.repeat(37)}\niam${' '.repeat(37)} | sts${' '.repeat(37)}\ns3api${' '.repeat(35)} | s3${' '.repeat(38)}\nhelp${' '.repeat(36)}\n\n`,
    );
  });

  it("lists a service's operations in the model's order, best suggestions first", () => {
    const { stderr, exitCode } = runAws(['s3api', 'put-bucket-versionin'], s3Context());
    expect(exitCode).toBe(EXIT.usage);
    expect(stderr).toContain(`aws: error: argument operation: Invalid choice, valid choices are:\n\ncreate-bucket${' '.repeat(27)} | delete-bucket`);
    expect(stderr.endsWith("Invalid choice: 'put-bucket-versionin', maybe you meant:\n\n  * put-bucket-versioning\n  * get-bucket-versioning\n\n")).toBe(true);
  });

  it('prints the version line and stops, wherever --version is', () => {
    expect(runAws(['--version'], s3Context())).toEqual({ exitCode: 0, stdout: `${VERSION_STRING}\n`, stderr: '' });
    expect(runAws(['s3api', 'list-buckets', '--version', '--bogus'], s3Context()).stdout).toBe(`${VERSION_STRING}\n`);
    expect(VERSION_STRING).toMatch(/^aws-cli\/2\.\d+\.\d+ .*awslab/);
  });
});

describe('running operations', () => {
  it('calls the simulated service and prints its response', () => {
    const ctx = s3Context();
    expect(runAwsLine('aws s3api create-bucket --bucket reports-1', ctx)).toEqual({ exitCode: 0, stdout: '{\n    "Location": "/reports-1"\n}\n', stderr: '', response: { value: { Location: '/reports-1' } } });
    expect(ctx.world.activity.at(-1)).toMatchObject({ service: 's3', operation: 'CreateBucket', region: 'us-east-1', caller: 'user' });
  });

  it('sends the call to --region and records the console caller', () => {
    const ctx = { ...s3Context(), caller: 'setup' };
    runAwsLine('aws s3api create-bucket --bucket reports-2 --region eu-west-1 --create-bucket-configuration LocationConstraint=eu-west-1', ctx);
    expect(ctx.world.activity.at(-1)).toMatchObject({ operation: 'CreateBucket', region: 'eu-west-1', caller: 'setup' });
  });

  it('exits 254 with the service error on stderr', () => {
    const result = runAwsLine('aws s3api get-bucket-versioning --bucket no-such-bucket-1', s3Context());
    expect(result.exitCode).toBe(EXIT.service);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('An error occurred (NoSuchBucket) when calling the GetBucketVersioning operation');
  });

  it('passes --cli-error-format to the error formatter', () => {
    const result = runAwsLine('aws s3api get-bucket-versioning --bucket no-such-bucket-1 --cli-error-format json', s3Context());
    expect(result.exitCode).toBe(EXIT.service);
    expect(result.stderr).toContain('"Code": "NoSuchBucket"');
  });

  it('writes get-object\'s body to the outfile and leaves it out of the output (customizations/streamingoutputarg.py)', () => {
    const ctx = s3Context();
    runAwsLine('aws s3api create-bucket --bucket reports-3', ctx);
    runAwsLine('aws s3api put-object --bucket reports-3 --key q1.csv --body report.csv', ctx);
    const result = runAwsLine('aws s3api get-object --bucket reports-3 --key q1.csv copy.csv', ctx);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('"ContentLength": 22');
    expect(result.stdout).not.toContain('Body');
    expect(new TextDecoder().decode(ctx.files.readFile('copy.csv'))).toBe('region,revenue\neu,100\n');
  });

  it('writes no outfile when the service fails', () => {
    const ctx = s3Context();
    runAwsLine('aws s3api create-bucket --bucket reports-4', ctx);
    expect(runAwsLine('aws s3api get-object --bucket reports-4 --key nope.csv out.csv', ctx).exitCode).toBe(EXIT.service);
    expect(ctx.files.list()).toEqual(['report.csv']);
  });

  it('prints nothing with --output off', () => {
    expect(runAwsLine('aws s3api list-buckets --output off', s3Context())).toEqual({ exitCode: 0, stdout: '', stderr: '', response: {} });
  });

  it('accepts the global options a real session uses', () => {
    const line = 'aws s3api list-buckets --profile default --debug --no-cli-pager --color off --endpoint-url http://localhost:4566 --no-verify-ssl --cli-read-timeout 0 --cli-auto-prompt';
    expect(runAwsLine(line, s3Context())).toMatchObject({ exitCode: 0, stderr: '' });
  });

  it('reports an unclosed quote as a usage error', () => {
    expect(runAwsLine("aws s3api list-objects-v2 --bucket 'b", s3Context())).toEqual({
      exitCode: EXIT.usage,
      stdout: '',
      stderr: "\nunterminated single quote: the ' at column 36 is never closed\n",
    });
  });

  it('takes a line with or without the leading aws', () => {
    expect(runAwsLine('s3api list-buckets --output off', s3Context()).exitCode).toBe(0);
  });
});

describe('failures inside awslab', () => {
  function brokenWorld(): World {
    const broken = defineService({
      name: 'echo',
      model: ECHO_MODEL,
      createState: () => ({}),
      operations: {
        PutThing: {
          readOnly: false,
          handler: () => {
            throw new TypeError("Cannot read properties of undefined (reading 'x')");
          },
        },
      },
    });
    return new World({ services: [broken] });
  }

  it('reports a crashing handler as an error result, without a stack trace', () => {
    const result = runAws(['echo', 'put-thing', '--name', 'a'], testContext(brokenWorld()));
    expect(result).toEqual({ exitCode: EXIT.general, stdout: '', stderr: "\nawslab internal error: Cannot read properties of undefined (reading 'x')\n" });
  });

  it('says so when an operation is in the model but not simulated', () => {
    const result = runAws(['echo', 'upload', '--key', 'k'], testContext(brokenWorld()));
    expect(result).toEqual({
      exitCode: EXIT.general,
      stdout: '',
      stderr: "\nawslab does not simulate echo upload yet: it is in AWS's model, but the simulated Echo has no handler for Upload.\n",
    });
  });
});

describe('help', () => {
  it('aws help lists the services and the global options', () => {
    const { exitCode, stdout } = runAws(['help'], s3Context());
    expect(exitCode).toBe(0);
    expect(stdout).toContain('AVAILABLE SERVICES\n       o configure (configure the CLI: profiles, access keys, roles)\n\n       o ec2 (Amazon Elastic Compute Cloud)\n\n       o iam (AWS Identity and Access Management)\n\n       o sts (AWS Security Token Service)\n\n       o s3api (Amazon Simple Storage Service)\n');
    expect(stdout).toContain('       --region (string)\n');
  });

  it('aws <service> help lists the operations', () => {
    const { exitCode, stdout } = runAws(['s3api', 'help'], s3Context());
    expect(exitCode).toBe(0);
    expect(stdout).toContain('NAME\n       s3api -\n');
    expect(stdout).toContain('       o put-bucket-versioning\n');
  });

  it('aws <service> <operation> help shows the synopsis, required arguments unbracketed, and the syntaxes', () => {
    const { exitCode, stdout } = runAws(['s3api', 'put-bucket-versioning', 'help'], s3Context());
    expect(exitCode).toBe(0);
    expect(stdout).toContain('DESCRIPTION\n       Sets the versioning state of an existing bucket.');
    expect(stdout).toContain(
      'SYNOPSIS\n           put-bucket-versioning\n         --bucket <value>\n         [--content-md5 <value>]\n         [--checksum-algorithm <value>]\n         [--mfa <value>]\n         --versioning-configuration <value>\n',
    );
    expect(stdout).toContain('Shorthand Syntax:\n\n          MFADelete=string,Status=string\n');
    expect(stdout).toContain('JSON Syntax:\n\n          {\n            "MFADelete": "Enabled"|"Disabled",\n            "Status": "Enabled"|"Suspended"\n          }\n');
  });

  it('marks a paginated operation and shows its paging arguments but not the raw ones', () => {
    const { stdout } = runAws(['s3api', 'list-objects-v2', 'help'], s3Context());
    expect(stdout).toContain('list-objects-v2 is a paginated operation.');
    expect(stdout).toContain('[--starting-token <value>]');
    expect(stdout).toContain('[--fetch-owner | --no-fetch-owner]');
    expect(stdout).not.toContain('--max-keys');
    expect(stdout).not.toContain('--continuation-token');
  });

  it('shows get-object\'s outfile positional', () => {
    expect(runAws(['s3api', 'get-object', 'help'], s3Context()).stdout).toContain('         <outfile>\n');
  });

  it('has the return-codes topic', () => {
    const { stdout } = runAws(['help', 'return-codes'], s3Context());
    expect(stdout).toContain('o 254 -- The command successfully parsed and made a request');
  });
});

describe('get-object outfiles', () => {
  function withObject() {
    const ctx = s3Context();
    runAwsLine('aws s3api create-bucket --bucket reports-5', ctx);
    runAwsLine('aws s3api put-object --bucket reports-5 --key q1.csv --body report.csv', ctx);
    return ctx;
  }

  it('writes into a folder of the learner files', () => {
    const ctx = withObject();
    expect(runAwsLine('aws s3api get-object --bucket reports-5 --key q1.csv ./backup//q1.csv', ctx).exitCode).toBe(0);
    expect(ctx.files.list()).toEqual(['backup/q1.csv', 'report.csv']);
  });

  it('prints the body first for /dev/stdout, as on Linux, and drops it for /dev/null', () => {
    const ctx = withObject();
    const shown = runAwsLine('aws s3api get-object --bucket reports-5 --key q1.csv /dev/stdout --query ContentLength', ctx);
    expect(shown).toEqual({ exitCode: 0, stdout: 'region,revenue\neu,100\n22\n', stderr: '', response: { value: 22 } });
    expect(runAwsLine('aws s3api get-object --bucket reports-5 --key q1.csv /dev/null --query ContentLength', ctx).stdout).toBe('22\n');
    expect(ctx.files.list()).toEqual(['report.csv']);
  });

  it('cannot write over a folder', () => {
    const ctx = withObject();
    runAwsLine('aws s3api get-object --bucket reports-5 --key q1.csv backup/q1.csv', ctx);
    expect(runAwsLine('aws s3api get-object --bucket reports-5 --key q1.csv backup', ctx)).toEqual({ exitCode: EXIT.general, stdout: '', stderr: "\n[Errno 21] Is a directory: 'backup'\n" });
  });
});
