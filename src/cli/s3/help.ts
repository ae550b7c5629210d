import { wrapText } from '../../lib/wrap.js';
import { COMMAND_TABLES } from './arguments.js';

/**
 * `aws s3 help` and `aws s3 <command> help`: the NAME, DESCRIPTION and SYNOPSIS sections
 * of the CLI's man pages as plain text, from the same argument tables the parser uses.
 * The full pages are at https://docs.aws.amazon.com/cli/latest/reference/s3/.
 */
const INDENT = '       ';

const DESCRIPTIONS: Readonly<Record<string, [string, string]>> = {
  ls: ['<S3Uri> or NONE', 'List S3 objects and common prefixes under a prefix or all S3 buckets. Note that the --output and --no-paginate arguments are ignored for this command.'],
  cp: ['<LocalPath> <S3Uri> or <S3Uri> <LocalPath> or <S3Uri> <S3Uri>', 'Copies a local file or S3 object to another location locally or in S3.'],
  mv: ['<LocalPath> <S3Uri> or <S3Uri> <LocalPath> or <S3Uri> <S3Uri>', 'Moves a local file or S3 object to another location locally or in S3.'],
  rm: ['<S3Uri>', 'Deletes an S3 object.'],
  sync: [
    '<LocalPath> <S3Uri> or <S3Uri> <LocalPath> or <S3Uri> <S3Uri>',
    'Syncs directories and S3 prefixes. Recursively copies new and updated files from the source directory to the destination. Only creates folders in the destination if they contain one or more files.',
  ],
  mb: ['<S3Uri>', 'Creates an S3 bucket.'],
  rb: [
    '<S3Uri>',
    'Deletes an empty S3 bucket. A bucket must be completely empty of objects and versioned objects before it can be deleted. However, the --force parameter can be used to delete the non-versioned objects in the bucket before the bucket is deleted.',
  ],
};

function wrap(text: string): string {
  return `${wrapText(text.split(/\s+/).join(' '), 79 - INDENT.length).map((line) => INDENT + line).join('\n')}\n`;
}

export function s3Help(): string {
  return [
    'NAME\n',
    `${INDENT}s3 -\n`,
    'DESCRIPTION\n',
    wrap('This section explains prominent concepts and notations in the set of high-level S3 commands provided. awslab simulates ls, cp, mv, rm, sync, mb and rb against the simulated S3 and your working folder.'),
    'SYNOPSIS\n',
    `${INDENT}aws s3 <Command> [<Arg> ...]\n`,
    'AVAILABLE COMMANDS\n',
    Object.keys(DESCRIPTIONS).map((name) => `${INDENT}o ${name}\n`).join('\n'),
  ].join('\n');
}

export function s3CommandHelp(command: string): string {
  const [usage, description] = DESCRIPTIONS[command] ?? ['', `aws s3 ${command} is not simulated by awslab.`];
  const options = (COMMAND_TABLES[command] ?? []).slice(1).map((spec) => {
    if (spec.action) return `[--${spec.name}]`;
    return `[--${spec.name} <value>]`;
  });
  return [
    'NAME\n',
    `${INDENT}${command} -\n`,
    'DESCRIPTION\n',
    wrap(description),
    'SYNOPSIS\n',
    `${INDENT}     ${command}\n${[usage, ...options].map((line) => `${INDENT}   ${line}`).join('\n')}\n`,
    `See https://docs.aws.amazon.com/cli/latest/reference/s3/${command}.html for every option.\n`,
  ].join('\n');
}
