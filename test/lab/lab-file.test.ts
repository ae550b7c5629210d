import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileErrors } from '../../src/data/yaml-file.js';
import { parseLab } from '../../src/lab/lab-file.js';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

function errorsOf(name: string): string[] {
  try {
    parseLab(fixture(name), name);
  } catch (error) {
    if (error instanceof DataFileErrors) return error.errors.map((e) => e.message);
    throw error;
  }
  return [];
}

describe('lab files', () => {
  it('parses a valid lab, with default hint costs by tier and the check located', () => {
    const lab = parseLab(fixture('valid.yaml'), 'valid.yaml');
    expect(lab.region).toBe('us-east-1');
    expect(lab.tasks[0]!.hints.map((h) => h.cost)).toEqual([1, 4, 5]);
    expect(lab.tasks[0]!.check).toEqual({ type: 'aws', aws: 's3api head-bucket --bucket fx-{{suffix}}', comparison: { kind: 'succeeds' } });
    expect(lab.tasks[0]!.checkAt).toEqual({ line: 19, column: 7 });
    expect(lab.events).toEqual([{ trigger: { after: 'make-bucket' }, run: [], say: 'Well done.' }]);
  });

  it('reports a check query that is not JMESPath where it is written, not as a failing reference solution', () => {
    const text = fixture('valid.yaml').replace('      aws: s3api head-bucket --bucket fx-{{suffix}}\n', '      aws: s3api get-bucket-versioning --bucket fx-{{suffix}}\n      query: "Status[["\n      equals: Enabled\n');
    expect(text).not.toBe(fixture('valid.yaml'));
    expect(() => parseLab(text, 'q.yaml')).toThrow("q.yaml:20:14: query: 'Status[[' is not a valid JMESPath expression: Expected Star, got: Lbracket");
  });

  // One broken thing per file, with the exact message an author sees.
  it.each([
    ['not-format-first.yaml', 'not-format-first.yaml:1:1: the first key of a lab file must be format: 1 (found id)'],
    ['wrong-format.yaml', 'wrong-format.yaml:1:9: format: expected 1, found number 2'],
    ['unknown-key.yaml', "unknown-key.yaml:6:1: unknown key 'colour'"],
    ['bad-level.yaml', 'bad-level.yaml:4:8: level: expected one of "beginner", "intermediate", "advanced", found the text "expert"'],
    ['points-text.yaml', 'points-text.yaml:12:13: tasks[0].points: expected a number, found the text "ten"'],
    ['yaml-syntax.yaml', 'yaml-syntax.yaml:4:1: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['check-two-kinds.yaml', 'check-two-kinds.yaml:19:7: a check has exactly one of aws, used, probe, access, all, any, not; this one has aws and used'],
    ['check-leading-aws.yaml', "check-leading-aws.yaml:19:12: aws: leave out the leading 'aws' (write s3api get-bucket-versioning …)"],
    ['event-unknown-task.yaml', "event-unknown-task.yaml:21:12: after: no task has the id 'make-bucket-2' (tasks: make-bucket)"],
    ['event-two-triggers.yaml', 'event-two-triggers.yaml:21:5: an event has exactly one trigger: after (a task id), at (a time such as 10m) or on (service:Operation); this one has after and at'],
    ['unknown-template.yaml', 'unknown-template.yaml:11:12: unknown template {{sufix}} (templates: {{suffix}}, {{account}}, {{region}}, {{seed}})'],
    ['duplicate-task.yaml', "duplicate-task.yaml:20:9: task id 'make-bucket' is used twice"],
    ['bad-used.yaml', 'bad-used.yaml:19:13: used: expected service:Operation as in IAM, e.g. s3:DeleteObject'],
    ['used-unknown-operation.yaml', "used-unknown-operation.yaml:19:13: used: s3 has no operation 'CreateBuckets' (did you mean 's3:CreateBucket'?)"],
    ['used-unknown-service.yaml', "used-unknown-service.yaml:19:13: used: unknown service 's4' (services: s3, ec2, iam, sts)"],
    ['unknown-topic.yaml', "unknown-topic.yaml:6:21: topics[1]: unknown topic 's3-versionning' (did you mean 's3-versioning'?)"],
    ['note-missing-section.yaml', 'note-missing-section.yaml:17:15: tasks[0].hints[1].note: the note s3-basics.md has no heading with the anchor #buckets-objects-and-key (did you mean #buckets-objects-and-keys?)'],
    ['check-note-missing-section.yaml', 'check-note-missing-section.yaml:20:13: note: the note s3-versioning.md has no heading with the anchor #delete-marker (did you mean #delete-markers?)'],
    ['event-unknown-operation.yaml', "event-unknown-operation.yaml:21:9: on: s3 has no operation 'DeleteObjekt' (did you mean 's3:DeleteObject' or 's3:DeleteObjects'?); the event could never fire"],
    ['probe.yaml', "probe.yaml:19:14: probe: source '0.0.0.0/0' is a range; a probe goes from one host to one host: write one address such as 0.0.0.0, an instance, or internet"],
    ['too-many-hints.yaml', 'too-many-hints.yaml:14:7: tasks[0].hints: at most three tiers (a nudge, the concept, the exact command)'],
  ])('%s: reports its one problem with file:line:col', (name, message) => {
    expect(errorsOf(name)).toEqual([message]);
  });

  it('refuses a lab whose id does not match its folder', () => {
    expect(() => parseLab(fixture('valid.yaml'), 'x/lab.yaml', { folder: 'other' })).toThrow("x/lab.yaml:2:5: the lab id 'fixture-lab' must match its folder name 'other'");
  });

  it('checks note links against the notes it is given', () => {
    const anchors = new Map([['s3-basics', new Set(['buckets'])]]);
    expect(() => parseLab(fixture('note-missing-section.yaml').replace('buckets-objects-and-key', 'buckets'), 'n.yaml', { anchors })).not.toThrow();
    expect(() => parseLab(fixture('note-missing-section.yaml').replace('s3-basics#buckets-objects-and-key', 's3-versioning'), 'n.yaml', { anchors })).toThrow("n.yaml:17:15: tasks[0].hints[1].note: there is no note for topic 's3-versioning' yet");
  });

  it('refuses a file that is not a mapping', () => {
    expect(() => parseLab('- a\n- b\n', 'list.yaml')).toThrow('list.yaml:1:1: a lab file is a mapping that starts with format: 1');
  });
});
