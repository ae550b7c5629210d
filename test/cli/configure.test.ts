import { describe, expect, it } from 'vitest';
import { runAwsLine } from '../../src/cli/index.js';
import { createWorld } from '../../src/runtime/index.js';
import { EXIT } from '../../src/cli/types.js';
import { memoryFiles } from './support.js';

function session(initial: Record<string, string> = {}) {
  const files = memoryFiles(initial);
  const ctx = { world: createWorld(), files, defaultRegion: 'us-east-1' };
  return { files, run: (line: string) => runAwsLine(line, ctx) };
}

// The layouts below are what /usr/bin/aws (2.9.19) writes and prints with HOME in a scratch folder.
// https://docs.aws.amazon.com/cli/latest/reference/configure/set.html
describe('aws configure set', () => {
  it('writes access keys to .aws/credentials and everything else to .aws/config', () => {
    const { files, run } = session();
    for (const line of [
      'aws configure set aws_access_key_id AKIAEXAMPLE123456789 --profile auditor',
      'aws configure set aws_secret_access_key wJalrXUtnFEMI/K7MDENG --profile auditor',
      'aws configure set region us-east-1 --profile auditor',
      'aws configure set role_arn arn:aws:iam::123456789012:role/R --profile r',
      'aws configure set source_profile auditor --profile r',
      'aws configure set output json',
      'aws configure set profile.x.region eu-west-1',
      'aws configure set default.region us-west-2',
    ]) expect(run(line)).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(files.text('.aws/credentials')).toBe('[auditor]\naws_access_key_id = AKIAEXAMPLE123456789\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG\n');
    expect(files.text('.aws/config')).toBe(
      '[profile auditor]\nregion = us-east-1\n[profile r]\nrole_arn = arn:aws:iam::123456789012:role/R\nsource_profile = auditor\n' +
        '[default]\noutput = json\nregion = us-west-2\n[profile x]\nregion = eu-west-1\n',
    );
  });

  it('changes a key in place when it is set again', () => {
    const { files, run } = session();
    run('aws configure set region us-east-1 --profile a');
    run('aws configure set output text --profile a');
    run('aws configure set region eu-west-2 --profile a');
    expect(files.text('.aws/config')).toBe('[profile a]\nregion = eu-west-2\noutput = text\n');
  });

  it('wants a name and a value', () => {
    const result = session().run('aws configure set region');
    expect(result.exitCode).toBe(EXIT.usage);
    expect(result.stderr).toContain('aws: error: the following arguments are required: value');
  });
});

// https://docs.aws.amazon.com/cli/latest/reference/configure/get.html
describe('aws configure get', () => {
  it('prints a value from either file', () => {
    const { run } = session({ '.aws/credentials': '[auditor]\naws_access_key_id = AKIAEXAMPLE123456789\n', '.aws/config': '[profile auditor]\nregion = eu-west-1\n' });
    expect(run('aws configure get region --profile auditor')).toEqual({ exitCode: 0, stdout: 'eu-west-1\n', stderr: '' });
    expect(run('aws configure get profile.auditor.aws_access_key_id')).toEqual({ exitCode: 0, stdout: 'AKIAEXAMPLE123456789\n', stderr: '' });
  });

  it('prints nothing and exits 1 for a value that is not set', () => {
    expect(session().run('aws configure get region --profile auditor')).toEqual({ exitCode: 1, stdout: '', stderr: '' });
  });
});

// https://docs.aws.amazon.com/cli/latest/reference/configure/list.html
describe('aws configure list', () => {
  const files = { '.aws/credentials': '[auditor]\naws_access_key_id = AKIAEXAMPLE123456789\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG\n', '.aws/config': '[profile auditor]\nregion = us-east-1\n' };

  it('shows the profile, its keys masked and its region, with where each came from', () => {
    expect(session(files).run('aws configure list --profile auditor')).toEqual({
      exitCode: 0,
      stderr: '',
      stdout:
        '      Name                    Value             Type    Location\n' +
        '      ----                    -----             ----    --------\n' +
        '   profile                  auditor           manual    --profile\n' +
        'access_key     ****************6789 shared-credentials-file    \n' +
        'secret_key     ****************DENG shared-credentials-file    \n' +
        '    region                us-east-1      config-file    ~/.aws/config\n',
    });
  });

  it('fails after the profile row for a profile that does not exist', () => {
    expect(session(files).run('aws configure list --profile nosuch')).toEqual({
      exitCode: 255,
      stdout:
        '      Name                    Value             Type    Location\n' +
        '      ----                    -----             ----    --------\n' +
        '   profile                   nosuch           manual    --profile\n',
      stderr: '\nThe config profile (nosuch) could not be found\n',
    });
  });
});

describe('aws configure without a subcommand', () => {
  it('is refused with the non-interactive spelling, since the console cannot answer prompts', () => {
    const result = session().run('aws configure');
    expect(result.exitCode).toBe(255);
    expect(result.stderr).toContain('aws configure set aws_access_key_id AKIA… --profile NAME');
  });
});
