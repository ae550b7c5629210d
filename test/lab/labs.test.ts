import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInLabsDir, labFolders, loadLab } from '../../src/lab/catalog.js';
import { gradeSession } from '../../src/lab/grade.js';
import { proveLab } from '../../src/lab/prove.js';
import { LabSession } from '../../src/lab/session.js';

const labs = labFolders(builtInLabsDir()).map(loadLab);
const byId = (id: string) => labs.find((l) => l.lab.id === id)!;

function play(id: string, lines: string[], seed = 42) {
  const entry = byId(id);
  const session = new LabSession(entry.lab, { seed });
  for (const line of lines) session.run(session.fill(line));
  return gradeSession(session);
}

const points = (grade: ReturnType<typeof gradeSession>) => Object.fromEntries(grade.tasks.map((t) => [t.id, t.points]));

describe('the shipped labs', () => {
  it('include the three S3 versioning labs, the four EC2 networking labs and the two IAM labs', () => {
    expect(labs.map((l) => l.lab.id)).toEqual([
      'ec2-db-tier', 'ec2-lock-down-web', 'ec2-nacl-block', 'ec2-private-subnet', 'iam-least-privilege-auditor', 's3-bucket-policy-role',
      's3-delete-marker-undo', 's3-mfa-delete-suspended', 's3-versioning-recover',
    ]);
  });

  it.each(labs.map((l) => [l.lab.id, l] as const))('%s: a fresh attempt scores 0 and the reference solution full marks, for several seeds', (_id, entry) => {
    for (const seed of [1, 2, 99_999]) {
      const proof = proveLab(entry, seed);
      expect(proof.problems.map((p) => p.message)).toEqual([]);
      expect(proof.empty!.score).toBe(0);
      expect(proof.solved!.score).toBe(proof.solved!.maxScore);
    }
  });
});

describe('s3-versioning-recover', () => {
  it('gives partial marks when the report is restored by re-uploading a look-alike instead of the old version', () => {
    const grade = play('s3-versioning-recover', [
      'aws s3api put-bucket-versioning --bucket reports-{{suffix}} --versioning-configuration Status=Enabled',
      'echo region,revenue > mine.csv',
      'aws s3api put-object --bucket reports-{{suffix}} --key q1-revenue.csv --body mine.csv',
    ]);
    expect(points(grade)).toEqual({ 'enable-versioning': 10, 'inspect-versions': 0, 'restore-report': 0 });
    expect(grade.tasks[2]!.why).toBe('The current q1-revenue.csv is not the original report yet (its ETag differs). Restore the version the export job replaced.');
  });

  it('accepts deleting the bad version as a way to restore', () => {
    const grade = play('s3-versioning-recover', [
      'aws s3api put-bucket-versioning --bucket reports-{{suffix}} --versioning-configuration Status=Enabled',
      'aws s3api delete-object --bucket reports-{{suffix}} --key q1-revenue.csv --version-id $(aws s3api list-object-versions --bucket reports-{{suffix}} --query "Versions[?IsLatest].VersionId" --output text)',
    ]);
    expect(points(grade)).toEqual({ 'enable-versioning': 10, 'inspect-versions': 5, 'restore-report': 15 });
  });
});

describe('s3-delete-marker-undo', () => {
  it('refuses a restore done by uploading the file again, and a draft deleted for good', () => {
    const grade = play('s3-delete-marker-undo', [
      'aws s3api list-object-versions --bucket invoices-{{suffix}}',
      'echo invoice,customer,amount > 2024-12.csv',
      'aws s3api put-object --bucket invoices-{{suffix}} --key 2024-12.csv --body 2024-12.csv',
      'aws s3api delete-object --bucket invoices-{{suffix}} --key draft-2025-01.csv --version-id $(aws s3api list-object-versions --bucket invoices-{{suffix}} --prefix draft --query "Versions[0].VersionId" --output text)',
    ]);
    expect(points(grade)).toEqual({ 'find-marker': 5, 'restore-invoice': 0, 'soft-delete-draft': 0 });
    expect(grade.tasks[1]!.why).toBe('2024-12.csv still has a delete marker in its history. Remove the marker itself (delete it by its version ID).');
    expect(grade.tasks[2]!.why).toBe("The draft's data is gone for good (its version was deleted permanently). Use reset or undo, then delete it without a version ID.");
  });
});

describe('s3-mfa-delete-suspended', () => {
  it('does not pass MFA Delete without the MFA code, and explains the failure', () => {
    const entry = byId('s3-mfa-delete-suspended');
    const session = new LabSession(entry.lab, { seed: 3 });
    const { result } = session.run(session.fill('aws s3api put-bucket-versioning --bucket ledger-{{suffix}} --versioning-configuration Status=Enabled,MFADelete=Enabled'));
    expect(result.exitCode).toBe(254);
    expect(result.stderr).toContain('(AccessDenied) when calling the PutBucketVersioning operation');
    expect(points(gradeSession(session))).toEqual({ 'suspend-scratch': 0, 'null-version': 0, 'enable-mfa-delete': 0 });
  });

  it('counts the null version only after versioning is suspended', () => {
    const grade = play('s3-mfa-delete-suspended', [
      'aws s3api put-object --bucket scratch-{{suffix}} --key notes.txt --body notes.txt',
      'aws s3api put-bucket-versioning --bucket scratch-{{suffix}} --versioning-configuration Status=Suspended',
    ]);
    expect(points(grade)).toEqual({ 'suspend-scratch': 5, 'null-version': 0, 'enable-mfa-delete': 0 });
  });
});

describe('notes and labs', () => {
  it("link both ways: every lab's topics exist as notes, and each of those notes names the lab", () => {
    for (const { lab } of labs) {
      for (const topic of lab.topics) {
        const note = readFileSync(join(builtInLabsDir(), 'notes', `${topic}.md`), 'utf8');
        expect(note, `${topic}.md should mention ${lab.id}`).toContain(`awslab run ${lab.id}`);
      }
    }
  });
});
