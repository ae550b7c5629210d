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
 * A private key of the right shape. It is not a usable key: nothing in the simulation
 * checks a signature, and no real secret should come out of a practice account.
 */
function privateKey(ec2: Ec2, type: 'rsa' | 'ed25519'): string {
  const lines = type === 'rsa' ? 25 : 5;
  const body = Array.from({ length: lines }, () => randomString(ec2.random, BASE64, 64)).join('\n');
  const label = type === 'rsa' ? 'RSA PRIVATE KEY' : 'OPENSSH PRIVATE KEY';
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;
}

function fingerprint(ec2: Ec2, type: 'rsa' | 'ed25519'): string {
  // RSA keys EC2 makes show a colon-separated SHA-1 digest; ED25519 keys a base64 SHA-256 one.
  if (type === 'rsa') return Array.from({ length: 20 }, () => randomString(ec2.random, HEX, 2)).join(':');
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
  const pair: KeyPair = { KeyPairId: ec2.newId('key'), KeyName: name, KeyFingerprint: fingerprint(ec2, type), KeyType: type, CreateTimeMs: ec2.nowMs, Tags: tagsFromSpecifications(input.TagSpecifications, 'key-pair') };
  ec2.state.keyPairs.set(pair.KeyPairId, pair);
  return { KeyFingerprint: pair.KeyFingerprint, KeyMaterial: privateKey(ec2, type), KeyName: name, KeyPairId: pair.KeyPairId, ...tagsMember(pair.Tags) };
}

function importKeyPair(ec2: Ec2, input: Input) {
  const name = String(input.KeyName);
  checkName(name);
  if ([...ec2.state.keyPairs.values()].some((k) => k.KeyName === name)) throw clientError('InvalidKeyPair.Duplicate', `The keypair '${name}' already exists.`);
  const material = input.PublicKeyMaterial instanceof Uint8Array ? new TextDecoder().decode(input.PublicKeyMaterial) : String(input.PublicKeyMaterial ?? '');
  const type = material.startsWith('ssh-ed25519') ? 'ed25519' : material.startsWith('ssh-rsa') ? 'rsa' : undefined;
  if (!type) throw clientError('InvalidKey.Format', 'Key is not in valid OpenSSH public key format');
  const pair: KeyPair = { KeyPairId: ec2.newId('key'), KeyName: name, KeyFingerprint: fingerprint(ec2, type), KeyType: type, PublicKey: material.trim(), CreateTimeMs: ec2.nowMs, Tags: tagsFromSpecifications(input.TagSpecifications, 'key-pair') };
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
