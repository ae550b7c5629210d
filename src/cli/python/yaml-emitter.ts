/**
 * The part of libyaml's emitter that `--output yaml` exercises, ported line for line.
 *
 * The AWS CLI dumps YAML with ruamel.yaml's safe dumper, which hands the events to libyaml
 * (ruamel.yaml.clib). Its choices (when a string needs quotes, which quotes, where a long
 * line folds at column 80, how block collections indent) are libyaml's, so they are
 * reproduced here rather than approximated with the `yaml` package, whose quoting and
 * folding rules differ. Only block collections, empty flow collections and scalars are
 * needed: the CLI's dumper sets default_flow_style=False.
 */

import { isDict, sortedKeys, type PyDict, type PyValue } from './builtins.js';
import { scalarEvent, type ScalarEvent } from '../output/yaml-resolver.js';

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
}

function isBreak(c: number): boolean {
  return c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;
}

function isBlankZ(c: number | undefined): boolean {
  return c === undefined || c === 0 || c === 0x20 || c === 0x09 || isBreak(c);
}

/** libyaml IS_PRINTABLE on UTF-8: no characters above U+FFFF, no U+0085, no BOM. */
function isPrintable(c: number): boolean {
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}

function utf8Length(text: string): number {
  let length = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    length += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return length;
}

function codePoints(text: string): number[] {
  const points: number[] = [];
  for (const ch of text) points.push(ch.codePointAt(0) ?? 0);
  return points;
}

/** yaml_emitter_analyze_scalar, for the flags the block-context style choice reads. */
function analyzeScalar(points: number[]): Analysis {
  if (points.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true };
  let blockIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  const at = (i: number): number | undefined => points[i];
  if ((at(0) === 0x2d && at(1) === 0x2d && at(2) === 0x2d) || (at(0) === 0x2e && at(1) === 0x2e && at(2) === 0x2e)) {
    blockIndicators = true;
  }
  let precededByWhitespace = true;
  let followedByWhitespace = isBlankZ(at(1));
  const last = points.length - 1;
  for (let i = 0; i < points.length; i++) {
    const c = points[i] as number;
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(String.fromCodePoint(c))) blockIndicators = true;
      if ((c === 0x3f || c === 0x3a) && followedByWhitespace) blockIndicators = true;
      if (c === 0x2d && followedByWhitespace) blockIndicators = true;
    } else {
      if (c === 0x3a && followedByWhitespace) blockIndicators = true;
      if (c === 0x23 && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(c)) specialCharacters = true;
    if (isBreak(c)) lineBreaks = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (i === last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankZ(c);
    followedByWhitespace = isBlankZ(at(i + 2));
  }
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (breakSpace) blockPlainAllowed = singleQuotedAllowed = false;
  if (spaceBreak || specialCharacters) blockPlainAllowed = singleQuotedAllowed = false;
  if (lineBreaks) blockPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed };
}

const ASCII = Array.from({ length: 0x80 }, (_, c) => String.fromCharCode(c));

const ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r',
  0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

function hexEscape(c: number): string {
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return `x${hex.padStart(2, '0')}`;
  if (c <= 0xffff) return `u${hex.padStart(4, '0')}`;
  return `U${hex.padStart(8, '0')}`;
}

/**
 * Printable ASCII that needs no quotes and has no indicator: analysis would allow plain
 * style, so such a scalar (most of a response) skips the character-by-character analysis.
 * The first character is no indicator and no space, no ':' or '#' follows, no space ends it.
 */
const SIMPLE_PLAIN = /^[A-Za-z0-9_./(<=~$^;+\\)][\x20-\x7e]*$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const SIMPLE_ANALYSIS: Analysis = { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true };
const QUOTABLE_ANALYSIS: Analysis = { multiline: false, blockPlainAllowed: false, singleQuotedAllowed: true };

function analyzeText(text: string): Analysis {
  if (SIMPLE_PLAIN.test(text) && !text.endsWith(' ') && !text.startsWith('...') && !text.endsWith(':') &&
      !text.includes(': ') && !text.includes(' #')) {
    return SIMPLE_ANALYSIS;
  }
  const analysis = analyzeScalar(codePoints(text));
  // Printable ASCII on one line can always be single-quoted; keep that shared object so
  // emitScalar can take its fast path.
  if (!analysis.blockPlainAllowed && analysis.singleQuotedAllowed && PRINTABLE_ASCII.test(text)) return QUOTABLE_ANALYSIS;
  return analysis;
}

