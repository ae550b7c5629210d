import { ArgumentParser, type ArgAction, type Nargs } from '../python/argparse.js';
import { unpackArgument } from '../argprocess.js';
import { paramFailure } from '../errors.js';
import { pyInt } from '../python/builtins.js';
import { shapeOf } from '../shapes.js';
import type { CliContext } from '../types.js';
import type { FilterRule } from './filters.js';

/**
 * The argument tables of the `aws s3` commands (awscli/customizations/s3/subcommands.py),
 * in the CLI's order: argparse lists ambiguous abbreviations in this order, so it shows.
 * Values land under Python's dest names (`dir_op` for --recursive).
 */
interface ArgumentSpec {
  readonly name: string;
  readonly dest?: string;
  readonly action?: 'store_true' | 'store_false';
  readonly nargs?: Nargs;
  readonly choices?: readonly string[];
  readonly const?: string;
  readonly default?: unknown;
}

const flag = (name: string, dest?: string): ArgumentSpec => ({ name, action: 'store_true', ...(dest ? { dest } : {}) });
const value = (name: string, extra: Partial<ArgumentSpec> = {}): ArgumentSpec => ({ name, ...extra });

const RECURSIVE = flag('recursive', 'dir_op');
const DRYRUN = flag('dryrun');
const QUIET = flag('quiet');
const INCLUDE = value('include', { nargs: 1 });
const EXCLUDE = value('exclude', { nargs: 1 });
const ONLY_SHOW_ERRORS = flag('only-show-errors');
const PAGE_SIZE = value('page-size');
const REQUEST_PAYER = value('request-payer', { choices: ['requester'], nargs: '?', const: 'requester' });
const ACLS = ['private', 'public-read', 'public-read-write', 'authenticated-read', 'aws-exec-read', 'bucket-owner-read', 'bucket-owner-full-control', 'log-delivery-write'];
const STORAGE_CLASSES = ['STANDARD', 'REDUCED_REDUNDANCY', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'GLACIER', 'DEEP_ARCHIVE', 'GLACIER_IR'];

const TRANSFER_ARGS: readonly ArgumentSpec[] = [
  DRYRUN, QUIET, INCLUDE, EXCLUDE,
  value('acl', { choices: ACLS }),
  { name: 'follow-symlinks', action: 'store_true', default: true },
  { name: 'no-follow-symlinks', action: 'store_false', dest: 'follow_symlinks', default: true },
  { name: 'no-guess-mime-type', action: 'store_false', dest: 'guess_mime_type', default: true },
  value('sse', { nargs: '?', const: 'AES256', choices: ['AES256', 'aws:kms'] }),
  value('sse-c', { nargs: '?', const: 'AES256', choices: ['AES256'] }),
  value('sse-c-key'),
  value('sse-kms-key-id'),
  value('sse-c-copy-source', { nargs: '?', const: 'AES256', choices: ['AES256'] }),
  value('sse-c-copy-source-key'),
  value('storage-class', { choices: STORAGE_CLASSES }),
  value('grants', { nargs: '+' }),
  value('website-redirect'),
  value('content-type'),
  value('cache-control'),
  value('content-disposition'),
  value('content-encoding'),
  value('content-language'),
  value('expires'),
  value('source-region'),
  ONLY_SHOW_ERRORS,
  { name: 'no-progress', action: 'store_false', dest: 'progress', default: true },
  PAGE_SIZE,
  flag('ignore-glacier-warnings'),
  flag('force-glacier-transfer'),
  REQUEST_PAYER,
];

const METADATA = value('metadata');
const COPY_PROPS = value('copy-props', { choices: ['none', 'metadata-directive', 'default'], default: 'default' });
const METADATA_DIRECTIVE = value('metadata-directive', { choices: ['COPY', 'REPLACE'] });
const TWO_PATHS = value('paths', { nargs: 2 });

/** The sync strategies register their flags after the table (syncstrategy/register.py). */
export const COMMAND_TABLES: Readonly<Record<string, readonly ArgumentSpec[]>> = {
  ls: [value('paths', { nargs: '?', default: 's3://' }), RECURSIVE, PAGE_SIZE, flag('human-readable'), flag('summarize'), REQUEST_PAYER],
  cp: [TWO_PATHS, ...TRANSFER_ARGS, METADATA, COPY_PROPS, METADATA_DIRECTIVE, value('expected-size'), RECURSIVE],
  mv: [TWO_PATHS, ...TRANSFER_ARGS, METADATA, COPY_PROPS, METADATA_DIRECTIVE, RECURSIVE],
  rm: [value('paths', { nargs: 1 }), DRYRUN, QUIET, RECURSIVE, REQUEST_PAYER, INCLUDE, EXCLUDE, ONLY_SHOW_ERRORS, PAGE_SIZE],
  sync: [TWO_PATHS, ...TRANSFER_ARGS, METADATA, COPY_PROPS, METADATA_DIRECTIVE, flag('size-only'), flag('exact-timestamps'), flag('delete')],
  mb: [value('path')],
  rb: [value('path'), flag('force')],
};

