/**
 * Addresses and CIDR blocks as numbers, for the code that matches packets: a probe reads
 * every rule of every group and ACL on its path, so a block is turned into a range once and
 * a match is two comparisons. IPv4 stays in plain numbers (no bigint, no allocation); IPv6
 * keeps cidr.ts's bigints. The answers are cidr.ts's: this only changes how fast they come.
 */
import { addressToBigInt, parseCidr } from './cidr.js';

export interface Address {
  /** As containsAddress decides it: an address with a colon is IPv6. */
  readonly version: 4 | 6;
  /** IPv4: the address as an unsigned 32-bit number. */
  readonly v4: number;
  /** IPv6: the address as a bigint. */
  readonly v6: bigint;
}

export interface AddressRange {
  readonly version: 4 | 6;
  readonly prefix: number;
  readonly lo: number;
  readonly hi: number;
  readonly lo6: bigint;
  readonly hi6: bigint;
}

// Texts repeat (the same 0.0.0.0/0 in every group, the same peer in every hop): parse each once.
const ranges = new Map<string, AddressRange | undefined>();
const addresses = new Map<string, Address | undefined>();
const LIMIT = 100_000;

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

export function addressRange(text: string | undefined): AddressRange | undefined {
  if (!text) return undefined;
  if (ranges.has(text)) return ranges.get(text);
  const cidr = parseCidr(text);
  let range: AddressRange | undefined;
  if (cidr?.version === 4) {
    const lo = Number(cidr.network);
    range = { version: 4, prefix: cidr.prefix, lo, hi: lo + 2 ** (32 - cidr.prefix) - 1, lo6: 0n, hi6: 0n };
  } else if (cidr) {
    range = { version: 6, prefix: cidr.prefix, lo: 0, hi: -1, lo6: cidr.network, hi6: cidr.network + (1n << BigInt(128 - cidr.prefix)) - 1n };
  }
  return remember(ranges, text, range);
}

export function parseAddress(text: string): Address | undefined {
  if (addresses.has(text)) return addresses.get(text);
  const value = addressToBigInt(text);
  let address: Address | undefined;
  if (value !== undefined) address = text.includes(':') ? { version: 6, v4: 0, v6: value } : { version: 4, v4: Number(value), v6: 0n };
  return remember(addresses, text, address);
}

export function inRange(range: AddressRange, address: Address): boolean {
  if (range.version !== address.version) return false;
  return address.version === 4 ? address.v4 >= range.lo && address.v4 <= range.hi : address.v6 >= range.lo6 && address.v6 <= range.hi6;
}
