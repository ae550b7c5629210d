import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileErrors } from '../../src/data/yaml-file.js';
import { bankFiles, loadBanks, validateQuizFile, validateQuizFiles } from '../../src/quiz/banks.js';

const fixtures = relative(process.cwd(), join(__dirname, 'fixtures'));
const notesDir = join(fixtures, 'notes');
const clash = join(fixtures, 'clash');
const options = { notesDir, banksDir: clash };

describe('banks checked against each other', () => {
  it('refuses a question id that another bank already uses, pointing at both', () => {
    expect(validateQuizFiles([join(clash, 'second.yaml')], options).map((e) => e.message)).toEqual([
      `${join(clash, 'second.yaml')}:5:9: id 's3-versioning-01' is already used by a question in first.yaml:5; ids are unique across all banks`,
    ]);
  });

  it('refuses a question that another bank already asks (same words, any case or punctuation)', () => {
    expect(validateQuizFiles([join(clash, 'third.yaml')], options).map((e) => e.message)).toEqual([
      `${join(clash, 'third.yaml')}:5:9: question s3-versioning-03 asks the same as s3-versioning-02 in first.yaml:24`,
    ]);
  });

  it('does not compare a checked file with its own copy in the reference folder', () => {
    expect(validateQuizFiles([join(fixtures, 'valid.yaml')], { notesDir, banksDir: fixtures })).toEqual([]);
  });

  it('validateQuizFile returns the bank when it is good and throws DataFileErrors when not', () => {
    expect(validateQuizFile(join(fixtures, 'valid.yaml'), { notesDir, banksDir: fixtures }).questions).toHaveLength(2);
    expect(() => validateQuizFile(join(fixtures, 'banks', 'wrong-domain.yaml'), options)).toThrow(DataFileErrors);
  });

  it('loadBanks keeps the good banks when one is broken, and reports the broken one', () => {
    const { banks, errors } = loadBanks([join(clash, 'first.yaml'), join(fixtures, 'banks', 'bad-difficulty.yaml')], { notesDir });
    expect(banks.map((b) => b.file)).toEqual([join(clash, 'first.yaml')]);
    expect(errors.map((e) => e.line)).toEqual([8]);
  });

  it('bankFiles lists the .yaml files of a folder, sorted', () => {
    expect(bankFiles(clash).map((f) => relative(clash, f))).toEqual(['first.yaml', 'second.yaml', 'third.yaml']);
    expect(bankFiles(join(fixtures, 'missing'))).toEqual([]);
  });
});
