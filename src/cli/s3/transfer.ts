import { posix } from 'node:path';
import type { CommandArgs } from './arguments.js';
import type { S3Client } from './client.js';
import type { FileInfo } from './file-generator.js';
import { OsError, type LearnerFolder } from './learner-folder.js';
import { guessContentType } from './mime-types.js';
import { findBucketKey, relativePath, s3Uri } from './paths.js';
import {
  copyObjectParams,
  deleteObjectParams,
  getObjectParams,
  METADATA_DIRECTIVE_PROPERTIES,
  putObjectParams,
} from './request-params.js';
import { skipWarning, type TransferResults } from './results.js';

/**
 * Carries out one file of a transfer command (awscli/customizations/s3/s3handler.py): the
 * upload, download, copy or delete, then the printed result. Every upload is one
 * PutObject and every copy one CopyObject (the CLI switches to multipart above 8 MiB,
 * which changes nothing a learner sees here but the ETag).
 */
export interface TransferContext {
  readonly client: S3Client;
  /** The client for the source of an S3-to-S3 copy (--source-region). */
  readonly sourceClient: S3Client;
  readonly folder: LearnerFolder;
  readonly args: CommandArgs;
  readonly results: TransferResults;
  readonly isMove: boolean;
  /** `-` as the local path: the body comes from stdin or goes to stdout. */
  readonly isStream: boolean;
}

const GLACIER_CLASSES = new Set(['GLACIER', 'DEEP_ARCHIVE']);

const decoder = new TextDecoder();

export class TransferRunner {
  constructor(private readonly ctx: TransferContext) {}

  /** Submits one file; an exception that escapes ends the whole command (a "fatal error"). */
  submit(file: FileInfo): void {
    if (this.skipWithWarning(file)) return;
    const type = this.transferType(file);
    const [src, dest] = this.locations(file);
    if (this.ctx.args.flag('dryrun')) {
      this.ctx.results.dryRun(type, src, dest);
      return;
    }
    // The request parameters are built before the transfer starts: a bad --grants is fatal.
    const run = this.prepare(file);
    try {
      run();
    } catch (error) {
      this.ctx.results.failure(type, src, dest, error);
      return;
    }
    if (!this.ctx.isStream) this.ctx.results.success(type, src, dest);
  }

  private transferType(file: FileInfo): string {
    return this.ctx.isMove ? 'move' : file.operation;
  }

  /** _format_src_dest of each submitter: S3 paths as s3:// URIs, local ones relative. */
  private locations(file: FileInfo): [string, string | undefined] {
    const local = (path: string) => (this.ctx.isStream ? '-' : relativePath(path));
    switch (file.operation) {
      case 'upload':
        return [local(file.src), s3Uri(file.dest)];
      case 'download':
        return [s3Uri(file.src), local(file.dest)];
      case 'copy':
        return [s3Uri(file.src), s3Uri(file.dest)];
      default:
        return [file.srcType === 's3' ? s3Uri(file.src) : relativePath(file.src), undefined];
    }
  }

  /** The warning handlers: Glacier objects and keys that climb out of the folder are skipped. */
  private skipWithWarning(file: FileInfo): boolean {
    const { args, results } = this.ctx;
    if ((file.operation === 'download' || file.operation === 'copy') && !args.flag('force_glacier_transfer') && isArchived(file)) {
      if (!args.flag('ignore_glacier_warnings')) {
        results.warning(skipWarning(
          s3Uri(file.src),
          `Object is of storage class GLACIER. Unable to perform ${file.operation} operations on GLACIER objects. You must restore the object to be able to perform the operation. See aws s3 ${file.operation} help for additional parameter options to ignore or force these transfers.`,
        ));
      }
      return true;
    }
    if (file.operation === 'download' && !this.ctx.isStream && posix.normalize(file.compareKey).startsWith('../')) {
      results.warning(skipWarning(file.compareKey, 'File references a parent directory.'));
      return true;
    }
    return false;
  }

  private prepare(file: FileInfo): () => void {
    switch (file.operation) {
      case 'upload': {
        const params = putObjectParams(this.ctx.args);
        return () => this.upload(file, params);
      }
      case 'download': {
        const params = getObjectParams(this.ctx.args);
        return () => this.download(file, params);
      }
      case 'copy': {
        const params = copyObjectParams(this.ctx.args);
        return () => this.copy(file, params);
      }
      default: {
        const params = deleteObjectParams(this.ctx.args);
        return () => (file.srcType === 's3' ? this.deleteObject(file.src, params, this.ctx.client) : this.ctx.folder.remove(file.src));
      }
    }
  }

