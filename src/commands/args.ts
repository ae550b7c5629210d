import { parseArgs as parseNodeArgs } from 'node:util';
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

type NodeOptions = Record<string, { type: 'string' | 'boolean' }>;

/**
 * awslab's own subcommands' flags, parsed by node:util's parseArgs in strict mode: unknown
 * flags are errors, not ignored. Its errors are replaced by ours, which list the flags the
 * command does take.
 */
export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const options: NodeOptions = Object.fromEntries([
    ...(spec.values ?? []).map((name) => [name, { type: 'string' }] as const),
    ...(spec.booleans ?? []).map((name) => [name, { type: 'boolean' }] as const),
  ]);
  try {
    const parsed = parseNodeArgs({ args: [...argv], options, strict: true, allowPositionals: true });
    const values: Record<string, string> = {};
    const booleans = new Set<string>();
    for (const [name, value] of Object.entries(parsed.values)) {
      if (typeof value === 'string') values[name] = value;
      else if (value === true) booleans.add(name);
    }
    return { positional: parsed.positionals, values, booleans };
  } catch (error) {
    if (!(error instanceof TypeError) || !('code' in error) || !String(error.code).startsWith('ERR_PARSE_ARGS_')) throw error;
    throw new UsageError(explain(argv, options, spec));
  }
}

/** Says which flag was wrong and how, by reading the line again without strict checks. */
function explain(argv: readonly string[], options: NodeOptions, spec: FlagSpec): string {
  const { tokens } = parseNodeArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const type = options[token.name]?.type;
    if (type === undefined) {
      const known = [...(spec.values ?? []), ...(spec.booleans ?? [])].map((f) => `--${f}`);
      return `unknown option ${token.rawName}${known.length ? ` (options here: ${known.join(', ')})` : ''}`;
    }
    if (type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-') && token.value !== '-'))) {
      return `${token.rawName} needs a value${token.value === undefined ? '' : ` (to give one starting with a dash, write ${token.rawName}=${token.value})`}`;
    }
    if (type === 'boolean' && token.value !== undefined) return `${token.rawName} takes no value (write ${token.rawName} on its own)`;
  }
  return `could not read the options ${argv.join(' ')}`;
}

export function parseSeed(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,10}$/.test(text) || Number(text) > 0xffffffff) throw new UsageError(`--seed must be a whole number from 0 to 4294967295, got '${text}'`);
  return Number(text);
}
