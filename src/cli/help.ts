import type { OperationModel, ServiceModel } from '../runtime/model.js';
import { wrapText } from '../lib/wrap.js';
import { cliName, type CliArgument } from './arguments.js';
import { GLOBAL_OPTION_HELP } from './globals.js';
import { supportsShorthand } from './argprocess.js';
import { isScalar, listMemberOf, mapKeyOf, mapValueOf, membersOf, documentationOf, shapeOf, type ArgShape } from './shapes.js';

/**
 * Help pages: the sections of the CLI's man pages (NAME, DESCRIPTION, SYNOPSIS,
 * OPTIONS, OUTPUT) as plain text, from the same model the parser uses
 * (awscli/clidocs.py). Descriptions are the first paragraph of AWS's documentation.
 */
const INDENT = '       ';
const WIDTH = 79;

function wrap(text: string, indent: string): string {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.split(/\s+/).filter(Boolean).join(' '));
  return paragraphs.map((p) => (p ? wrapText(p, WIDTH - indent.length).map((line) => `${indent}${line}\n`).join('') : '')).join('\n');
}

function bullet(text: string): string {
  return wrap(text, `${INDENT}  `).replace(`${INDENT}  `, `${INDENT}o `);
}

/** A man-page section: the title, then its body, then a blank line. */
function section(title: string, body: string): string {
  return `${title.toUpperCase()}\n${body.replace(/\n*$/, '\n')}\n`;
}

export interface HelpCommand {
  readonly command: string;
  readonly title: string;
}

/** `aws help`. */
export function providerHelp(commands: readonly HelpCommand[]): string {
  return [
    section('Name', `${INDENT}aws -`),
    section(
      'Description',
      wrap("The AWS Command Line Interface is a unified tool to manage your AWS services. This is awslab's simulation of the AWS CLI v2: the commands below answer from a simulated AWS account, offline.", INDENT),
    ),
    section(
      'Synopsis',
      `${INDENT}   aws [options] <command> <subcommand> [parameters]\n\n` +
        wrap('Use aws command help for information on a specific command. Use aws help topics to view a list of available help topics. The synopsis for each command shows its parameters and their usage. Optional parameters are shown in square brackets.', INDENT),
    ),
    section('Global Options', globalOptions()),
    section('Available Services', commands.map((c) => `${INDENT}o ${c.command}${c.title ? ` (${c.title})` : ''}\n`).join('\n')),
  ].join('');
}

function globalOptions(): string {
  return GLOBAL_OPTION_HELP.map(([name, type, text]) => `${INDENT}${name} (${type})\n\n${wrap(text, INDENT)}`).join('');
}

/** `aws <service> help`. */
export function serviceHelp(command: string, model: ServiceModel, operations: readonly string[]): string {
  return [
    section('Name', `${INDENT}${command} -`),
    section('Description', wrap(`${model.metadata.serviceFullName} (API version ${model.metadata.apiVersion}), as simulated by awslab.`, INDENT)),
    section('Available Commands', operations.map((name) => `${INDENT}o ${name}\n`).join('\n')),
  ].join('');
}

/** `aws <service> wait help` (waiters.py WaitCommand): the waiters, one subcommand each. */
export function waitHelp(waiters: readonly string[]): string {
  return [
    section('Name', `${INDENT}wait -`),
    section('Description', wrap('Wait until a particular condition is satisfied. Each subcommand polls an API until the listed requirement is met.', INDENT)),
    section('Available Commands', waiters.map((name) => `${INDENT}o ${name}\n`).join('\n')),
  ].join('');
}

