import { UsageError, processIO, type CommandIO } from './commands/io.js';

const USAGE = `usage: awslab [COMMAND]

An offline AWS lab: a simulated AWS account that answers real aws CLI commands.

Commands:
  awslab sandbox [--script FILE|-] [--json] [--seed N] [--region R]
                       run console lines against a fresh simulated account
  awslab labs [--json] list the labs and your progress in each
  awslab run LAB [--script FILE|-] [--json] [--seed N] [--no-save]
                       do a lab without the app and print the grade (exit 0 when all tasks pass)
  awslab validate PATH...
                       check lab folders and quiz banks (labs: solution full marks, fresh attempt 0)
  awslab submit LAB [--out FILE]
                       write your latest attempt at LAB as a submission file
  awslab grade LAB SUBMISSION... [--format table|json|csv|junit|gradescope] [--out FILE] [--jobs N]
                       replay and grade submissions
  awslab progress [--json] | progress export [--out FILE] | progress import FILE
  awslab notes [TOPIC] | notes --search TEXT
  awslab quiz [BANK] [--exam] | quiz --stats [--json]
  awslab --version     print the version

AWSLAB_HOME moves the data folder (progress, attempts).
`;

type Handler = (argv: readonly string[], io: CommandIO) => Promise<number>;

// Subcommands are imported on demand so that a quick command such as --version does not
// pay for loading the simulated cloud.
const COMMANDS: Record<string, () => Promise<Handler>> = {
  sandbox: async () => (await import('./commands/sandbox.js')).sandboxCommand,
  labs: async () => (await import('./commands/labs.js')).labsCommand,
  run: async () => (await import('./commands/run.js')).runCommand,
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  submit: async () => (await import('./commands/submit.js')).submitCommand,
  grade: async () => (await import('./commands/grade.js')).gradeCommand,
  progress: async () => (await import('./commands/progress.js')).progressCommand,
  quiz: async () => (await import('./commands/quiz.js')).quizCommand,
  notes: async () => (await import('./commands/notes.js')).notesCommand,
};

export async function main(argv: readonly string[], io: CommandIO = processIO()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--version' || command === '-v' || command === 'version') {
      const { VERSION } = await import('./app/version.js');
      io.stdout(`awslab ${VERSION}\n`);
      return 0;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (command === undefined) {
      io.stderr(USAGE);
      return 2;
    }
    const load = COMMANDS[command];
    if (!load) throw new UsageError(`unknown command '${command}'`);
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`awslab: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}
