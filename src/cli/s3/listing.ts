import type { CliResult } from '../types.js';
import type { CommandArgs } from './arguments.js';
import type { S3Client } from './client.js';
import { findBucketKey } from './paths.js';

/**
 * `aws s3 ls` (subcommands.py ListCommand): the buckets, or one level of a bucket
 * (folders as `PRE name/` lines, then objects by their last path component), or with
 * --recursive every key under the prefix. Times are printed in the machine's local time;
 * the simulated console has no time zone, so they are UTC.
 * https://docs.aws.amazon.com/cli/latest/reference/s3/ls.html
 */
const UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/** Python's '%.1f': the exact value rounded half to even (JavaScript's toFixed rounds half up). */
function oneDecimal(value: number): string {
  const tenths = value * 10;
  if (tenths % 1 !== 0.5) return value.toFixed(1);
  const floor = Math.floor(tenths);
  return ((floor % 2 === 0 ? floor : floor + 1) / 10).toFixed(1);
}

/** utils.human_readable_size: `1 Byte`, `22 Bytes`, `1.5 KiB` (base 1024, one decimal). */
export function humanReadableSize(bytes: number): string {
  if (bytes === 1) return '1 Byte';
  if (bytes < 1024) return `${Math.trunc(bytes)} Bytes`;
  for (let i = 0; i < UNITS.length; i++) {
    const unit = 1024 ** (i + 2);
    if (Math.round((bytes / unit) * 1024) < 1024) return `${oneDecimal((1024 * bytes) / unit)} ${UNITS[i]}`;
  }
  return `${oneDecimal((1024 * bytes) / 1024 ** (UNITS.length + 1))} ${UNITS[UNITS.length - 1]}`;
}

/** _make_last_mod_str: `2025-01-06 09:00:00`. */
function lastModified(value: unknown): string {
  const date = value instanceof Date ? value : new Date(Number(value));
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

class Listing {
  stdout = '';
  private emptyResult = false;
  private atFirstPage = true;
  private totalSize = 0;
  private totalObjects = 0;

  constructor(private readonly humanReadable: boolean) {}

  private size(bytes: number): string {
    return this.humanReadable ? humanReadableSize(bytes) : String(bytes);
  }

  /** _display_page. */
  page(response: Record<string, unknown>, useBasename: boolean): void {
    const prefixes = (response.CommonPrefixes ?? []) as Array<Record<string, unknown>>;
    const contents = (response.Contents ?? []) as Array<Record<string, unknown>>;
    if (prefixes.length === 0 && contents.length === 0) {
      this.emptyResult = true;
      return;
    }
    for (const prefix of prefixes) {
      const parts = String(prefix.Prefix).split('/');
      this.stdout += `${'PRE'.padStart(30)} ${parts[parts.length - 2] ?? ''}/\n`;
    }
    for (const content of contents) {
      const size = Number(content.Size ?? 0);
      this.totalSize += size;
      this.totalObjects++;
      const key = String(content.Key);
      const name = useBasename ? (key.split('/').pop() ?? '') : key;
      this.stdout += `${lastModified(content.LastModified)} ${this.size(size).padStart(10)} ${name}\n`;
    }
    this.atFirstPage = false;
  }

  summary(): void {
    this.stdout += `${'\nTotal Objects: '.padStart(15)}${this.totalObjects}\n`;
    this.stdout += `${'Total Size: '.padStart(15)}${this.size(this.totalSize)}\n`;
  }

  /** 1 when a key prefix was given and its first page was empty. */
  get nothingFound(): boolean {
    return this.emptyResult && this.atFirstPage;
  }
}

/** Service errors are left to the driver, which prints them like any other command's (exit 254). */
export function runList(args: CommandArgs, client: S3Client): CliResult {
  const listing = new Listing(args.flag('human_readable'));
  let path = args.text('paths') ?? 's3://';
  if (path.startsWith('s3://')) path = path.slice(5);
  const [bucket, key] = findBucketKey(path);
  if (!bucket) {
    const response = client.call('ListBuckets', {});
    for (const entry of (response.Buckets ?? []) as Array<Record<string, unknown>>) {
      listing.stdout += `${lastModified(entry.CreationDate)} ${String(entry.Name)}\n`;
    }
  } else {
    const params: Record<string, unknown> = { Bucket: bucket, Prefix: key };
    if (!args.flag('dir_op')) params.Delimiter = '/';
    if (args.pageSize !== undefined) params.MaxKeys = args.pageSize;
    const payer = args.text('request_payer');
    if (payer !== undefined) params.RequestPayer = payer;
    for (const page of client.listObjectsV2(params)) listing.page(page, !args.flag('dir_op'));
  }
  if (args.flag('summarize')) listing.summary();
  return { exitCode: key && listing.nothingFound ? 1 : 0, stdout: listing.stdout, stderr: '' };
}