  private upload(file: FileInfo, extra: Record<string, unknown>): void {
    const [bucket, key] = findBucketKey(file.dest);
    const params: Record<string, unknown> = { Bucket: bucket, Key: key, ...extra };
    const { args, folder } = this.ctx;
    if (!this.ctx.isStream && args.flag('guess_mime_type') && !args.text('content_type')) {
      const guessed = guessContentType(file.src);
      if (guessed !== undefined) params.ContentType = guessed;
    }
    if (file.isDirectory) {
      // botocore validates the parameters before it reads the body; then open() fails.
      this.ctx.client.validate('PutObject', { ...params, Body: new Uint8Array(0) });
      throw new OsError(21, 'Is a directory', file.src);
    }
    // A stream reads stdin, which the console never has: the object is empty.
    const body = this.ctx.isStream ? new Uint8Array(0) : folder.read(file.src);
    if (body === undefined) throw new OsError(2, 'No such file or directory', file.src);
    this.ctx.client.call('PutObject', { ...params, Body: body });
    if (this.ctx.isMove) folder.remove(file.src);
  }

  private download(file: FileInfo, extra: Record<string, unknown>): void {
    const [bucket, key] = findBucketKey(file.src);
    // A stream has no listing to give the size, so s3transfer asks HeadObject first.
    if (this.ctx.isStream) this.ctx.client.call('HeadObject', { Bucket: bucket, Key: key, ...extra });
    const response = this.ctx.client.call('GetObject', { Bucket: bucket, Key: key, ...extra });
    const body = response.Body instanceof Uint8Array ? response.Body : new Uint8Array(0);
    if (this.ctx.isStream) {
      this.ctx.results.write(decoder.decode(body));
    } else {
      // The file gets the object's time in whole seconds (time.mktime of LastModified).
      const modifiedMs = Math.floor((file.lastModifiedMs ?? 0) / 1000) * 1000;
      this.ctx.folder.write(file.dest, body, modifiedMs);
    }
    if (this.ctx.isMove) this.deleteObject(file.src, {}, this.ctx.sourceClient);
  }

  private copy(file: FileInfo, extra: Record<string, unknown>): void {
    const [bucket, key] = findBucketKey(file.dest);
    const params: Record<string, unknown> = { Bucket: bucket, Key: key, CopySource: file.src, ...extra };
    if (!this.ctx.args.text('metadata_directive')) this.applyCopyProps(file, params);
    this.ctx.client.call('CopyObject', params);
    if (this.ctx.isMove) this.deleteObject(file.src, {}, this.ctx.sourceClient);
  }

  /**
   * --copy-props (subscribers.py CopyPropsSubscriberFactory) for a single-request copy:
   * `none` replaces metadata and tags with nothing; otherwise an explicit property
   * (--content-type, --metadata, …) replaces the metadata, the rest copied from the source.
   */
  private applyCopyProps(file: FileInfo, params: Record<string, unknown>): void {
    const copyProps = this.ctx.args.text('copy_props') ?? 'default';
    if (copyProps === 'none') {
      params.MetadataDirective = 'REPLACE';
      params.TaggingDirective = 'REPLACE';
      return;
    }
    if (copyProps === 'metadata-directive') params.TaggingDirective = 'REPLACE';
    if (!METADATA_DIRECTIVE_PROPERTIES.some((name) => Object.hasOwn(params, name))) return;
    params.MetadataDirective = 'REPLACE';
    const [bucket, key] = findBucketKey(file.src);
    const head = this.ctx.sourceClient.call('HeadObject', { Bucket: bucket, Key: key });
    for (const name of METADATA_DIRECTIVE_PROPERTIES) {
      if (!Object.hasOwn(params, name) && head[name] !== undefined) params[name] = head[name];
    }
  }

  private deleteObject(path: string, extra: Record<string, unknown>, client: S3Client): void {
    const [bucket, key] = findBucketKey(path);
    client.call('DeleteObject', { Bucket: bucket, Key: key, ...extra });
  }
}

/** FileInfo.is_glacier_compatible: archived and not restored. */
function isArchived(file: FileInfo): boolean {
  return GLACIER_CLASSES.has(file.storageClass ?? '') && !(file.restore ?? '').includes('ongoing-request="false"');
}

