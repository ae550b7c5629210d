import { getCloseMatches } from '../../lib/did-you-mean.js';
import { PythonError, pyFloat, pyInt, pyRepr } from './builtins.js';

/**
 * The AWS CLI parses every command line with Python's argparse (3.11), three times:
 * the main parser takes the global options and the service, the service parser the
 * operation, the operation parser the parameters (awscli/argparser.py). Which word
 * counts as an option, abbreviations (`--buck` for `--bucket`), `--opt=value`, `--`,
 * which words end up "unknown" and in what order, and every error message are
 * argparse's, so this is a port of `_parse_known_args` and the helpers it calls, plus
 * the CLI's override of the invalid-choice message (CLIArgParser._check_value).
 */

/** undefined: exactly one value; '?': zero or one; '*': any; '+': at least one; a number: that many. */
export type Nargs = undefined | '?' | '*' | '+' | number;

export interface ArgAction {
  /** Empty for a positional argument. */
  readonly optionStrings: readonly string[];
  readonly dest: string;
  readonly kind: 'store' | 'store_true' | 'store_false' | 'version';
  readonly nargs?: Nargs;
  required: boolean;
  /** The value before parsing (Python's None is null). */
  readonly default: unknown;
  /** The value of a nargs='?' option given without a value. */
  readonly const?: unknown;
  readonly choices?: readonly string[];
  readonly type?: 'int' | 'float';
  readonly metavar?: string;
  readonly version?: string;
}

/** A parse error: the driver prints the usage banner, then `aws: error: <message>`. */
export class ArgParseError extends Error {}

/** `--version` was given: print this and exit 0 (argparse's version action). */
export class VersionRequested extends Error {}

export interface ParsedArgs {
  readonly values: Record<string, unknown>;
  readonly extras: string[];
}

type OptionTuple = [ArgAction | undefined, string, string | undefined];

const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;

/** The name argparse gives an argument in messages: `--bucket`, `outfile`, `command`. */
export function actionName(action: ArgAction): string {
  if (action.optionStrings.length > 0) return action.optionStrings.join('/');
  return action.metavar ?? action.dest;
}

/** argparse.ArgumentError's text: `argument --bucket: expected one argument`. */
function argumentError(action: ArgAction, message: string): ArgParseError {
  return new ArgParseError(`argument ${actionName(action)}: ${message}`);
}

/** The CLI's invalid-choice message: every choice two per line, then close matches. */
export function invalidChoiceMessage(value: string, choices: readonly string[]): string {
  const lines = ['Invalid choice, valid choices are:\n'];
  for (let i = 0; i < choices.length; i += 2) {
    lines.push(choices.slice(i, i + 2).map((choice) => padRight(choice, 40)).join(' | '));
  }
  const possible = getCloseMatches(value, choices, 3, 0.8);
  if (possible.length > 0) {
    lines.push(`\n\nInvalid choice: ${pyRepr(value)}, maybe you meant:\n`);
    for (const word of possible) lines.push(`  * ${word}`);
  }
  return lines.join('\n');
}

/** Python's '%-40s': pads by characters (code points). */
function padRight(text: string, width: number): string {
  const length = [...text].length;
  return length >= width ? text : text + ' '.repeat(width - length);
}

function nargsPattern(action: ArgAction): string {
  const nargs = action.nargs;
  let pattern: string;
  if (action.kind === 'store_true' || action.kind === 'store_false' || action.kind === 'version') pattern = '(-*-*)';
  else if (nargs === undefined) pattern = '(-*A-*)';
  else if (nargs === '?') pattern = '(-*A?-*)';
  else if (nargs === '*') pattern = '(-*[A-]*)';
  else if (nargs === '+') pattern = '(-*A[A-]*)';
  else pattern = `(-*${Array.from({ length: nargs }, () => 'A').join('-*')}-*)`;
  // An optional's values cannot include '--'.
  if (action.optionStrings.length > 0) pattern = pattern.replace(/-\*/g, '').replace(/-/g, '');
  return pattern;
}

export class ArgumentParser {
  private readonly optionActions = new Map<string, ArgAction>();
  private readonly actions: ArgAction[] = [];

  constructor(actions: readonly ArgAction[]) {
    for (const action of actions) this.add(action);
  }

