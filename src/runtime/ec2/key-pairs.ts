/**
 * Key pairs: EC2 keeps the public key and hands the private key out once, at creation.
 * Deleting a key pair that does not exist succeeds, as it does in EC2.
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-key-pairs.html
 */
import { randomString } from '../../lib/random.js';
import type { Ec2 } from './context.js';
import { clientError, invalidParameterValue } from './errors.js';
import { applyFilters, type FilterTable } from './filters.js';
import { read, tagsMember, write, type Input } from './operation.js';
import { tagsFromSpecifications } from './tags.js';
import type { KeyPair } from './state.js';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEX = '0123456789abcdef';

export function requireKeyPair(ec2: Ec2, name: string): KeyPair {
  for (const pair of ec2.state.keyPairs.values()) if (pair.KeyName === name) return pair;
  throw clientError('InvalidKeyPair.NotFound', `The key pair '${name}' does not exist`);
}

/**
 * A private key of the right shape and length, drawn from the world's seed. It is not a
 * usable key: nothing in the simulation checks a signature, and no real secret should come
 * out of a practice account. As CreateKeyPair documents: RSA keys are 2048-bit PKCS#1 PEM
 * (a DER body of about 1,190 bytes, base64 in 64-character lines, starting as every such key
 * does); ED25519 keys are in OpenSSH's format (70-character lines); `ppk` is PuTTY's format.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateKeyPair.html
 */
