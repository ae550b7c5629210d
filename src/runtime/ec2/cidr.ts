/**
 * IPv4 and IPv6 CIDR blocks, parsed with ipaddr.js rather than by hand: containment,
 * overlap, and the addresses of a block.
 */
import ipaddr from 'ipaddr.js';

export interface Cidr {
  readonly version: 4 | 6;
  /** The network address as a bigint, so that IPv4 and IPv6 share one arithmetic. */
  readonly network: bigint;
  readonly prefix: number;
  /** The block exactly as AWS would print it (network address, not the given host bits). */
  readonly text: string;
}

const bits = (version: 4 | 6) => (version === 4 ? 32 : 128);

function toBigInt(address: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  let value = 0n;
  for (const byte of address.toByteArray()) value = (value << 8n) | BigInt(byte);
  return value;
}

export function addressToBigInt(text: string): bigint | undefined {
  if (!ipaddr.isValid(text)) return undefined;
  return toBigInt(ipaddr.parse(text));
}

export function bigIntToAddress(value: bigint, version: 4 | 6): string {
  const bytes: number[] = [];
  let v = value;
  for (let i = 0; i < bits(version) / 8; i++) {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  }
  return ipaddr.fromByteArray(bytes).toString();
}

/**
 * Parses `a.b.c.d/n` or an IPv6 block. Returns undefined for anything that is not a CIDR
 * block. With `strict`, host bits must be zero (AWS refuses 10.0.0.1/16 for a VPC).
 */
export function parseCidr(text: string, strict = false): Cidr | undefined {
  if (!/^[0-9a-fA-F:.]+\/\d{1,3}$/.test(text)) return undefined;
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(text);
  } catch {
    return undefined;
  }
  const [address, prefix] = parsed;
  const version = address.kind() === 'ipv4' ? 4 : 6;
  if (version === 4 && !ipaddr.IPv4.isValidFourPartDecimal(text.split('/')[0] ?? '')) return undefined;
  const width = BigInt(bits(version));
  const value = toBigInt(address);
  const mask = prefix === 0 ? 0n : ((1n << width) - 1n) ^ ((1n << (width - BigInt(prefix))) - 1n);
  const network = value & mask;
  if (strict && network !== value) return undefined;
  return { version, network, prefix, text: `${bigIntToAddress(network, version)}/${prefix}` };
}

export function size(cidr: Cidr): bigint {
  return 1n << BigInt(bits(cidr.version) - cidr.prefix);
}

export function containsAddress(cidr: Cidr, address: bigint, version: 4 | 6): boolean {
  return cidr.version === version && address >= cidr.network && address < cidr.network + size(cidr);
}

/** True when `inner` lies wholly inside `outer`. */
export function containsCidr(outer: Cidr, inner: Cidr): boolean {
  return outer.version === inner.version && outer.prefix <= inner.prefix && containsAddress(outer, inner.network, inner.version);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return containsCidr(a, b) || containsCidr(b, a);
}
