import { stripVTControlCharacters } from 'node:util';
import { Marked, type Tokens } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { padToWidth, visibleWidth, wrapText } from '../lib/wrap.js';

/**
 * Markdown for the terminal: marked parses, marked-terminal styles. Four of marked-terminal's
 * pieces are replaced because they do not hold up with marked 15 or in a narrow terminal:
 * - tight list items lost their inline marks (`**bold**` printed as is) and were never
 *   wrapped, so lists are rendered here, wrapped to the width;
 * - tables were as wide as their longest cell, so they are drawn here, with cells wrapped so
 *   that the table fits the width;
 * - links to other notes (`[S3 replication](s3-replication.md)`) say which command opens them;
 * - code spans are styled here (marked-terminal's hide colons behind a marker only its own
 *   paragraphs undo).
 * Headings use marked-terminal's options: no "# " marks; in plain text, underlined.
 * Plain output (not a terminal, NO_COLOR, TERM=dumb) has no escape codes at all.
 */

export interface RenderOptions {
  /** Columns to wrap to (default 80, at least 40). */
  width?: number;
  /** ANSI styles; false gives plain text. */
  color: boolean;
}

export interface TerminalFacts {
  stdoutIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  columns?: number;
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org) or TERM is dumb. */
export function renderOptionsFor(facts: TerminalFacts): RenderOptions {
  const color = facts.stdoutIsTTY && !facts.env.NO_COLOR && facts.env.TERM !== 'dumb';
  const fromEnv = Number(facts.env.COLUMNS);
  const width = facts.columns && facts.columns > 0 ? facts.columns : Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 80;
  return { width, color };
}

const identity = (text: string) => text;
/** A plain heading is underlined (= for the title, - below it), as setext Markdown writes it. */
const underline = (mark: string) => (text: string) => `${text}\n${mark.repeat(Math.max(...text.split('\n').map(visibleWidth)))}`;
const PLAIN_STYLES = {
  ...Object.fromEntries(['code', 'blockquote', 'html', 'hr', 'listitem', 'table', 'paragraph', 'strong', 'em', 'codespan', 'del', 'link', 'href', 'text'].map((k) => [k, identity])),
  firstHeading: underline('='),
  heading: underline('-'),
};
const YELLOW = (text: string) => `\u001b[33m${text}\u001b[39m`;

const BOLD = (text: string) => `\u001b[1m${text}\u001b[22m`;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const tidy = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);

/**
 * Column widths that fit `width`: each column as wide as its longest cell, then the widest
 * shrunk first, never below its longest word. Undefined when even that does not fit.
 */
function fitColumns(natural: number[], longestWord: number[], width: number): number[] | undefined {
  const widths = [...natural];
  const room = width - (3 * widths.length + 1);
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > room) {
    const shrinkable = widths.map((w, c) => (w > longestWord[c]! ? w : -1));
    const widest = shrinkable.indexOf(Math.max(...shrinkable));
    if (shrinkable[widest]! < 0) return undefined;
    widths[widest]!--;
    total--;
  }
  return widths;
}

function drawGrid(rows: string[][], widths: number[], color: boolean): string {
  const rule = (l: string, m: string, r: string) => `${l}${widths.map((w) => '─'.repeat(w + 2)).join(m)}${r}`;
  const out = [rule('┌', '┬', '┐')];
  rows.forEach((row, i) => {
    const cells = widths.map((w, c) => wrapText(row[c] ?? '', w, { hard: true }));
    const height = Math.max(...cells.map((lines) => lines.length));
    for (let l = 0; l < height; l++) {
      const parts = cells.map((lines, c) => {
        const text = lines[l] ?? '';
        const padded = padToWidth(text, widths[c]!);
        return i === 0 && color ? BOLD(padded) : padded;
      });
      out.push(`│ ${parts.join(' │ ')} │`);
    }
    out.push(i === rows.length - 1 ? rule('└', '┴', '┘') : rule('├', '┼', '┤'));
  });
  return `${out.join('\n')}\n\n`;
}

/**
 * A table too wide for the terminal, one record per row: the first cell as a title, then
 * "Header: value" lines. Easier to read than columns cut mid-word.
 */
