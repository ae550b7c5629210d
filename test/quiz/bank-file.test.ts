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
    expect(bank.questions[1]!.source).toEqual({ file: join(fixtures, 'valid.yaml'), line: 23, column: 9 });
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
    ['multiple-without-choose-two.yaml', '28:15: questions[1].question: a multiple question ends with "(Choose two.)"'],
    ['wrong-domain.yaml', "7:13: questions[0].domain: topic 's3-versioning' is in the technology domain, not security"],
    ['id-of-another-topic.yaml', "5:9: questions[0].id: 's3-replication-01' must start with its topic, as in s3-versioning-01"],
    ['duplicate-id.yaml', "23:9: questions[1].id: 's3-versioning-01' is already used by questions[0]"],
    ['unknown-topic.yaml', "2:8: topic: unknown topic 's3-versionning' (did you mean 's3-versioning'?)"],
    ['note-unknown-anchor.yaml', '22:11: questions[0].note: the note s3-versioning.md has no heading with the anchor #versioning-state (did you mean #versioning-states?)'],
    ['note-without-note.yaml', "22:11: questions[0].note: there is no note for topic 's3-replication' yet"],
    ['note-without-anchor.yaml', '22:11: questions[0].note: expected <topic>#<section anchor>, e.g. s3-versioning#delete-markers'],
    ['duplicate-question.yaml', '28:15: questions[1].question: the same question as questions[0] (s3-versioning-01)'],
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
      'two.yaml:31:7: questions[1].options: a single question has exactly 4 options, found 5',
      'two.yaml:31:7: questions[1].options: a single question has exactly 1 correct option (marked correct: true), found 2',
      'two.yaml:27:11: questions[1].type: the question says "(Choose two.)", so its type is multiple',
    ]);
  });
});
