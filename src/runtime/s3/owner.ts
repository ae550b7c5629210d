/**
 * The S3 Owner of everything in an account: a 64-hex-digit canonical user ID derived from the
 * account ID, so it is stable per account. S3 no longer returns DisplayName for most regions.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_Owner.html
 */
import { md5Hex } from '../hash/md5.js';

const cache = new Map<string, { ID: string }>();

export function ownerOf(accountId: string): { ID: string } {
  let owner = cache.get(accountId);
  if (!owner) {
    const encoder = new TextEncoder();
    owner = { ID: md5Hex(encoder.encode(`canonical:${accountId}`)) + md5Hex(encoder.encode(`user:${accountId}`)) };
    cache.set(accountId, owner);
  }
  return { ID: owner.ID };
}