/** The emitter's output and the state libyaml keeps about the current line. */
export class YamlEmitter {
  private out = '';
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];

  /** One document: the node, then the line break that ends it. */
  emitDocument(value: PyValue): string {
    this.emitNode(value, false);
    this.writeIndent();
    return this.out;
  }

  private emitNode(value: PyValue, mappingContext: boolean): void {
    if (Array.isArray(value)) {
      if (value.length === 0) this.emitEmptyFlow('[', ']');
      else this.emitBlockSequence(value, mappingContext);
    } else if (isDict(value)) {
      const keys = sortedKeys(Object.keys(value));
      if (keys.length === 0) this.emitEmptyFlow('{', '}');
      else this.emitBlockMapping(value, keys);
    } else {
      this.emitScalar(scalarEvent(value), false);
    }
  }

  private emitEmptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  private emitBlockSequence(items: PyValue[], mappingContext: boolean): void {
    this.increaseIndent(false, mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.emitNode(item, false);
    }
    this.indent = this.indents.pop() ?? -1;
  }

  /** yaml_emitter_emit_block_mapping_key and _value; a key is simple unless multiline or over 128 bytes. */
  private emitBlockMapping(mapping: PyDict, keys: string[]): void {
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      const event = scalarEvent(key);
      if (!analyzeText(key).multiline && utf8Length(key) <= 128) {
        this.emitScalar(event, true);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.emitScalar(event, false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.emitNode(mapping[key] as PyValue, true);
    }
    this.indent = this.indents.pop() ?? -1;
  }

  /** yaml_emitter_select_scalar_style, then the writer for the chosen style. */
  private emitScalar(scalar: ScalarEvent, simpleKey: boolean): void {
    const text = scalar.text;
    const analysis = analyzeText(text);
    let style: 'plain' | 'single' | 'double' = 'plain';
    if (simpleKey && analysis.multiline) style = 'double';
    if (style === 'plain') {
      if (!analysis.blockPlainAllowed) style = 'single';
      if (text.length === 0 && simpleKey) style = 'single';
      if (!scalar.plainImplicit) style = 'single';
    }
    if (style === 'single' && !analysis.singleQuotedAllowed) style = 'double';
    this.increaseIndent(true, false);
    const allowBreaks = !simpleKey;
    if (style === 'plain' && analysis === SIMPLE_ANALYSIS && (!allowBreaks || this.column + text.length <= BEST_WIDTH)) {
      // ASCII, so one column per character, and no space can reach column 81: no fold.
      if (!this.whitespace) this.put(' ');
      this.put(text);
      this.whitespace = false;
      this.indention = false;
    } else if (style === 'single' && (analysis === SIMPLE_ANALYSIS || analysis === QUOTABLE_ANALYSIS) &&
        !text.includes("'") && (!allowBreaks || this.column + text.length + 1 <= BEST_WIDTH)) {
      // The same for a quoted scalar: "'" and the text, none of it a quote to double.
      this.writeIndicator("'", true, false, false);
      this.put(text);
      this.writeIndicator("'", false, false, false);
      this.whitespace = false;
      this.indention = false;
    } else if (style === 'plain') {
      this.writePlain(codePoints(text), allowBreaks);
    } else if (style === 'single') {
      this.writeSingleQuoted(codePoints(text), allowBreaks);
    } else {
      this.writeDoubleQuoted(codePoints(text), allowBreaks);
    }
    this.indent = this.indents.pop() ?? -1;
  }

  private writePlain(points: number[], allowBreaks: boolean): void {
    if (!this.whitespace && points.length > 0) this.put(' ');
    let spaces = false;
    for (let i = 0; i < points.length; i++) {
      const c = points[i] as number;
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && points[i + 1] !== 0x20) this.writeIndent();
        else this.write(c);
        spaces = true;
      } else {
        this.write(c);
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(points: number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    const last = points.length - 1;
    for (let i = 0; i < points.length; i++) {
      const c = points[i] as number;
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== last && points[i + 1] !== 0x20) {
          this.writeIndent();
        } else {
          this.write(c);
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.write(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    if (breaks) this.writeIndent();
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(points: number[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    let spaces = false;
    const last = points.length - 1;
    for (let i = 0; i < points.length; i++) {
      const c = points[i] as number;
      if (!isPrintable(c) || c === 0xfeff || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put('\\');
        this.put(ESCAPES[c] ?? hexEscape(c));
        spaces = false;
      } else if (c === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== last) {
          this.writeIndent();
          if (points[i + 1] === 0x20) this.put('\\');
        } else {
          this.write(c);
        }
        spaces = true;
      } else {
        this.write(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) this.put(' '.repeat(indent - this.column));
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** ASCII text whose length is its width in columns. */
  private put(text: string): void {
    this.out += text;
    this.column += text.length;
  }

  private write(c: number): void {
    this.out += c < 0x80 ? ASCII[c] : String.fromCodePoint(c);
    this.column += 1;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  private writeBreak(c: number): void {
    if (c === 0x0a) {
      this.putBreak();
      return;
    }
    this.out += String.fromCodePoint(c);
    this.column = 0;
  }
}
