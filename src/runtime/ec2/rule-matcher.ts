/**
 * Finds the first rule of an ordered list that a packet matches, without reading the list:
 * a probe in a large account meets groups of 60 rules and ACLs of 100 entries at every hop.
 * Rules are compiled once into columns of numbers, and IPv4 rules are filed by their block
 * (prefix length and network address): an address lies in at most one block of each prefix
 * length, so a packet looks up one bucket per prefix length the list uses instead of
 * comparing every rule. Order is kept: the answer is the lowest-placed rule that matches,
 * exactly what a walk from the top would find.
 */
import { inRange, parseAddress, type AddressRange } from './address-ranges.js';

export type Protocol = 'tcp' | 'udp' | 'icmp';

/** What a firewall looks at: protocol, destination port (ICMP: type), and the other end's address. */
export interface Packet {
  protocol: Protocol;
  /** TCP/UDP destination port, or the ICMP type. */
  port: number;
  /** The address on the other side: the source for inbound rules, the destination for outbound. */
  peer: string;
  /** The security groups of the peer, when it is an instance in the same VPC using its private address. */
  peerGroupIds?: readonly string[];
}

// Protocols as bits, so that a rule's protocol (a name, a number, -1 or `all`) is read once.
const BIT: Readonly<Record<Protocol, number>> = { tcp: 1, udp: 2, icmp: 4 };
const ALL = 7;

/** The packet protocols a rule's protocol covers: a name or number as AWS takes it, `-1` or `all` for every one. */
export function protocolBits(ruleProtocol: string): number {
  switch (ruleProtocol.toLowerCase()) {
    case '-1': case 'all': return ALL;
    case 'tcp': case '6': return BIT.tcp;
    case 'udp': case '17': return BIT.udp;
    case 'icmp': case '1': return BIT.icmp;
    default: return 0;
  }
}

/** One rule or entry as the matcher reads it. */
export interface Condition {
  readonly protocols: number;
  /** Any port and ICMP type: the protocol is all (-1). */
  readonly anyPort: boolean;
  readonly from: number;
  readonly to: number;
  /** The ICMP type a rule names; -1 for any. */
  readonly icmpType: number;
  /** The peer's block; undefined with a group reference, or when the rule names no block it can match. */
  readonly range: AddressRange | undefined;
  /** A referenced security group: the peer must be an instance in it. */
  readonly group: string | undefined;
}

const TWO_32 = 2 ** 32;

export class Matcher<T> {
  private readonly items: readonly T[];
  private readonly protocols: Uint8Array;
  private readonly anyPort: Uint8Array;
  private readonly from: Float64Array;
  private readonly to: Float64Array;
  private readonly icmpType: Float64Array;
  private readonly conditions: readonly Condition[];
  /** The IPv4 prefix lengths the list uses, and its IPv4 rules filed by block, each bucket in list order. */
  private readonly prefixes: readonly number[];
  private readonly buckets = new Map<number, number[]>();
  /** Rules that are not IPv4 blocks (group references, IPv6), in list order: these are read one by one. */
  private readonly others: readonly number[];

  constructor(entries: ReadonlyArray<{ item: T; condition: Condition }>) {
    const n = entries.length;
    this.items = entries.map((e) => e.item);
    this.conditions = entries.map((e) => e.condition);
    this.protocols = new Uint8Array(n);
    this.anyPort = new Uint8Array(n);
    this.from = new Float64Array(n);
    this.to = new Float64Array(n);
    this.icmpType = new Float64Array(n);
    const prefixes = new Set<number>();
    const others: number[] = [];
    this.conditions.forEach((c, i) => {
      this.protocols[i] = c.protocols;
      this.anyPort[i] = c.anyPort ? 1 : 0;
      this.from[i] = c.from;
      this.to[i] = c.to;
      this.icmpType[i] = c.icmpType;
      if (c.group === undefined && c.range?.version === 4) {
        prefixes.add(c.range.prefix);
        const key = c.range.prefix * TWO_32 + c.range.lo;
        const bucket = this.buckets.get(key);
        if (bucket) bucket.push(i);
        else this.buckets.set(key, [i]);
      } else if (c.group !== undefined || c.range) {
        others.push(i);
      }
    });
    this.prefixes = [...prefixes];
    this.others = others;
  }

  /** The first item in list order that matches the packet, or undefined. */
  first(packet: Packet): T | undefined {
    const peer = parseAddress(packet.peer);
    let best = Infinity;
    if (peer?.version === 4) {
      for (const prefix of this.prefixes) {
        const size = 2 ** (32 - prefix);
        const bucket = this.buckets.get(prefix * TWO_32 + (peer.v4 - (peer.v4 % size)));
        if (!bucket) continue;
        for (const i of bucket) {
          if (i >= best) break;
          if (this.portsMatch(i, packet)) {
            best = i;
            break;
          }
        }
      }
    }
    for (const i of this.others) {
      if (i >= best) break;
      if (!this.portsMatch(i, packet)) continue;
      const c = this.conditions[i]!;
      if (c.group !== undefined ? packet.peerGroupIds?.includes(c.group) : peer !== undefined && c.range !== undefined && inRange(c.range, peer)) {
        best = i;
        break;
      }
    }
    return best === Infinity ? undefined : this.items[best];
  }

  /** Protocol, then port (or ICMP type) unless the rule covers all traffic. */
  private portsMatch(i: number, packet: Packet): boolean {
    if ((this.protocols[i]! & BIT[packet.protocol]) === 0) return false;
    if (this.anyPort[i] === 1) return true;
    if (packet.protocol === 'icmp') {
      const type = this.icmpType[i]!;
      return type === -1 || type === packet.port;
    }
    return packet.port >= this.from[i]! && packet.port <= this.to[i]!;
  }
}
