import { UsageError, processIO, type CommandIO } from './commands/io.js';

const USAGE = `usage: awslab [COMMAND]

An offline AWS lab: a simulated AWS account that answers real aws CLI commands.

Commands:
  awslab sandbox [--script FILE|-] [--json] [--seed N] [--region R]
                       run console lines against a fresh simulated account
  awslab --version     print the version
  awslab --help        print this help
`;

/**
 * The command-line entry point. Subcommands are imported on demand so that a quick command
 * such as --version does not pay for loading the simulated cloud.
 */
export async function main(argv: readonly string[], io: CommandIO = processIO()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case '--version':
      case '-v':
      case 'version': {
        const { VERSION } = await import('./version.js');
        io.stdout(`awslab ${VERSION}\n`);
        return 0;
      }
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE);
        return 0;
      case 'sandbox': {
        const { sandboxCommand } = await import('./commands/sandbox.js');
        return await sandboxCommand(rest, io);
      }
      case undefined:
        io.stderr(USAGE);
        return 2;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`awslab: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}
