import type { ArgAction } from './python/argparse.js';
import { ERROR_FORMATS, OUTPUT_FORMATS, type ErrorFormat, type OutputFormat } from './output/index.js';

/**
 * The global options (awscli/data/cli.json), which the main parser takes from anywhere
 * on the line, and what they resolve to. `aws s3 …` commands receive them too.
 */
export interface GlobalOptions {
  /** --region, else the console's default region. */
  readonly region: string;
  readonly output: OutputFormat;
  /** --query, a JMESPath expression applied to the response before formatting. */
  readonly query?: string;
  /** False with --no-paginate (or when a raw paging parameter turned pagination off). */
  readonly paginate: boolean;
  readonly errorFormat: ErrorFormat;
  /** Accepted and checked for a scheme; the simulated cloud answers whatever the URL. */
  readonly endpointUrl?: string;
  /** The profile whose credentials sign the command (profiles.ts); absent, the console's own. */
  readonly profile?: string;
  readonly debug: boolean;
  readonly verifySsl: boolean;
  /** False with --no-sign-request: the request goes unsigned, as the public's would. */
  readonly signRequest: boolean;
  readonly color: 'on' | 'off' | 'auto';
  readonly cliBinaryFormat: 'base64' | 'raw-in-base64-out';
  readonly readTimeoutSeconds: number;
  readonly connectTimeoutSeconds: number;
  readonly noCliPager: boolean;
}

export const COLOR_CHOICES = ['on', 'off', 'auto'] as const;
export const BINARY_FORMAT_CHOICES = ['base64', 'raw-in-base64-out'] as const;

/** The version line `aws --version` prints. */
export const VERSION_STRING = 'aws-cli/2.9.19 Python/3.11.2 awslab/simulation source/awslab prompt/off';

function flag(name: string, dest: string, kind: 'store_true' | 'store_false'): ArgAction {
  return { optionStrings: [`--${name}`], dest, kind, required: false, default: kind === 'store_false' };
}

function option(name: string, dest: string, choices?: readonly string[], defaultValue: unknown = null): ArgAction {
  return { optionStrings: [`--${name}`], dest, kind: 'store', required: false, default: defaultValue, ...(choices ? { choices } : {}) };
}

/**
 * The main parser's actions in cli.json order, then `--version` (which argparse's
 * conflict handler moves to the end), then the `command` positional.
 * --cli-error-format comes from newer v2 releases; the others are 2.9's.
 */
export function globalActions(commands: readonly string[]): ArgAction[] {
  return [
    flag('debug', 'debug', 'store_true'),
    option('endpoint-url', 'endpoint_url'),
    flag('no-verify-ssl', 'verify_ssl', 'store_false'),
    flag('no-paginate', 'paginate', 'store_false'),
    option('output', 'output', OUTPUT_FORMATS),
    option('query', 'query'),
    option('profile', 'profile'),
    option('region', 'region'),
    option('color', 'color', COLOR_CHOICES, 'auto'),
    flag('no-sign-request', 'sign_request', 'store_false'),
    option('ca-bundle', 'ca_bundle'),
    option('cli-read-timeout', 'read_timeout'),
    option('cli-connect-timeout', 'connect_timeout'),
    option('cli-binary-format', 'cli_binary_format', BINARY_FORMAT_CHOICES),
    flag('no-cli-pager', 'no_cli_pager', 'store_true'),
    flag('cli-auto-prompt', 'cli_auto_prompt', 'store_true'),
    flag('no-cli-auto-prompt', 'no_cli_auto_prompt', 'store_true'),
    option('cli-error-format', 'cli_error_format', ERROR_FORMATS),
    { optionStrings: ['--version'], dest: 'version', kind: 'version', required: false, default: null, version: VERSION_STRING },
    { optionStrings: [], dest: 'command', kind: 'store', required: true, default: null, choices: commands },
  ];
}

/** One line per global option for help: name and what it does. */
export const GLOBAL_OPTION_HELP: ReadonlyArray<[string, string, string]> = [
  ['--debug', 'boolean', 'Turn on debug logging (accepted; awslab prints no debug log).'],
  ['--endpoint-url', 'string', "Override command's default URL with the given URL."],
  ['--no-verify-ssl', 'boolean', 'By default, the AWS CLI uses SSL when communicating with AWS services.'],
  ['--no-paginate', 'boolean', 'Disable automatic pagination.'],
  ['--output', 'string', `The formatting style for command output: ${OUTPUT_FORMATS.join(', ')}.`],
  ['--query', 'string', 'A JMESPath query to use in filtering the response data.'],
  ['--profile', 'string', 'Use a specific profile from your credential file.'],
  ['--region', 'string', 'The region to use. Overrides config/env settings.'],
  ['--version', 'string', 'Display the version of this tool.'],
  ['--color', 'string', 'Turn on/off color output: on, off, auto.'],
  ['--no-sign-request', 'boolean', 'Do not sign requests. Credentials will not be loaded if this argument is provided.'],
  ['--ca-bundle', 'string', 'The CA certificate bundle to use when verifying SSL certificates.'],
  ['--cli-read-timeout', 'int', 'The maximum socket read time in seconds (default 60).'],
  ['--cli-connect-timeout', 'int', 'The maximum socket connect time in seconds (default 60).'],
  ['--cli-binary-format', 'string', 'The formatting style to be used for binary blobs: base64, raw-in-base64-out.'],
  ['--no-cli-pager', 'boolean', 'Disable cli pager for output.'],
  ['--cli-auto-prompt', 'boolean', 'Automatically prompt for CLI input parameters.'],
  ['--no-cli-auto-prompt', 'boolean', 'Disable automatically prompt for CLI input parameters.'],
  ['--cli-error-format', 'string', `The formatting style for error output: ${ERROR_FORMATS.join(', ')}.`],
];
