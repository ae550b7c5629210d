import { exceptionText } from './client.js';

/**
 * What a transfer command prints and the exit code it ends with
 * (awscli/customizations/s3/results.py ResultRecorder and ResultPrinter).
 *
 * The real CLI also prints progress lines ("Completed 22 Bytes/22 Bytes (2.3 KiB/s) with
 * 1 file(s) remaining" ending in a carriage return) whenever --quiet, --only-show-errors
 * and --no-progress are absent, even when stdout is not a terminal. A terminal overwrites
 * them with the result lines, so we print what stays on the screen: the --no-progress text.
 */
export type PrintMode =
  /** Success, dry-run, warning, failure and fatal lines. */
  | 'all'
  /** --only-show-errors (and every stream): no success lines. */
  | 'errors'
  /** --quiet: nothing at all. */
  | 'none';

export class TransferResults {
  stdout = '';
  stderr = '';
  private failed = 0;
  private errors = 0;
  private warned = 0;

  constructor(private readonly mode: PrintMode) {}

  success(type: string, src: string, dest?: string): void {
    if (this.mode === 'all') this.stdout += `${type}: ${location(src, dest)}\n`;
  }

  /** OnlyShowErrorsResultPrinter still prints dry runs; only --quiet hides them. */
  dryRun(type: string, src: string, dest?: string): void {
    if (this.mode !== 'none') this.stdout += `(dryrun) ${type}: ${location(src, dest)}\n`;
  }

  failure(type: string, src: string, dest: string | undefined, error: unknown): void {
    this.failed++;
    if (this.mode !== 'none') this.stderr += `${type} failed: ${location(src, dest)} ${exceptionText(error)}\n`;
  }

  /** `message` already starts with "warning: " (utils.create_warning). */
  warning(message: string): void {
    this.warned++;
    if (this.mode !== 'none') this.stderr += `${message}\n`;
  }

  /** An exception that ends the whole command (a listing that failed, a missing key). */
  fatal(error: unknown): void {
    this.errors++;
    if (this.mode !== 'none') this.stderr += `fatal error: ${exceptionText(error)}\n`;
  }

  /** A streamed download's bytes, written to stdout as they arrive. */
  write(text: string): void {
    this.stdout += text;
  }

  /** 1 when a transfer failed or the command died, 2 when a file was skipped with a warning. */
  get exitCode(): number {
    if (this.failed + this.errors > 0) return 1;
    return this.warned > 0 ? 2 : 0;
  }
}

function location(src: string, dest: string | undefined): string {
  return dest === undefined ? src : `${src} to ${dest}`;
}

/** utils.create_warning: `warning: Skipping file <path>. <reason>`. */
export function skipWarning(path: string, reason: string): string {
  return `warning: Skipping file ${path}. ${reason}`;
}
