/**
 * The standard HTTP headers and user metadata an object keeps and returns on every GET and HEAD.
 * Kept in one optional object so that plain objects (most of them) carry none of it.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html
 */
import { optionalString, optionalStringMap, optionalTimeMs } from '../input.js';
import type { CopyObjectInput, PutObjectInput } from './shapes.generated.js';
import type { ObjectHeaders } from './state.js';

/** The headers set by a PutObject or a CopyObject with MetadataDirective REPLACE; null when none. */
export function objectHeaders(input: PutObjectInput | CopyObjectInput): ObjectHeaders | null {
  const headers: ObjectHeaders = {};
  let any = false;
  for (const member of ['CacheControl', 'ContentDisposition', 'ContentEncoding', 'ContentLanguage', 'WebsiteRedirectLocation'] as const) {
    const value = optionalString(input, member);
    if (value !== undefined) {
      headers[member] = value;
      any = true;
    }
  }
  const expires = optionalTimeMs(input, 'Expires');
  if (expires !== undefined) {
    headers.ExpiresMs = expires;
    any = true;
  }
  const metadata = optionalStringMap(input, 'Metadata');
  if (metadata && Object.keys(metadata).length > 0) {
    // S3 stores user-defined metadata names in lower case.
    headers.Metadata = Object.fromEntries(Object.entries(metadata).map(([name, value]) => [name.toLowerCase(), value]));
    any = true;
  }
  return any ? headers : null;
}