function destOf(spec: ArgumentSpec): string {
  return spec.dest ?? spec.name.replace(/-/g, '_');
}

function toAction(spec: ArgumentSpec, positional: boolean): ArgAction {
  const dest = destOf(spec);
  if (spec.action) return { optionStrings: [`--${spec.name}`], dest, kind: spec.action, required: false, default: spec.default ?? spec.action === 'store_false' };
  return {
    optionStrings: positional ? [] : [`--${spec.name}`],
    dest,
    kind: 'store',
    // argparse makes a positional required unless it may be empty.
    required: positional && spec.nargs !== '?',
    default: spec.default ?? null,
    ...(spec.nargs !== undefined ? { nargs: spec.nargs } : {}),
    ...(spec.choices ? { choices: spec.choices } : {}),
    ...(spec.const !== undefined ? { const: spec.const } : {}),
  };
}

/** The parsed arguments of one command, by dest name. */
export class CommandArgs {
  constructor(readonly values: Record<string, unknown>, readonly filters: readonly FilterRule[]) {}

  flag(dest: string): boolean {
    return this.values[dest] === true;
  }

  text(dest: string): string | undefined {
    const v = this.values[dest];
    return typeof v === 'string' ? v : undefined;
  }

  list(dest: string): string[] {
    const v = this.values[dest];
    return Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : [];
  }

  get pageSize(): number | undefined {
    const v = this.values.page_size;
    return typeof v === 'number' ? v : undefined;
  }

  get metadata(): Record<string, string> | undefined {
    const v = this.values.metadata;
    return v && typeof v === 'object' ? (v as Record<string, string>) : undefined;
  }
}

/**
 * BasicCommand.__call__ for one subcommand: argparse, then each value unpacked (an int
 * for --page-size, shorthand or JSON for --metadata), then leftover words are an error.
 */
export function parseCommandArgs(command: string, args: readonly string[], ctx: CliContext): CommandArgs {
  const table = COMMAND_TABLES[command] ?? [];
  const actions = table.map((spec, i) => toAction(spec, i === 0));
  const parser = new ArgumentParser(actions);
  const parsed = parser.parseKnownArgs(args);
  const values = { ...parsed.values };
  if (typeof values.page_size === 'string') values.page_size = pyInt(values.page_size);
  if (values.metadata !== null && values.metadata !== undefined) values.metadata = unpackMetadata(values.metadata, command, ctx);
  // BasicCommand's own message: no usage banner, words joined by a bare comma.
  if (parsed.extras.length > 0) throw paramFailure(`Unknown options: ${parsed.extras.join(',')}`);
  return new CommandArgs(values, filterRules(parser, args));
}

/** --metadata is a map of strings: `key=value,key2=value2`, JSON, or a file:// of either. */
function unpackMetadata(raw: unknown, command: string, ctx: CliContext): unknown {
  const model = ctx.world.service('s3')?.model;
  if (!model) return raw;
  const shape = shapeOf(model, 'Metadata');
  return unpackArgument(
    { model, serviceName: 's3', operation: command, files: ctx.files },
    { name: 'metadata', kind: 'member', shape, required: false, documented: true, dest: 'metadata' },
    raw,
  );
}

/**
 * AppendFilter keeps --exclude and --include in the order they were typed; argparse here
 * keeps only each option's last value, so the rules are read off the words again. The
 * words already parsed, so each filter option is followed by its one value.
 */
function filterRules(parser: ArgumentParser, args: readonly string[]): FilterRule[] {
  const rules: FilterRule[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? '';
    if (word === '--') break;
    const tuple = parser.parseOptional(word);
    const dest = tuple?.[0]?.dest;
    if (dest !== 'exclude' && dest !== 'include') continue;
    const explicit = tuple?.[2];
    if (explicit !== undefined) {
      rules.push([dest, explicit]);
    } else {
      rules.push([dest, args[i + 1] ?? '']);
      i++;
    }
  }
  return rules;
}
