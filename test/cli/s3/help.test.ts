import { describe, expect, it } from 'vitest';
import { REFERENCE, session } from './session.js';

describe(`aws s3 help and the commands awslab leaves out (${REFERENCE}/index.html)`, () => {
  it('prints a command\'s synopsis from the argument table the parser uses', () => {
    const help = session().ok('aws s3 sync help');
    expect(help).toContain('SYNOPSIS\n\n            sync\n          <LocalPath> <S3Uri> or <S3Uri> <LocalPath> or <S3Uri> <S3Uri>\n          [--dryrun]\n');
    expect(help).toContain('          [--delete]\n');
  });

  it('lists the simulated commands', () => {
    expect(session().ok('aws s3 help')).toContain('       o ls\n\n       o cp\n');
  });

  it('says plainly that presign is not simulated', () => {
    expect(session().run('aws s3 presign s3://b/k')).toEqual({
      exitCode: 255,
      stdout: '',
      stderr: '\nawslab does not simulate aws s3 presign: presigned URLs are not part of the simulated S3 yet.\n',
    });
  });
});