  /** add_argument with conflict_handler='resolve': a later option string replaces an earlier one. */
  private add(action: ArgAction): void {
    for (const option of action.optionStrings) {
      const previous = this.optionActions.get(option);
      if (previous) {
        this.optionActions.delete(option);
        const remaining = previous.optionStrings.filter((o) => o !== option);
        (previous as { optionStrings: readonly string[] }).optionStrings = remaining;
        if (remaining.length === 0) this.actions.splice(this.actions.indexOf(previous), 1);
      }
    }
    this.actions.push(action);
    for (const option of action.optionStrings) this.optionActions.set(option, action);
  }

  parseKnownArgs(argStrings: readonly string[]): ParsedArgs {
    const values: Record<string, unknown> = {};
    for (const action of this.actions) if (!Object.hasOwn(values, action.dest)) values[action.dest] = action.default;
    return new ParseRun(this, [...argStrings], values).run();
  }

  get allActions(): readonly ArgAction[] {
    return this.actions;
  }

  optionAction(option: string): ArgAction | undefined {
    return this.optionActions.get(option);
  }

  /** argparse's _parse_optional: is this word an option, and which? */
  parseOptional(arg: string): OptionTuple | undefined {
    if (!arg || arg[0] !== '-') return undefined;
    const exact = this.optionActions.get(arg);
    if (exact) return [exact, arg, undefined];
    if (arg.length === 1) return undefined;
    const eq = arg.indexOf('=');
    if (eq >= 0) {
      const action = this.optionActions.get(arg.slice(0, eq));
      if (action) return [action, arg.slice(0, eq), arg.slice(eq + 1)];
    }
    const tuples = this.optionTuples(arg);
    if (tuples.length > 1) {
      throw new ArgParseError(`ambiguous option: ${arg} could match ${tuples.map((t) => t[1]).join(', ')}`);
    }
    if (tuples.length === 1) return tuples[0];
    if (NEGATIVE_NUMBER.test(arg)) return undefined;
    if (arg.includes(' ')) return undefined;
    return [undefined, arg, undefined];
  }

  /** Abbreviations: every option the word is a prefix of (allow_abbrev). */
  private optionTuples(arg: string): OptionTuple[] {
    const result: OptionTuple[] = [];
    if (arg[1] === '-') {
      const eq = arg.indexOf('=');
      const prefix = eq >= 0 ? arg.slice(0, eq) : arg;
      const explicit = eq >= 0 ? arg.slice(eq + 1) : undefined;
      for (const [option, action] of this.optionActions) if (option.startsWith(prefix)) result.push([action, option, explicit]);
    } else {
      const shortPrefix = arg.slice(0, 2);
      const shortExplicit = arg.slice(2);
      for (const [option, action] of this.optionActions) {
        if (option === shortPrefix) result.push([action, option, shortExplicit]);
        else if (option.startsWith(arg)) result.push([action, option, undefined]);
      }
    }
    return result;
  }
}

/** One call of _parse_known_args: its local state and closures become fields and methods. */
class ParseRun {
  private readonly optionIndices = new Map<number, OptionTuple>();
  private pattern = '';
  private readonly extras: string[] = [];
  private readonly seen = new Set<ArgAction>();
  private positionals: ArgAction[];

  constructor(private readonly parser: ArgumentParser, private readonly args: string[], private readonly values: Record<string, unknown>) {
    this.positionals = parser.allActions.filter((a) => a.optionStrings.length === 0);
  }

  run(): ParsedArgs {
    this.classify();
    const maxOptionIndex = this.optionIndices.size > 0 ? Math.max(...this.optionIndices.keys()) : -1;
    let start = 0;
    while (start <= maxOptionIndex) {
      const nextOption = Math.min(...[...this.optionIndices.keys()].filter((i) => i >= start));
      if (start !== nextOption) {
        const end = this.consumePositionals(start);
        if (end > start) {
          start = end;
          continue;
        }
        start = end;
      }
      if (!this.optionIndices.has(start)) {
        this.extras.push(...this.args.slice(start, nextOption));
        start = nextOption;
      }
      start = this.consumeOptional(start);
    }
    const stop = this.consumePositionals(start);
    this.extras.push(...this.args.slice(stop));
    const missing = this.parser.allActions.filter((a) => !this.seen.has(a) && a.required).map(actionName);
    if (missing.length > 0) throw new ArgParseError(`the following arguments are required: ${missing.join(', ')}`);
    return { values: this.values, extras: this.extras };
  }

  /** 'O' for an option, 'A' for an argument, '-' for the first '--' (everything after is 'A'). */
  private classify(): void {
    const parts: string[] = [];
    for (let i = 0; i < this.args.length; i++) {
      const arg = this.args[i] ?? '';
      if (arg === '--') {
        parts.push('-');
        for (i++; i < this.args.length; i++) parts.push('A');
        break;
      }
      const tuple = this.parser.parseOptional(arg);
      if (tuple) {
        this.optionIndices.set(i, tuple);
        parts.push('O');
      } else {
        parts.push('A');
      }
    }
    this.pattern = parts.join('');
  }