function privateKey(ec2: Ec2, type: 'rsa' | 'ed25519', format: 'pem' | 'ppk', name: string): string {
  if (format === 'ppk') return puttyKey(ec2, type, name);
  if (type === 'rsa') {
    // 30 82 04 a4 02 01 00 02 82 01 01 00 …: SEQUENCE, version 0, a 257-byte modulus.
    const body = `MIIEpAIBAAKCAQEA${randomString(ec2.random, BASE64, 1572)}`;
    return `-----BEGIN RSA PRIVATE KEY-----\n${lines(body, 64)}\n-----END RSA PRIVATE KEY-----`;
  }
  // "openssh-key-v1\0", cipher and kdf "none", one key, then its ssh-ed25519 public part.
  const body = `b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACA${randomString(ec2.random, BASE64, 312)}`;
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines(body, 70)}\n-----END OPENSSH PRIVATE KEY-----`;
}

/** PuTTY's key file, version 2 with no passphrase; the Comment is the key pair's name. */
function puttyKey(ec2: Ec2, type: 'rsa' | 'ed25519', name: string): string {
  const algorithm = type === 'rsa' ? 'ssh-rsa' : 'ssh-ed25519';
  const publicKey = type === 'rsa' ? `AAAAB3NzaC1yc2EAAAADAQABAAABAQ${randomString(ec2.random, BASE64, 342)}` : `AAAAC3NzaC1lZDI1NTE5AAAAI${randomString(ec2.random, BASE64, 43)}`;
  const privatePart = type === 'rsa' ? `AAABAQ${randomString(ec2.random, BASE64, 1106)}` : `AAAAI${randomString(ec2.random, BASE64, 43)}`;
  const publicLines = lines(publicKey, 64).split('\n');
  const privateLines = lines(privatePart, 64).split('\n');
  return [
    `PuTTY-User-Key-File-2: ${algorithm}`,
    'Encryption: none',
    `Comment: ${name}`,
    `Public-Lines: ${publicLines.length}`,
    ...publicLines,
    `Private-Lines: ${privateLines.length}`,
    ...privateLines,
    `Private-MAC: ${randomString(ec2.random, HEX, 40)}`,
  ].join('\n');
}

function lines(text: string, width: number): string {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out.join('\n');
}

/**
 * As describe-key-pairs documents KeyFingerprint: a key EC2 made shows the SHA-1 digest of
 * its DER private key (RSA) or the base64 SHA-256 digest OpenSSH prints (ED25519); an
 * imported RSA key shows the MD5 digest of its public key.
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/verify-keys.html
 */
function fingerprint(ec2: Ec2, type: 'rsa' | 'ed25519', imported: boolean): string {
  if (type === 'rsa') return Array.from({ length: imported ? 16 : 20 }, () => randomString(ec2.random, HEX, 2)).join(':');
  return `${randomString(ec2.random, BASE64, 43)}=`;
}

function checkName(name: string): void {
  if (name.length === 0 || name.length > 255) throw invalidParameterValue('Key pair names must be 1 to 255 characters long.');
}

function createKeyPair(ec2: Ec2, input: Input) {
  const name = String(input.KeyName);
  checkName(name);
  if ([...ec2.state.keyPairs.values()].some((k) => k.KeyName === name)) throw clientError('InvalidKeyPair.Duplicate', `The keypair '${name}' already exists.`);
  const type = input.KeyType === 'ed25519' ? 'ed25519' : 'rsa';
  const format = input.KeyFormat === 'ppk' ? 'ppk' : 'pem';
  const pair: KeyPair = { KeyPairId: ec2.newId('key'), KeyName: name, KeyFingerprint: fingerprint(ec2, type, false), KeyType: type, CreateTimeMs: ec2.nowMs, Tags: tagsFromSpecifications(input.TagSpecifications, 'key-pair') };
  ec2.state.keyPairs.set(pair.KeyPairId, pair);
  return { KeyFingerprint: pair.KeyFingerprint, KeyMaterial: privateKey(ec2, type, format, name), KeyName: name, KeyPairId: pair.KeyPairId, ...tagsMember(pair.Tags) };
}

function importKeyPair(ec2: Ec2, input: Input) {
  const name = String(input.KeyName);
  checkName(name);
  if ([...ec2.state.keyPairs.values()].some((k) => k.KeyName === name)) throw clientError('InvalidKeyPair.Duplicate', `The keypair '${name}' already exists.`);
  const material = input.PublicKeyMaterial instanceof Uint8Array ? new TextDecoder().decode(input.PublicKeyMaterial) : String(input.PublicKeyMaterial ?? '');
  const type = material.startsWith('ssh-ed25519') ? 'ed25519' : material.startsWith('ssh-rsa') ? 'rsa' : undefined;
  if (!type) throw clientError('InvalidKey.Format', 'Key is not in valid OpenSSH public key format');
  const pair: KeyPair = { KeyPairId: ec2.newId('key'), KeyName: name, KeyFingerprint: fingerprint(ec2, type, true), KeyType: type, PublicKey: material.trim(), CreateTimeMs: ec2.nowMs, Tags: tagsFromSpecifications(input.TagSpecifications, 'key-pair') };
  ec2.state.keyPairs.set(pair.KeyPairId, pair);
  return { KeyFingerprint: pair.KeyFingerprint, KeyName: name, KeyPairId: pair.KeyPairId, ...tagsMember(pair.Tags) };
}

function deleteKeyPair(ec2: Ec2, input: Input) {
  const pair = [...ec2.state.keyPairs.values()].find((k) => k.KeyName === input.KeyName || k.KeyPairId === input.KeyPairId);
  if (pair) ec2.state.keyPairs.delete(pair.KeyPairId);
  return {};
}

const KEY_FILTERS: FilterTable<KeyPair> = {
  'key-pair-id': (k) => k.KeyPairId,
  'key-name': (k) => k.KeyName,
  fingerprint: (k) => k.KeyFingerprint,
  'key-type': (k) => k.KeyType,
};

function describeKeyPairs(ec2: Ec2, input: Input) {
  const names = (input.KeyNames as string[] | undefined) ?? [];
  const ids = (input.KeyPairIds as string[] | undefined) ?? [];
  let chosen = [...ec2.state.keyPairs.values()];
  if (names.length > 0) chosen = names.map((n) => requireKeyPair(ec2, n));
  if (ids.length > 0) {
    chosen = ids.map((id) => {
      const pair = ec2.state.keyPairs.get(id);
      if (!pair) throw clientError('InvalidKeyPair.NotFound', `The key pair ID '${id}' does not exist`);
      return pair;
    });
  }
  return {
    KeyPairs: applyFilters(chosen, input.Filters, KEY_FILTERS).map((k) => ({
      KeyPairId: k.KeyPairId,
      KeyFingerprint: k.KeyFingerprint,
      KeyName: k.KeyName,
      KeyType: k.KeyType,
      ...tagsMember(k.Tags),
      ...(input.IncludePublicKey === true && k.PublicKey ? { PublicKey: k.PublicKey } : {}),
      CreateTime: new Date(k.CreateTimeMs),
    })),
  };
}

export const keyPairOperations = {
  CreateKeyPair: write(createKeyPair),
  ImportKeyPair: write(importKeyPair),
  DeleteKeyPair: write(deleteKeyPair),
  DescribeKeyPairs: read(describeKeyPairs),
};
