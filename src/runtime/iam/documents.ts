/**
 * Policy documents as IAM takes and returns them: checked against the grammar on the way in
 * (MalformedPolicyDocument), URL-encoded (RFC 3986) on the way out, as the API reference says
 * of every document it returns; the CLI decodes them for printing, as botocore does.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetUserPolicy.html
 */
import { parsePolicyText, PolicyDocumentError, type PolicyKind } from './policy/document.js';
import { malformedPolicy } from './errors.js';

export function checkDocument(text: string, kind: PolicyKind): void {
  try {
    parsePolicyText(text, kind);
  } catch (error) {
    if (error instanceof PolicyDocumentError) throw malformedPolicy(error.message);
    throw error;
  }
}

export function urlEncoded(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