  private matchArgument(action: ArgAction, pattern: string): number {
    const match = new RegExp(`^${nargsPattern(action)}`).exec(pattern);
    if (!match) {
      const nargs = action.nargs;
      if (nargs === undefined) throw argumentError(action, 'expected one argument');
      if (nargs === '?') throw argumentError(action, 'expected at most one argument');
      if (nargs === '+') throw argumentError(action, 'expected at least one argument');
      throw argumentError(action, nargs === 1 ? 'expected 1 argument' : `expected ${String(nargs)} arguments`);
    }
    return (match[1] ?? '').length;
  }

  private consumeOptional(start: number): number {
    const [action, optionString, explicit] = this.optionIndices.get(start) ?? [undefined, '', undefined];
    if (!action) {
      this.extras.push(this.args[start] ?? '');
      return start + 1;
    }
    if (explicit !== undefined) {
      const count = this.matchArgument(action, 'A');
      // Every option here is a long one, so a flag given `=value` is an error.
      if (count !== 1) throw argumentError(action, `ignored explicit argument ${pyRepr(explicit)}`);
      this.takeAction(action, [explicit], optionString);
      return start + 1;
    }
    const from = start + 1;
    const count = this.matchArgument(action, this.pattern.slice(from));
    this.takeAction(action, this.args.slice(from, from + count), optionString);
    return from + count;
  }

  private consumePositionals(start: number): number {
    const counts = this.matchPartial(this.positionals, this.pattern.slice(start));
    let index = start;
    counts.forEach((count, i) => {
      const action = this.positionals[i];
      if (!action) return;
      this.takeAction(action, this.args.slice(index, index + count));
      index += count;
    });
    this.positionals = this.positionals.slice(counts.length);
    return index;
  }

  private matchPartial(actions: readonly ArgAction[], pattern: string): number[] {
    for (let i = actions.length; i > 0; i--) {
      const match = new RegExp(`^${actions.slice(0, i).map(nargsPattern).join('')}`).exec(pattern);
      if (match) return match.slice(1).map((group) => (group ?? '').length);
    }
    return [];
  }

  private takeAction(action: ArgAction, argStrings: string[], optionString?: string): void {
    this.seen.add(action);
    const value = this.getValues(action, argStrings);
    if (action.kind === 'version') throw new VersionRequested(action.version ?? '');
    if (action.kind === 'store_true') this.values[action.dest] = true;
    else if (action.kind === 'store_false') this.values[action.dest] = false;
    else this.values[action.dest] = value;
    void optionString;
  }

  private getValues(action: ArgAction, input: string[]): unknown {
    const argStrings = [...input];
    const dashes = argStrings.indexOf('--');
    if (dashes >= 0) argStrings.splice(dashes, 1);
    if (action.kind !== 'store') return undefined;
    if (argStrings.length === 0 && action.nargs === '?') {
      const value = action.optionStrings.length > 0 ? action.const : action.default;
      if (typeof value === 'string') {
        const converted = this.getValue(action, value);
        this.checkValue(action, converted);
        return converted;
      }
      return value;
    }
    if (argStrings.length === 0 && action.nargs === '*' && action.optionStrings.length === 0) {
      const value = action.default ?? argStrings;
      this.checkValue(action, value);
      return value;
    }
    if (argStrings.length === 1 && (action.nargs === undefined || action.nargs === '?')) {
      const value = this.getValue(action, argStrings[0] ?? '');
      this.checkValue(action, value);
      return value;
    }
    const list = argStrings.map((arg) => this.getValue(action, arg));
    for (const value of list) this.checkValue(action, value);
    return list;
  }

  private getValue(action: ArgAction, arg: string): unknown {
    if (action.type === undefined) return arg;
    try {
      return action.type === 'int' ? pyInt(arg) : pyFloat(arg);
    } catch (error) {
      if (error instanceof PythonError) throw argumentError(action, `invalid ${action.type} value: ${pyRepr(arg)}`);
      throw error;
    }
  }

  private checkValue(action: ArgAction, value: unknown): void {
    if (!action.choices || Array.isArray(value)) return;
    if (!action.choices.includes(value as string)) throw argumentError(action, invalidChoiceMessage(String(value), action.choices));
  }
}
