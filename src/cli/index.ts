import { failureResult, runAws } from './driver.js';
import { tokenize, TokenizeError } from '../lib/tokenize.js';
import { EXIT, type CliContext, type CliResult } from './types.js';

/**
 * The aws CLI front end: `runAws(argv, ctx)` runs the words after `aws` against the
 * simulated cloud in ctx.world and returns what the AWS CLI v2 would print and its
 * exit code; `runAwsLine` does the shell's part first (quotes, escapes). Neither throws.
 */
export { runAws } from './driver.js';
export { complete } from './completion.js';
export { tokenize, TokenizeError } from '../lib/tokenize.js';
export { xformName, cliServiceName } from './names.js';
export type { CliContext, CliResult } from './types.js';

/** Runs one console line: `aws s3api list-buckets --output text` (the leading `aws` is optional). */
export function runAwsLine(line: string, ctx: CliContext): CliResult {
  let words: string[];
  try {
    words = tokenize(line);
  } catch (error) {
    if (error instanceof TokenizeError) return { exitCode: EXIT.usage, stdout: '', stderr: `\n${error.message}\n` };
    return failureResult(error);
  }
  return runAws(words[0] === 'aws' ? words.slice(1) : words, ctx);
}
