import { UsageError, processIO, type CommandIO } from './commands/io.js';

/** Each subcommand's synopsis and what it does: the usage text and `awslab COMMAND --help`. */
const HELP: ReadonlyArray<[string, string, string]> = [
  ['', 'awslab', 'the full-screen app: labs, notes, quizzes, the practice exam, progress (needs a terminal)'],
  ['sandbox', 'awslab sandbox [--script FILE|-] [--json] [--seed N] [--region R]', 'run console lines against a fresh simulated account'],
  ['labs', 'awslab labs [--json]', 'list the labs and your progress in each'],
  ['run', 'awslab run LAB [--script FILE|-] [--json] [--seed N] [--no-save]', 'do a lab without the app and print the grade (exit 0 when every task passed)'],
  ['validate', 'awslab validate PATH...', 'check lab folders and quiz banks (a lab: fresh attempt 0, reference solution full marks)'],
  ['submit', 'awslab submit LAB [--out FILE] [--attempt N] [--list] [--name NAME] [--id ID]', 'write your best finished attempt at LAB (or the one you pick) as a submission file'],
  ['grade', 'awslab grade LAB SUBMISSION|FOLDER|PATTERN... [--format table|json|csv|junit|gradescope] [--out FILE] [--roster FILE] [--feedback DIR] [--allow-lab-change] [--jobs N]', 'replay and grade submissions; a roster lists who is missing'],
  ['progress', 'awslab progress [--json] | progress export [--out FILE] | progress import FILE', 'show your progress, or move it to another machine'],
  ['notes', 'awslab notes [TOPIC[#section]] | notes --search TEXT', 'read the reference notes'],
  ['quiz', 'awslab quiz [BANK] [--exam] [--review] [--stats] [--readiness] [--json] [--exam-date YYYY-MM-DD|none] [--seed N]', 'practise a topic, take the practice exam, review due cards'],
];

const USAGE = `usage: awslab [COMMAND]

An offline AWS lab: a simulated AWS account that answers real aws CLI commands.

Commands:
${HELP.map(([, synopsis, what]) => `  ${synopsis}\n      ${what}`).join('\n')}
  awslab --version

awslab COMMAND --help shows one command. AWSLAB_HOME moves the data folder (progress, attempts).
`;

/**
 * The app, bundled into dist/tui-bundle by the build when it can be: Ink loads hundreds of
 * small modules (all of es-toolkit/compat for one throttle), and one bundle starts several
 * times faster. Tests run from source, where only the unbundled module exists.
 */
async function loadTui(): Promise<typeof import('./tui/index.js')> {
  const bundle = './tui-bundle/index.js';
  try {
    return (await import(bundle)) as typeof import('./tui/index.js');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND' || !String((error as Error).message).includes('tui-bundle')) throw error;
    return import('./tui/index.js');
  }
}

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
    if (command === undefined || (command === '--no-color' && rest.length === 0)) {
      // The full-screen app needs a terminal on both ends; anywhere else it would hang or
      // crash on raw mode, so print the usage instead.
      const { isInteractive } = await import('./tui/terminal.js');
      if (!isInteractive(io)) {
        io.stderr(USAGE);
        return 2;
      }
      const { runTui } = await loadTui();
      return await runTui({ argv, env: io.env });
    }
    const load = COMMANDS[command];
    if (!load) throw new UsageError(`unknown command '${command}'`);
    if (rest.includes('--help') || rest.includes('-h')) {
      const [, synopsis, what] = HELP.find(([name]) => name === command)!;
      io.stdout(`usage: ${synopsis}\n\n${what}\n`);
      return 0;
    }
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      // A known command's mistake gets one line and where to read more, not the whole usage.
      const known = command !== undefined && command in COMMANDS;
      io.stderr(known ? `awslab: ${error.message}\nsee awslab ${command} --help\n` : `awslab: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}
