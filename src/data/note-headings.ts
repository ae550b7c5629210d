import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { packageRoot } from './package-root.js';

/**
 * The headings of a reference note and their anchors. This lives below both quiz/ and
 * notes/ because both need the same answer: a quiz question's `note: topic#anchor` must
 * resolve to exactly the section `awslab notes topic#anchor` shows.
 */

export interface Heading {
  level: number;
  text: string;
  /** The GitHub anchor, unique within the note (a repeated heading gets -1, -2, ...). */
  anchor: string;
  /** 1-based line of the heading in the file. */
  line: number;
}

/** The reference notes that ship with awslab: labs/notes/<topic>.md beside the package. */
export function builtInNotesDir(): string {
  return join(packageRoot(), 'labs', 'notes');
}

/** Heading text as it reads: inline links keep their text, code and emphasis lose their marks. */
export function headingText(raw: string): string {
  return raw
    .replace(/\s+#+\s*$/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim();
}

/**
 * GitHub's anchor for a heading (as github-slugger computes it): lower case, drop every
 * character that is not a letter, a digit, a space, a hyphen or an underscore, then turn
 * each space into a hyphen. "## Delete markers and the null version" becomes
 * "delete-markers-and-the-null-version". No heading in the notes uses an underscore, so
 * this agrees with the content spec's shorter rule (which drops underscores too).
 */
export function githubSlug(text: string): string {
  return headingText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})\s*$/;

/** Calls `visit` for each line outside fenced code blocks, with its 0-based index. */
export function forEachProseLine(lines: readonly string[], visit: (line: string, index: number) => void): void {
  let fence: string | undefined;
  lines.forEach((line, index) => {
    if (fence) {
      // CommonMark: the closing fence uses the same character, at least as many times.
      const close = FENCE_CLOSE.exec(line)?.[1];
      if (close && close[0] === fence[0] && close.length >= fence.length) fence = undefined;
      return;
    }
    fence = FENCE_OPEN.exec(line)?.[1];
    if (!fence) visit(line, index);
  });
}

/** Every ATX heading (`#` to `######`) outside fenced code, with GitHub's unique anchors. */
export function headingsOf(markdown: string): Heading[] {
  const headings: Heading[] = [];
  const seen = new Map<string, number>();
  forEachProseLine(markdown.split(/\r?\n/), (line, index) => {
    const match = /^ {0,3}(#{1,6})[ \t]+(.*)$/.exec(line);
    if (!match) return;
    const text = headingText(match[2]!);
    const base = githubSlug(text);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    headings.push({ level: match[1]!.length, text, anchor: count ? `${base}-${count}` : base, line: index + 1 });
  });
  return headings;
}

/** Topic id to the anchors of its sections (H2 and below: the H1 is the note itself), for every note in a folder. */
export function noteAnchors(dir: string = builtInNotesDir()): Map<string, Set<string>> {
  const anchors = new Map<string, Set<string>>();
  if (!existsSync(dir)) return anchors;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    anchors.set(basename(name, '.md'), new Set(headingsOf(text).filter((h) => h.level > 1).map((h) => h.anchor)));
  }
  return anchors;
}