/** `aws help topics` and the topics it lists. */
export const HELP_TOPICS: Readonly<Record<string, string>> = {
  topics: [
    section('Name', `${INDENT}AWS CLI Topic Guide -`),
    section('Available Topics', `${INDENT}o return-codes: Describes the various return codes of the AWS CLI`),
  ].join(''),
  'return-codes': [
    section('Name', `${INDENT}return-codes -`),
    section(
      'Description',
      [
        wrap('These are the return codes the AWS CLI (and awslab) gives a command:', INDENT),
        bullet('0 -- The command was successful. There were no errors thrown by either the CLI or by the service the request was made to.'),
        bullet('1 -- Limited to s3 commands, at least one or more s3 transfers failed for the command executed.'),
        bullet('252 -- Command syntax was invalid, an unknown parameter was provided, or a parameter value was incorrect and prevented the command from running.'),
        bullet('253 -- The system environment or configuration was invalid.'),
        bullet('254 -- The command successfully parsed and made a request to the specified service but the service returned an error.'),
        bullet('255 -- General catch-all error. The command may have parsed correctly but an unspecified runtime error occurred in the command.'),
      ].join(''),
    ),
  ].join(''),
};

/** clidocs.doc_synopsis_option: a list is `<value>` like any other; a boolean pair is one group. */
function synopsisLine(argument: CliArgument, table: readonly CliArgument[]): string | undefined {
  if (!argument.documented || argument.negative || argument.kind === 'cli-input-yaml') return undefined;
  if (argument.kind === 'outfile') return '<outfile>';
  if (argument.kind === 'cli-input-json') return '[--cli-input-json | --cli-input-yaml]';
  if (argument.pairedWith) return `[--${argument.name} | --${argument.pairedWith}]`;
  const text = argument.kind === 'boolean' ? booleanPair(argument, table) : `${cliName(argument)} <value>`;
  return argument.required ? text : `[${text}]`;
}

/** `--x | --no-x`, or the renamed twin argrename.py gives (`--disable-api-termination | --enable-api-termination`). */
function booleanPair(argument: CliArgument, table: readonly CliArgument[]): string {
  const twin = table.find((a) => a.negative && a.dest === argument.dest);
  return `--${argument.name} | --${twin?.name ?? `no-${argument.name}`}`;
}

/** `aws <service> <operation> help`. */
export function operationHelp(name: string, model: ServiceModel, operation: OperationModel, table: readonly CliArgument[], serviceName: string): string {
  const description = [operation.documentation ?? ''];
  const paginator = operation.paginator;
  if (paginator) {
    const keys = Array.isArray(paginator.result_key) ? paginator.result_key : [paginator.result_key];
    description.push(
      `${name} is a paginated operation. Multiple API calls may be issued in order to retrieve the entire data set of results. You can disable pagination by providing the --no-paginate argument. When using --output text and the --query argument on a paginated response, the --query argument must extract data from the results of the following query expressions: ${keys.join(', ')}`,
    );
  }
  const synopsis = table.map((a) => synopsisLine(a, table)).filter((line): line is string => line !== undefined);
  const globals = GLOBAL_OPTION_HELP.map(([option, type]) => (type === 'boolean' ? `[${option}]` : `[${option} <value>]`));
  return [
    section('Name', `${INDENT}${name} -`),
    section('Description', wrap(description.join('\n\n'), INDENT)),
    section('Synopsis', `${INDENT}    ${name}\n${[...synopsis, ...globals].map((line) => `${INDENT}  ${line}`).join('\n')}`),
    section('Options', table.filter((a) => a.documented && !a.negative && a.kind !== 'cli-input-yaml').map((a) => optionDoc(model, a, table, serviceName, name)).join('\n')),
    section('Global Options', wrap("See 'aws help' for descriptions of global parameters.", INDENT)),
    section('Output', outputDoc(model, operation)),
  ].join('');
}

function typeName(shape: ArgShape | undefined): string {
  return shape?.type ?? 'string';
}

