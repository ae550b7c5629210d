import { ArgumentParser } from './python/argparse.js';
import { generalFailure } from './errors.js';
import { CONFIG_FILE, keySource, readProfile, writeSetting } from './config-files.js';
import type { GlobalOptions } from './globals.js';
import type { TopLevelCommand } from './services/index.js';
import { EXIT, type CliContext, type CliResult } from './types.js';

/**
 * `aws configure set|get|list` (awscli/customizations/configure/): the learner's profiles, kept
 * in `.aws/config` and `.aws/credentials` in the working folder. The interactive form (no
 * subcommand) prompts on a terminal the console does not have, so it is refused with the
 * non-interactive spelling.
 * https://docs.aws.amazon.com/cli/latest/reference/configure/
 */
const SUBCOMMANDS = ['list', 'get', 'set', 'add-model'] as const;

export const CONFIGURE_COMMAND: TopLevelCommand = {
  name: 'configure',
  title: 'configure the CLI: profiles, access keys, roles',
  subcommands: SUBCOMMANDS,
  run: (args, ctx, globals) => runConfigure(args, ctx, globals),
};

function runConfigure(args: readonly string[], ctx: CliContext, globals: GlobalOptions): CliResult {
  const parser = new ArgumentParser([{ optionStrings: [], dest: 'subcommand', kind: 'store', nargs: '?', required: false, default: null, choices: [...SUBCOMMANDS] }]);
  const parsed = parser.parseKnownArgs(args);
  const subcommand = parsed.values.subcommand;
  const rest = [...args];
  if (typeof subcommand === 'string') rest.splice(rest.indexOf(subcommand), 1);
  switch (subcommand) {
    case 'set':
      return configureSet(rest, ctx, globals);
    case 'get':
      return configureGet(rest, ctx, globals);
    case 'list':
      return configureList(ctx, globals);
    case 'add-model':
      throw generalFailure('awslab does not simulate aws configure add-model: the simulated services come with their models.');
    default:
      throw generalFailure(
        'aws configure asks its questions one by one on a terminal, which the console cannot answer. Set each value instead: ' +
          'aws configure set aws_access_key_id AKIA… --profile NAME, then aws_secret_access_key the same way (or role_arn and source_profile for a role).',
      );
  }
}

/** `profile.NAME.key`, `default.key` or a bare `key` for --profile (or default). */
function qualified(varname: string, globals: GlobalOptions): { profile: string; key: string } {
  const parts = varname.split('.');
  if (parts[0] === 'profile' && parts.length === 3) return { profile: parts[1]!, key: parts[2]! };
  if (parts[0] === 'default' && parts.length === 2) return { profile: 'default', key: parts[1]! };
  return { profile: globals.profile ?? 'default', key: varname };
}

function positionals(args: readonly string[], names: readonly string[]): Record<string, string> {
  const parser = new ArgumentParser(names.map((dest) => ({ optionStrings: [], dest, kind: 'store' as const, required: true, default: null })));
  const parsed = parser.parseKnownArgs(args);
  if (parsed.extras.length > 0) throw generalFailure(`Unknown options: ${parsed.extras.join(', ')}`);
  return parsed.values as Record<string, string>;
}

function configureSet(args: readonly string[], ctx: CliContext, globals: GlobalOptions): CliResult {
  const { varname, value } = positionals(args, ['varname', 'value']);
  const { profile, key } = qualified(varname!, globals);
  writeSetting(ctx.files, profile, key, value!);
  return { exitCode: EXIT.ok, stdout: '', stderr: '' };
}

/** Prints the value; a key that is not set prints nothing and exits 1, as the CLI does. */
function configureGet(args: readonly string[], ctx: CliContext, globals: GlobalOptions): CliResult {
  const { varname } = positionals(args, ['varname']);
  const { profile, key } = qualified(varname!, globals);
  const value = readProfile(ctx.files, profile)?.get(key);
  return value === undefined ? { exitCode: 1, stdout: '', stderr: '' } : { exitCode: EXIT.ok, stdout: `${value}\n`, stderr: '' };
}

function row(name: string, value: string, type: string, location: string): string {
  return `${name.padStart(10)} ${value.padStart(24)} ${type.padStart(16)}    ${location}\n`;
}

/** ConfigureListCommand: the profile, the keys (masked to their last four characters) and the region. */
function configureList(ctx: CliContext, globals: GlobalOptions): CliResult {
  let out = row('Name', 'Value', 'Type', 'Location') + row('----', '-----', '----', '--------');
  const profile = globals.profile;
  out += profile === undefined ? row('profile', '<not set>', 'None', 'None') : row('profile', profile, 'manual', '--profile');
  const settings = readProfile(ctx.files, profile ?? 'default');
  // The CLI prints the rows it got to before it fails.
  if (profile !== undefined && !settings) return { exitCode: EXIT.general, stdout: out, stderr: `\nThe config profile (${profile}) could not be found\n` };
  for (const [name, key] of [['access_key', 'aws_access_key_id'], ['secret_key', 'aws_secret_access_key']] as const) {
    const value = settings?.get(key);
    const source = keySource(ctx.files, profile ?? 'default', key);
    out += value === undefined || !source ? row(name, '<not set>', 'None', 'None') : row(name, `****************${value.slice(-4)}`, source, '');
  }
  const region = settings?.get('region');
  out += region === undefined ? row('region', '<not set>', 'None', 'None') : row('region', region, 'config-file', `~/${CONFIG_FILE}`);
  return { exitCode: EXIT.ok, stdout: out, stderr: '' };
}