function drawRecords(rows: string[][], width: number, color: boolean): string {
  const [header, ...body] = rows;
  const blocks = body.map((row) => {
    const title = row[0] ?? '';
    const fields = row.slice(1).flatMap((cell, c) => {
      const name = header![c + 1] ?? '';
      return wrapText(`${name}: ${cell}`, width - 4).map((line, l) => `${l === 0 ? '  ' : '    '}${line}`);
    });
    return [color ? BOLD(title) : title, ...fields].join('\n');
  });
  return `${blocks.join('\n\n')}\n\n`;
}

function drawTable(rows: string[][], width: number, color: boolean): string {
  const columns = rows[0]!.length;
  const column = (c: number) => rows.map((r) => r[c] ?? '');
  const natural = Array.from({ length: columns }, (_, c) => Math.max(1, ...column(c).map(visibleWidth)));
  const longestWord = (cap: number) => Array.from({ length: columns }, (_, c) => Math.min(cap, Math.max(1, ...column(c).flatMap((cell) => cell.split(' ').map(visibleWidth)))));
  // No word is cut when the columns fit their longest words; when they do not, words are cut
  // only down to 12 characters (long ARNs, URLs, API names).
  const widths = fitColumns(natural, longestWord(Infinity), width) ?? fitColumns(natural, longestWord(12), width);
  return widths ? drawGrid(rows, widths, color) : drawRecords(rows, width, color);
}

/** `[text](other-topic.md#anchor)` points at another note: show the command that opens it. */
function noteLink(href: string): string | undefined {
  const match = /^([a-z0-9-]+)\.md(#[\w-]+)?$/.exec(href);
  return match ? `awslab notes ${match[1]}${match[2] ?? ''}` : undefined;
}

function createMarked(width: number, color: boolean): Marked {
  const marked = new Marked();
  // showSectionPrefix off: headings are styled (colour, or underlined in plain text), not
  // printed with their Markdown "# " marks.
  marked.use(markedTerminal({ ...(color ? {} : PLAIN_STYLES), width, reflowText: true, emoji: false, tab: 2, showSectionPrefix: false }));
  let depth = 0;
  marked.use({
    renderer: {
      text(token) {
        return 'tokens' in token && token.tokens ? tidy(this.parser.parseInline(token.tokens)) : false;
      },
      list(token: Tokens.List) {
        depth++;
        try {
          const lines: string[] = [];
          token.items.forEach((item, i) => {
            const marker = token.ordered ? `${(Number(token.start) || 1) + i}. ` : '* ';
            const room = Math.max(20, width - 2 * depth - marker.length);
            const body = item.tokens.flatMap((child) => {
              if (child.type === 'list') return this.parser.parse([child]).replace(/\n+$/, '').split('\n');
              const rendered = tidy(this.parser.parse([child], false)).trim();
              return child.type === 'text' || child.type === 'paragraph' ? wrapText(rendered.replace(/\n/g, ' '), room) : rendered.split('\n');
            });
            body.forEach((line, l) => lines.push(`${l === 0 ? marker : ' '.repeat(marker.length)}${line}`.trimEnd()));
          });
          return depth === 1 ? `${lines.map((l) => `  ${l}`).join('\n')}\n\n` : `${lines.join('\n')}\n`;
        } finally {
          depth--;
        }
      },
      // marked-terminal's own code span swaps each colon for a marker (against emoji codes, which
      // are off here) that only its paragraphs undo: styled here, code spans need no undoing.
      codespan(token: Tokens.Codespan) {
        const text = tidy(token.text);
        return color ? YELLOW(text) : text;
      },
      table(token: Tokens.Table) {
        const cell = (c: Tokens.TableCell) => tidy(this.parser.parseInline(c.tokens)).replace(/\s+/g, ' ').trim();
        return drawTable([token.header.map(cell), ...token.rows.map((row) => row.map(cell))], width, color);
      },
      link(token: Tokens.Link) {
        const text = tidy(this.parser.parseInline(token.tokens));
        const target = noteLink(token.href);
        if (target) return `${text} (${target})`;
        if (color) return false;
        return text === token.href ? text : `${text} (${token.href})`;
      },
    },
  });
  return marked;
}

/** Renders Markdown for a terminal `width` columns wide, styled or plain. */
export function renderMarkdown(markdown: string, options: RenderOptions): string {
  const width = Math.max(40, options.width ?? 80);
  const out = createMarked(width, options.color).parse(markdown, { async: false });
  const text = `${out.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
  return options.color ? text : stripVTControlCharacters(text);
}