function optionDoc(model: ServiceModel, argument: CliArgument, table: readonly CliArgument[], serviceName: string, operation: string): string {
  const sub = `${INDENT}   `;
  switch (argument.kind) {
    case 'outfile':
      return `${INDENT}outfile (string)\n${wrap('Filename where the content will be saved', sub)}`;
    case 'cli-input-json':
      return `${INDENT}--cli-input-json | --cli-input-yaml (string)\n${wrap('Reads arguments from the JSON (or YAML) string provided. The JSON string follows the format provided by --generate-cli-skeleton. If other arguments are provided on the command line, those values will override the JSON-provided values.', sub)}`;
    case 'skeleton':
      return `${INDENT}--generate-cli-skeleton (string)\n${wrap('Prints a JSON skeleton to standard output without sending an API request. If provided with no value or the value input, prints a sample input JSON that can be used as an argument for --cli-input-json. Similarly, if provided yaml-input it will print a sample input YAML that can be used with --cli-input-yaml. If provided with the value output, it validates the command inputs and returns a sample output JSON for that command.', sub)}`;
    case 'paging':
      return `${INDENT}${cliName(argument)} (${typeName(argument.shape)})\n${wrap(PAGING_HELP[argument.name] ?? '', sub)}`;
    default:
      break;
  }
  const shape = argument.shape;
  const head = argument.kind === 'boolean' ? booleanPair(argument, table) : argument.pairedWith ? `--${argument.name} | --${argument.pairedWith}` : cliName(argument);
  let text = `${INDENT}${head} (${argument.helpType ?? typeName(shape)})\n${wrap(shape ? documentationOf(shape) : (argument.documentation ?? ''), sub)}`;
  if (!shape) return text;
  if (shape.shape.enum) text += `\n${sub}Possible values:\n\n${shape.shape.enum.map((v) => `${sub}o ${v}`).join('\n\n')}\n`;
  if (!isScalar(shape)) text += nestedDoc(model, shape, `${sub}`, []);
  if (supportsShorthand(model, shape)) {
    const example = shorthandExample(model, shape, serviceName, operation, argument);
    if (example) text += `\n${INDENT}Shorthand Syntax:\n\n${example.split('\n').map((l) => `${sub}${l}`).join('\n')}\n`;
  }
  if (!isScalar(shape)) text += `\n${INDENT}JSON Syntax:\n\n${jsonExample(model, shape, []).split('\n').map((l) => `${sub}${l}`).join('\n')}\n`;
  return text;
}

const PAGING_HELP: Readonly<Record<string, string>> = {
  'starting-token': 'A token to specify where to start paginating. This is the NextToken from a previously truncated response.',
  'page-size': "The size of each page to get in the AWS service call. This does not affect the number of items returned in the command's output. Setting a smaller page size results in more calls to the AWS service, retrieving fewer items in each call.",
  'max-items': "The total number of items to return in the command's output. If the total number of items available is more than the value specified, a NextToken is provided in the command's output. To resume pagination, provide the NextToken value in the starting-token argument of a subsequent command.",
};

/** The members of a structure (or list/map element), nested, as OPTIONS and OUTPUT show them. */
function nestedDoc(model: ServiceModel, shape: ArgShape, indent: string, stack: string[]): string {
  if (stack.includes(shape.name) || stack.length > 6) return '';
  const next = [...stack, shape.name];
  if (shape.type === 'list') {
    const member = listMemberOf(model, shape);
    return `\n${indent}(${member.type})\n${wrap(documentationOf(member), `${indent}   `)}${isScalar(member) ? '' : nestedDoc(model, member, `${indent}   `, next)}`;
  }
  if (shape.type === 'map') {
    const value = mapValueOf(model, shape);
    return `\n${indent}key -> (${mapKeyOf(model, shape).type})\n\n${indent}value -> (${value.type})\n${wrap(documentationOf(value), `${indent}   `)}`;
  }
  return membersOf(model, shape)
    .map(([name, member]) => `\n${indent}${name} -> (${member.type})\n${wrap(documentationOf(member), `${indent}   `)}${isScalar(member) ? '' : nestedDoc(model, member, `${indent}   `, next)}`)
    .join('');
}

