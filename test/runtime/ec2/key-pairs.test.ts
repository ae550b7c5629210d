/**
 * The private key CreateKeyPair hands out, in each type and format AWS documents: RSA as an
 * unencrypted PKCS#1 PEM, ED25519 in OpenSSH's format, `ppk` for PuTTY; fingerprints as
 * describe-key-pairs documents them (SHA-1 colon hex for an RSA key EC2 made, MD5 for an
 * imported one, base64 SHA-256 for ED25519). The same seed gives the same key.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateKeyPair.html
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/verify-keys.html
 */
import { describe, expect, it } from 'vitest';
import { call, newWorld } from './helpers.js';

describe('CreateKeyPair key material', () => {
  it('RSA (the default): a PKCS#1 PEM of a 2048-bit key in 64-character lines, fingerprint SHA-1 colon hex', () => {
    const pair = call(newWorld(), 'CreateKeyPair', { KeyName: 'MyKeyPair' });
    const lines = (pair.KeyMaterial as string).split('\n');
    expect(lines[0]).toBe('-----BEGIN RSA PRIVATE KEY-----');
    expect(lines.at(-1)).toBe('-----END RSA PRIVATE KEY-----');
    const body = lines.slice(1, -1);
    expect(body[0]).toMatch(/^MIIEpAIBAAKCAQEA[A-Za-z0-9+/]{48}$/);
    expect(body.slice(0, -1).every((l) => l.length === 64)).toBe(true);
    expect(body.join('').length).toBe(1588);
    expect(pair.KeyFingerprint).toMatch(/^([0-9a-f]{2}:){19}[0-9a-f]{2}$/);
  });

  it('ED25519: OpenSSH\'s format in 70-character lines, fingerprint base64 SHA-256', () => {
    const pair = call(newWorld(), 'CreateKeyPair', { KeyName: 'ed', KeyType: 'ed25519' });
    const lines = (pair.KeyMaterial as string).split('\n');
    expect(lines[0]).toBe('-----BEGIN OPENSSH PRIVATE KEY-----');
    expect(lines.at(-1)).toBe('-----END OPENSSH PRIVATE KEY-----');
    expect(lines[1]).toMatch(/^b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ/);
    expect(lines.slice(1, -2).every((l) => l.length === 70)).toBe(true);
    expect(pair.KeyFingerprint).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('--key-format ppk: PuTTY\'s key file, named by the key pair', () => {
    const rsa = call(newWorld(), 'CreateKeyPair', { KeyName: 'putty', KeyFormat: 'ppk' }).KeyMaterial as string;
    expect(rsa).toMatch(/^PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: putty\nPublic-Lines: 6\nAAAAB3NzaC1yc2E[^]*\nPrivate-Lines: \d+\n[^]*\nPrivate-MAC: [0-9a-f]{40}$/);
    const ed = call(newWorld(), 'CreateKeyPair', { KeyName: 'putty', KeyFormat: 'ppk', KeyType: 'ed25519' }).KeyMaterial as string;
    expect(ed.split('\n')[0]).toBe('PuTTY-User-Key-File-2: ssh-ed25519');
  });

  it('is the same for the same seed and differs for another', () => {
    const key = (seed: number) => call(newWorld(seed), 'CreateKeyPair', { KeyName: 'k' }).KeyMaterial;
    expect(key(7)).toBe(key(7));
    expect(key(7)).not.toBe(key(8));
  });

  it('an imported RSA key shows an MD5 fingerprint; describe-key-pairs --include-public-key gives its public key back', () => {
    const world = newWorld();
    const material = new TextEncoder().encode('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 laptop\n');
    const imported = call(world, 'ImportKeyPair', { KeyName: 'laptop', PublicKeyMaterial: material });
    expect(imported.KeyFingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    expect(call(world, 'DescribeKeyPairs', { KeyNames: ['laptop'], IncludePublicKey: true }).KeyPairs[0].PublicKey).toBe('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 laptop');
    expect(call(world, 'DescribeKeyPairs', { KeyNames: ['laptop'] }).KeyPairs[0]).not.toHaveProperty('PublicKey');
  });
});
