import { UsageError } from './io.js';

export interface FlagSpec {
  /** Flags that take a value (`--seed 7` or `--seed=7`). */
  values?: readonly string[];
  /** Flags that are on or off. */
  booleans?: readonly string[];
}

export interface ParsedArgs {
  positional: string[];
  values: Record<string, string>;
  booleans: Set<string>;
}

/** A small strict parser for awslab's own subcommands: unknown flags are errors, not ignored. */
export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const values: Record<string, string> = {};
  const booleans = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (spec.values?.includes(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      values[name] = value;
    } else if (spec.booleans?.includes(name) && eq === -1) {
      booleans.add(name);
    } else {
      const known = [...(spec.values ?? []), ...(spec.booleans ?? [])].map((f) => `--${f}`);
      throw new UsageError(`unknown option --${name}${known.length ? ` (options here: ${known.join(', ')})` : ''}`);
    }
  }
  return { positional, values, booleans };
}

export function parseSeed(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,10}$/.test(text) || Number(text) > 0xffffffff) throw new UsageError(`--seed must be a whole number from 0 to 4294967295, got '${text}'`);
  return Number(text);
}