/** ParamShorthandDocGen.generate_shorthand_example (argprocess.py). */
function shorthandExample(model: ServiceModel, shape: ArgShape, _service: string, _operation: string, _argument: CliArgument): string {
  if (shape.type === 'structure') {
    const members = membersOf(model, shape);
    if (members.length === 1 && members[0]?.[0] === 'Value' && members[0][1].type === 'string') return '';
  }
  try {
    if (shape.type === 'list') return `${shorthandDocs(model, listMemberOf(model, shape), [])} ...`;
    return shorthandDocs(model, shape, []);
  } catch {
    return '';
  }
}

function shorthandDocs(model: ServiceModel, shape: ArgShape, stack: string[]): string {
  if (stack.length > 3) throw new Error('too complex');
  if (shape.type === 'structure') {
    const inner = membersOf(model, shape)
      .map(([name, member]) => {
        if (stack.includes(member.name)) return `${name}=( ... recursive ... )`;
        return `${name}=${shorthandDocs(model, member, [...stack, member.name])}`;
      })
      .join(',');
    return stack.length === 0 ? inner : `{${inner}}`;
  }
  if (shape.type === 'list') {
    const member = listMemberOf(model, shape);
    const element = shorthandDocs(model, member, [...stack, member.name]);
    return !isScalar(member) || stack.length > 1 ? `[${element},${element}]` : `${element},${element}`;
  }
  if (shape.type === 'map') {
    const value = shorthandDocs(model, mapValueOf(model, shape), stack);
    const start = `KeyName1=${value},KeyName2=${value}`;
    const keyEnum = mapKeyOf(model, shape).shape.enum;
    if (keyEnum && stack.length === 0) return `${start}\n\nWhere valid key names are:\n${keyEnum.map((e) => `  ${e}\n`).join('')}`;
    return stack.length > 0 ? `{${start}}` : start;
  }
  return shape.type;
}

function jsonValueName(shape: ArgShape): string {
  if (shape.type === 'string') return shape.shape.enum ? shape.shape.enum.map((c) => `"${c}"`).join('|') : '"string"';
  if (shape.type === 'boolean') return 'true|false';
  return shape.type;
}

/** clidocs.py _json_example: the JSON skeleton with types, two spaces per level. */
function jsonExample(model: ServiceModel, shape: ArgShape, stack: string[], indent = ''): string {
  if (stack.filter((s) => s === shape.name).length > 1) return shape.type === 'structure' ? '{ ... recursive ... }' : '';
  const next = [...stack, shape.name];
  const inner = `${indent}  `;
  if (shape.type === 'list') {
    const member = listMemberOf(model, shape);
    if (isScalar(member)) return `[${jsonValueName(member)}, ...]`;
    return `[\n${inner}${jsonExample(model, member, next, inner)}\n${inner}...\n${indent}]`;
  }
  if (shape.type === 'map') {
    const value = mapValueOf(model, shape);
    const rendered = isScalar(value) ? jsonValueName(value) : jsonExample(model, value, next, inner);
    return `{${jsonValueName(mapKeyOf(model, shape))}: ${rendered}\n${inner}...}`;
  }
  if (shape.type !== 'structure') return jsonValueName(shape);
  const members = membersOf(model, shape).map(([name, member]) => {
    const value = isScalar(member) ? jsonValueName(member) : jsonExample(model, member, next, inner);
    return `${inner}"${name}": ${value}`;
  });
  return `{\n${members.join(',\n')}\n${indent}}`;
}

function outputDoc(model: ServiceModel, operation: OperationModel): string {
  if (!operation.output) return `${INDENT}None\n`;
  const output = shapeOf(model, operation.output.shape);
  const members = membersOf(model, output);
  if (members.length === 0) return `${INDENT}None\n`;
  return nestedDoc(model, output, INDENT, []).replace(/^\n/, '');
}
