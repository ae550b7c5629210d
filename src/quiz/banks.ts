import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { builtInNotesDir, noteAnchors } from '../data/note-headings.js';
import { DataFileError, DataFileErrors } from '../data/yaml-file.js';
import { normaliseText, parseBank, type Bank, type BankContext, type Question } from './bank-file.js';
import { bankFiles, builtInQuizzesDir } from './bank-folder.js';

export { bankFiles, builtInQuizzesDir } from './bank-folder.js';

export interface LoadedBanks {
  banks: Bank[];
  /** Problems in single files and between files (a question id used twice, the same question twice). */
  errors: DataFileError[];
}

export interface LoadOptions {
  /** Folder of the notes that `note:` links must resolve in; awslab's own notes when left out. */
  notesDir?: string;
}

/** Reads one bank file; throws DataFileErrors for a broken one. */
export function loadBank(path: string, context: BankContext = {}): Bank {
  return parseBank(readFileSync(path, 'utf8'), path, context);
}

/** Parses each file on its own: the good banks, and every problem of the broken ones. */
function parseAll(paths: readonly string[], context: BankContext): LoadedBanks {
  const banks: Bank[] = [];
  const errors: DataFileError[] = [];
  for (const path of paths) {
    try {
      banks.push(loadBank(path, context));
    } catch (error) {
      if (!(error instanceof DataFileErrors)) throw error;
      errors.push(...error.errors);
    }
  }
  return { banks, errors };
}

function contextFor(options: LoadOptions): BankContext {
  return { anchors: noteAnchors(options.notesDir ?? builtInNotesDir()) };
}

/**
 * Reads banks and checks them against each other: a question id names one question in the
 * whole syllabus (review cards and exam history are keyed by it), and no question is asked
 * twice. A broken bank is reported and left out; the others still load.
 */
export function loadBanks(paths: readonly string[], options: LoadOptions = {}): LoadedBanks {
  const { banks, errors } = parseAll(paths, contextFor(options));
  return { banks, errors: [...errors, ...crossBankErrors(banks)] };
}

/** The banks that ship with awslab. */
export function loadBuiltInBanks(): LoadedBanks {
  return loadBanks(bankFiles(builtInQuizzesDir()));
}

function at(q: Question, reason: string): DataFileError {
  return new DataFileError(q.source.file, q.source.line, q.source.column, reason);
}

function where(q: Question, from: string): string {
  return `${relative(from, q.source.file) || q.source.file}:${q.source.line}`;
}

/** Ids used twice and questions asked twice across banks (the second one is reported). */
export function crossBankErrors(banks: readonly Bank[], { only }: { only?: ReadonlySet<string> } = {}): DataFileError[] {
  const errors: DataFileError[] = [];
  const byId = new Map<string, Question>();
  const byText = new Map<string, Question>();
  for (const bank of banks) {
    // Retired questions keep their ids (and text) taken, so they are checked too.
    for (const q of [...bank.questions, ...bank.retired]) {
      const reported = !only || only.has(resolve(q.source.file));
      const sameId = byId.get(q.id);
      const sameText = byText.get(normaliseText(q.question));
      const dir = resolve(q.source.file, '..');
      if (sameId && sameId.source.file !== q.source.file && reported) errors.push(at(q, `id '${q.id}' is already used by a question in ${where(sameId, dir)}; ids are unique across all banks`));
      else if (sameText && sameText.source.file !== q.source.file && reported) errors.push(at(q, `question ${q.id} asks the same as ${sameText.id} in ${where(sameText, dir)}`));
      if (!sameId) byId.set(q.id, q);
      if (!sameText) byText.set(normaliseText(q.question), q);
    }
  }
  return errors;
}

// `awslab validate quizzes/*.yaml` may check the banks one file at a time: the reference
// banks are parsed once per process and again only when a file (or a note) changes.
let referenceCache: { key: string; banks: Bank[] } | undefined;

function signature(dir: string, files: readonly string[]): string {
  return files.map((f) => `${f}:${statSync(f).mtimeMs}:${statSync(f).size}`).join('|') || dir;
}

function referenceBanks(banksDir: string, notesDir: string, context: BankContext): Bank[] {
  const files = bankFiles(banksDir);
  const notes = existsSync(notesDir) ? readdirSync(notesDir).map((n) => join(notesDir, n)) : [];
  const key = `${signature(banksDir, files)}#${signature(notesDir, notes)}`;
  if (referenceCache?.key !== key) referenceCache = { key, banks: parseAll(files, context).banks };
  return referenceCache.banks;
}

export interface ValidateOptions extends LoadOptions {
  /** The banks a file must not clash with (ids, questions); awslab's own when left out. */
  banksDir?: string;
}

/**
 * Validates quiz bank files for `awslab validate`: each file on its own, then against each
 * other and against the banks in `banksDir` (a file there with the same path counts once).
 * Returns every problem, located; an empty list means the files are good.
 */
export function validateQuizFiles(paths: readonly string[], options: ValidateOptions = {}): DataFileError[] {
  const context = contextFor(options);
  const checked = paths.map((p) => resolve(p));
  const { banks, errors } = parseAll(paths, context);
  const reference = referenceBanks(options.banksDir ?? builtInQuizzesDir(), options.notesDir ?? builtInNotesDir(), context).filter((b) => !checked.includes(resolve(b.file)));
  // The checked files come after the reference banks, so a clash is reported in the checked file.
  return [...errors, ...crossBankErrors([...reference, ...banks], { only: new Set(checked) })];
}

/** Validates one quiz bank file (see validateQuizFiles); throws DataFileErrors on any problem. */
export function validateQuizFile(path: string, options: ValidateOptions = {}): Bank {
  const errors = validateQuizFiles([path], options);
  if (errors.length) throw new DataFileErrors(errors);
  return loadBank(path, contextFor(options));
}
