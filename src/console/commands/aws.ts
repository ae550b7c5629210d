import { complete, runAws } from '../../cli/index.js';
import type { ConsoleCommand } from '../command.js';

export const awsCommand: ConsoleCommand = {
  name: 'aws',
  usage: 'aws SERVICE OPERATION [--param value ...]',
  summary: 'call the simulated AWS (try: aws help, aws s3api help)',
  run: (args, ctx) => runAws(args, { world: ctx.world, files: ctx.files, defaultRegion: ctx.region, caller: ctx.caller, columns: ctx.columns }),
  // The CLI completes from the tables its parser uses (services, operations, parameters, enums).
  complete: (request, ctx) => complete(request.line, ctx.world),
};
