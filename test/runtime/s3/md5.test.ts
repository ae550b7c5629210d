import { describe, expect, it } from 'vitest';
import { md5Hex } from '../../../src/runtime/hash/md5.js';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('md5', () => {
  // RFC 1321, appendix A.5 "Test suite": https://www.rfc-editor.org/rfc/rfc1321#appendix-A.5
  it.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a', '0cc175b9c0f1b6a831c399e269772661'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
    ['12345678901234567890123456789012345678901234567890123456789012345678901234567890', '57edf4a22be3c955ac49da2e2107b67a'],
  ])('matches the RFC 1321 test vector for %j', (input, digest) => {
    expect(md5Hex(ascii(input))).toBe(digest);
  });

  // Padding edge cases: 55, 56 and 64 bytes straddle the one-block/two-block boundary (RFC 1321 section 3.1).
  it.each([
    [55, 'ef1772b6dff9a122358552954ad0df65'],
    [56, '3b0c8ac703f828b04c6c197006d17218'],
    [64, '014842d480b571495a4a0363793f7367'],
  ])('pads a %i-byte message correctly', (length, digest) => {
    expect(md5Hex(ascii('a'.repeat(length)))).toBe(digest);
  });

  // The well-known digest of one million 'a' characters (RFC 1321 section 3 applies to any length).
  it('hashes a multi-block message of a million bytes', () => {
    expect(md5Hex(new Uint8Array(1_000_000).fill(0x61))).toBe('7707d6ae4e027c70eea2a935c2296f21');
  });
});
