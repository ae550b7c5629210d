import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteAnchors } from '../../src/data/note-headings.js';
import { DataFileErrors } from '../../src/data/yaml-file.js';
import { parseBank } from '../../src/quiz/bank-file.js';

// One broken thing per fixture file, each with the exact located message an author sees.
const fixtures = relative(process.cwd(), join(__dirname, 'fixtures'));
const anchors = noteAnchors(join(fixtures, 'notes'));

function parse(path: string) {
  return parseBank(readFileSync(path, 'utf8'), path, { anchors });
}

function problems(name: string): string[] {
  const path = join(fixtures, 'banks', name);
  try {
    parse(path);
  } catch (error) {
    if (error instanceof DataFileErrors) return error.errors.map((e) => e.message.replace(`${path}:`, ''));
    throw error;
  }
  return [];
}

describe('parseBank', () => {
  it('reads a valid bank: questions, options with correct flags, and where each question starts', () => {
    const bank = parse(join(fixtures, 'valid.yaml'));
    expect(bank.topic).toBe('s3-versioning');
    expect(bank.questions.map((q) => [q.id, q.type, q.options.length])).toEqual([
      ['s3-versioning-01', 'single', 4],
      ['s3-versioning-02', 'multiple', 5],
    ]);
    expect(bank.questions[0]!.options.map((o) => o.correct)).toEqual([false, true, false, false]);
    expect(bank.questions[0]!.question).toBe('Versioning was enabled on a bucket a year ago. What can the team do to stop new versions?');
    expect(bank.questions.map((q) => [q.sourceUrl, q.beyondExam, q.task])).toEqual([
      ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/manage-versioning-examples.html', undefined, undefined],
      ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/RestoringPreviousVersions.html', undefined, '3.6'],
    ]);
    expect(bank.retired).toEqual([]);
    expect(bank.questions[1]!.source).toEqual({ file: join(fixtures, 'valid.yaml'), line: 24, column: 9 });
  });

  const cases: Array<[string, string]> = [
    ['yaml-syntax.yaml', '12:5: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['format-not-first.yaml', '1:1: the first key of a quiz bank must be format: 1 (found topic)'],
    ['unknown-key.yaml', "22:5: questions[0]: unknown key 'explanation'"],
    ['missing-why.yaml', '13:9: questions[0].options[0].why: required, expected text'],
    ['bad-difficulty.yaml', '8:17: questions[0].difficulty: expected one of "easy", "medium", "hard", found the text "tough"'],
    ['correct-false.yaml', '14:18: questions[0].options[0].correct: only correct: true is written; leave it out on a wrong option'],
    ['single-two-correct.yaml', '13:7: questions[0].options: a single question has exactly 1 correct option (marked correct: true), found 2'],
    ['single-three-options.yaml', '13:7: questions[0].options: a single question has exactly 4 options, found 3'],
    ['multiple-without-choose-two.yaml', '29:15: questions[1].question: a multiple question ends with "(Choose two.)"'],
    ['wrong-domain.yaml', "7:13: questions[0].domain: topic 's3-versioning' is in the technology domain, not security"],
    ['id-of-another-topic.yaml', "5:9: questions[0].id: 's3-replication-01' must start with its topic, as in s3-versioning-01"],
    ['duplicate-id.yaml', "24:9: questions[1].id: 's3-versioning-01' is already used by questions[0]"],
    ['unknown-topic.yaml', "2:8: topic: unknown topic 's3-versionning' (did you mean 's3-versioning'?)"],
    ['note-unknown-anchor.yaml', '22:11: questions[0].note: the note s3-versioning.md has no heading with the anchor #versioning-state (did you mean #versioning-states?)'],
    ['note-without-note.yaml', "22:11: questions[0].note: there is no note for topic 's3-replication' yet"],
    ['note-without-anchor.yaml', '22:11: questions[0].note: expected <topic>#<section anchor>, e.g. s3-versioning#delete-markers'],
    ['duplicate-question.yaml', '29:15: questions[1].question: the same question as questions[0] (s3-versioning-01)'],
    ['duplicate-option.yaml', '20:15: questions[0].options[3].text: the same option text appears twice'],
    ['no-questions.yaml', '4:12: questions: a bank needs at least one question'],
  ];

  it.each(cases)('%s: %s', (name, message) => {
    expect(problems(name)).toEqual([message]);
  });

  it('reports every problem of a file in one pass', () => {
    const text = readFileSync(join(fixtures, 'valid.yaml'), 'utf8').replace('domain: technology', 'domain: billing').replace('difficulty: medium', 'difficulty: medium\n    type: single').replace('    type: multiple\n', '');
    const error = (() => {
      try {
        parseBank(text, 'two.yaml', { anchors });
      } catch (e) {
        return e as DataFileErrors;
      }
    })();
    expect(error).toBeInstanceOf(DataFileErrors);
    expect(error!.errors.map((e) => e.message)).toEqual([
      "two.yaml:7:13: questions[0].domain: topic 's3-versioning' is in the technology domain, not billing",
      'two.yaml:32:7: questions[1].options: a single question has exactly 4 options, found 5',
      'two.yaml:32:7: questions[1].options: a single question has exactly 1 correct option (marked correct: true), found 2',
      'two.yaml:28:11: questions[1].type: the question says "(Choose two.)", so its type is multiple',
    ]);
  });

  describe('source, exam, task and retired', () => {
    const valid = readFileSync(join(fixtures, 'valid.yaml'), 'utf8');
    const firstSource = '    source: https://docs.aws.amazon.com/AmazonS3/latest/userguide/manage-versioning-examples.html\n';
    function messages(text: string, context: { requireSource?: boolean } = {}): string[] {
      try {
        parseBank(text, 'b.yaml', { anchors, ...context });
      } catch (error) {
        if (error instanceof DataFileErrors) return error.errors.map((e) => e.message);
        throw error;
      }
      return [];
    }
    const withFirstSource = (line: string) => valid.replace(firstSource, line);

    it('a missing source is an error once sources are required, located at the note it belongs after', () => {
      const text = withFirstSource('');
      expect(messages(text, { requireSource: true })).toEqual([
        'b.yaml:22:11: questions[0].source: required after note: the https:// address of the AWS documentation page the answer rests on, e.g. source: https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html',
      ]);
      expect(messages(text, { requireSource: false })).toEqual([]);
      expect(messages(text)).toHaveLength(1);
    });

    it.each([
      ['http://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html', "'http://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html' must use https://, as AWS's own pages do"],
      ['https://en.wikipedia.org/wiki/Amazon_S3', "'https://en.wikipedia.org/wiki/Amazon_S3' is on en.wikipedia.org; a source is AWS's own page, on docs.aws.amazon.com, aws.amazon.com or another *.amazon.com or *.aws host"],
      ['https://docs.aws.amazon.com.example.net/s3', "'https://docs.aws.amazon.com.example.net/s3' is on docs.aws.amazon.com.example.net; a source is AWS's own page, on docs.aws.amazon.com, aws.amazon.com or another *.amazon.com or *.aws host"],
      ['docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html', "'docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html' is not a web address; expected one such as https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html"],
      ['"https://docs.aws.amazon.com/Amazon S3/Versioning.html"', "'https://docs.aws.amazon.com/Amazon S3/Versioning.html' has a space in it; a web address has none (write %20 if the page's address really holds one)"],
      ['42', 'expected the https:// address of the AWS page the answer rests on, e.g. https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html'],
    ])('source: %s is refused', (value, message) => {
      expect(messages(withFirstSource(`    source: ${value}\n`))).toEqual([`b.yaml:23:13: questions[0].source: ${message}`]);
    });

    it.each(['https://aws.amazon.com/premiumsupport/plans/', 'https://repost.aws/knowledge-center/ec2-instance-hibernate', 'https://calculator.aws/#/', 'https://docs.aws.amazon.com/whitepapers/latest/aws-overview/introduction.html'])('source: %s is an AWS page', (value) => {
      expect(messages(withFirstSource(`    source: ${value}\n`))).toEqual([]);
    });

    it('source goes right after note', () => {
      const text = withFirstSource('').replace('    difficulty: easy\n', `    difficulty: easy\n${firstSource}`);
      expect(messages(text)).toEqual(['b.yaml:9:13: questions[0].source: write source: on the line right after note:, where reviewers look for it']);
    });

    it('exam: true, retired: false and an unknown task are refused with what to write instead', () => {
      const text = valid.replace('    task: 3.6', '    exam: true\n    retired: false\n    task: 3.9');
      expect(messages(text)).toEqual([
        'b.yaml:46:11: questions[1].exam: only exam: false is written (the question is beyond the Cloud Practitioner exam); leave it out otherwise',
        'b.yaml:47:14: questions[1].retired: only retired: true is written (the question is no longer asked and its id stays taken); leave it out otherwise',
        "b.yaml:48:11: questions[1].task: '3.9' is not a CLF-C02 exam guide task; expected one of 1.1, 1.2, 1.3, 1.4, 2.1, 2.2, 2.3, 2.4, 3.1, 3.2, 3.3, 3.4, 3.5, 3.6, 3.7, 3.8, 4.1, 4.2, 4.3",
      ]);
    });

    it('exam: false marks a question beyond the exam', () => {
      const bank = parseBank(valid.replace('    task: 3.6', '    exam: false'), 'b.yaml', { anchors });
      expect(bank.questions.map((q) => q.beyondExam)).toEqual([undefined, true]);
    });

    it('a retired question is kept apart: not asked, its id still taken', () => {
      const bank = parseBank(valid.replace(firstSource, `${firstSource}    retired: true\n`), 'b.yaml', { anchors });
      expect(bank.questions.map((q) => q.id)).toEqual(['s3-versioning-02']);
      expect(bank.retired.map((q) => [q.id, q.retired])).toEqual([['s3-versioning-01', true]]);
      const reused = valid.replace(firstSource, `${firstSource}    retired: true\n`).replace('id: s3-versioning-02', 'id: s3-versioning-01');
      expect(messages(reused)).toEqual(["b.yaml:25:9: questions[1].id: 's3-versioning-01' is already used by questions[0]"]);
    });
  });
});
