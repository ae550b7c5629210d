import { cliServiceName, xformName } from '../src/cli/index.js';
import { SERVICES } from '../src/runtime/index.js';

/** The high-level `aws s3` commands awslab implements on top of the S3 operations. */
export const HIGH_LEVEL_S3 = ['cp', 'ls', 'mb', 'mv', 'rb', 'rm', 'sync'];

/**
 * The README's list of supported operations, generated from the same operation tables the
 * simulator, the CLI and lab validation use, so it cannot drift from what awslab does.
 */
export function supportedOperationsMarkdown(): string {
  const parts: string[] = [];
  for (const service of SERVICES) {
    const cli = cliServiceName(service.name);
    const names = Object.keys(service.operations).sort();
    parts.push(`**${service.model.metadata.serviceFullName}** (\`aws ${cli}\`, ${names.length} operations; read-only ones may be used in lab checks):\n`);
    parts.push('| command | operation | read-only |\n|---|---|---|');
    for (const name of names) parts.push(`| \`aws ${cli} ${xformName(name, '-')}\` | \`${service.name}:${name}\` | ${service.operations[name]!.readOnly ? 'yes' : ''} |`);
    parts.push('');
  }
  parts.push(`High-level S3 commands: ${HIGH_LEVEL_S3.map((c) => `\`aws s3 ${c}\``).join(', ')}.`);
  return `${parts.join('\n')}\n`;
}
