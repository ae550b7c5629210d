/**
 * The probe's words, shared by the console's `probe` line and a lab's `probe:` check:
 * `PROTOCOL PORT from SOURCE to DESTINATION`. Parsing needs no state (so a lab file's check
 * is refused at load time for a bad word); resolving the endpoints reads the region's
 * instances, and evaluating reads the world's faults as the probe's conditions.
 */
import ipaddr from 'ipaddr.js';
import type { World } from '../world.js';
import { isWellFormedId } from './errors.js';
import type { Protocol } from './packet-filters.js';
import { probe, type Endpoint, type Hop, type ProbeRequest, type ProbeResult } from './reachability.js';
import type { Ec2RegionState, Instance } from './state.js';

/** The host `internet` stands for: an address from TEST-NET-3 (RFC 5737), never a real one. */
export const INTERNET_HOST = '203.0.113.10';

export const PROBE_PROTOCOLS: readonly Protocol[] = ['tcp', 'udp', 'icmp'];

export const PROBE_SYNTAX = 'PROTOCOL PORT from SOURCE to DESTINATION';

/** A probe as written, its endpoints still words. */
export interface ProbeSpec {
  protocol: Protocol;
  port: number;
  from: string;
  to: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

const isIpv4 = (word: string) => ipaddr.IPv4.isValidFourPartDecimal(word);

/** Why a word can never name an endpoint, or undefined when it may (a Name tag is looked up later). */
function badEndpoint(word: string, role: string): string | undefined {
  if (/^[\d.:a-fA-F]+\/\d+$/.test(word)) {
    return `${role} '${word}' is a range; a probe goes from one host to one host: write one address such as ${word.split('/')[0]}, an instance, or internet`;
  }
  if (/^\d+(\.\d+)*$/.test(word) && !isIpv4(word)) return `${role} '${word}' is not an IPv4 address (four numbers 0-255, e.g. 203.0.113.9)`;
  if (word.startsWith('i-') && !isWellFormedId(word, 'i')) return `${role} '${word}' is not a well-formed instance ID (i- and 8 or 17 hex digits, e.g. i-0123456789abcdef0)`;
  return undefined;
}

/** Parses `PROTOCOL PORT from SOURCE to DESTINATION`; the error names the word that is wrong. */
export function parseProbeWords(words: readonly string[]): Parsed<ProbeSpec> {
  const [protocolWord, portWord, fromWord, source, toWord, destination, ...extra] = words;
  if (protocolWord === undefined) return fail(`expected ${PROBE_SYNTAX}, e.g. tcp 22 from 203.0.113.9 to web`);
  const protocol = protocolWord.toLowerCase() as Protocol;
  if (!PROBE_PROTOCOLS.includes(protocol)) return fail(`unknown protocol '${protocolWord}': expected ${PROBE_PROTOCOLS.join(', ')}`);
  const max = protocol === 'icmp' ? 255 : 65535;
  const what = protocol === 'icmp' ? 'ICMP type' : 'port';
  if (portWord === undefined) return fail(`expected a ${what} after ${protocolWord} (${PROBE_SYNTAX})`);
  if (!/^\d+$/.test(portWord) || Number(portWord) > max) {
    return fail(`${what} '${portWord}' is out of range: expected a whole number 0-${max}${protocol === 'icmp' ? ' (8 is a ping)' : ''}`);
  }
  if (fromWord !== 'from') return fail(`expected 'from' after the ${what}, found ${fromWord === undefined ? 'nothing' : `'${fromWord}'`} (${PROBE_SYNTAX})`);
  if (source === undefined || source === 'to') return fail(`expected a source after 'from': an instance ID, a Name tag, an IPv4 address or internet`);
  if (toWord !== 'to') return fail(`expected 'to' after the source, found ${toWord === undefined ? 'nothing' : `'${toWord}'`} (${PROBE_SYNTAX})`);
  if (destination === undefined) return fail(`expected a destination after 'to': an instance ID, a Name tag, an IPv4 address or internet`);
  if (extra.length) return fail(`unexpected '${extra.join(' ')}' after the destination (${PROBE_SYNTAX})`);
  const bad = badEndpoint(source, 'source') ?? badEndpoint(destination, 'destination');
  if (bad) return fail(bad);
  return { ok: true, value: { protocol, port: Number(portWord), from: source, to: destination } };
}

const nameOf = (i: Instance) => i.Tags.find((t) => t.Key === 'Name')?.Value;

/** The endpoint a word names in this region's state. */
export function resolveEndpoint(state: Ec2RegionState, word: string, role: string, region: string): Parsed<Endpoint> {
  if (word === 'internet') return { ok: true, value: { kind: 'internet', address: INTERNET_HOST } };
  if (isIpv4(word)) {
    const owner = [...state.instances.values()].find((i) => i.State !== 'terminated' && i.PrivateIpAddress === word);
    return { ok: true, value: owner ? { kind: 'instance', instance: owner } : { kind: 'internet', address: word } };
  }
  if (isWellFormedId(word, 'i')) {
    const instance = state.instances.get(word);
    return instance ? { ok: true, value: { kind: 'instance', instance } } : fail(`${role}: no instance '${word}' in ${region}`);
  }
  const live = [...state.instances.values()].filter((i) => i.State !== 'terminated');
  const named = live.filter((i) => nameOf(i) === word);
  if (named.length === 1) return { ok: true, value: { kind: 'instance', instance: named[0]! } };
  if (named.length > 1) return fail(`${role}: ${named.length} instances are named '${word}' (${named.map((i) => i.InstanceId).join(', ')}); use an instance ID`);
  const names = [...new Set(live.map(nameOf).filter((n) => n !== undefined))].sort();
  return fail(`${role}: no instance named '${word}' in ${region} that is not terminated (${names.length ? `names: ${names.join(', ')}` : 'no instance has a Name tag'}); write an instance ID, a Name tag, an IPv4 address or internet`);
}

/** The engine's request for a parsed probe, or why an endpoint names nothing. */
export function resolveProbe(state: Ec2RegionState, spec: ProbeSpec, region: string): Parsed<ProbeRequest> {
  const from = resolveEndpoint(state, spec.from, 'source', region);
  if (!from.ok) return from;
  const to = resolveEndpoint(state, spec.to, 'destination', region);
  if (!to.ok) return to;
  return { ok: true, value: { protocol: spec.protocol, port: spec.port, from: from.value, to: to.value } };
}

/** Resolves and evaluates a probe in a region of the world, its faults in force. */
export function probeWorld(world: World, region: string, spec: ProbeSpec): Parsed<ProbeResult> {
  const state = world.serviceState<Ec2RegionState>('ec2', region);
  const request = resolveProbe(state, spec, region);
  if (!request.ok) return request;
  const conditions = {
    isZoneDown: (zone: string) => world.isZoneDown(zone),
    isInstanceFailed: (id: string) => world.faults.some((f) => f.kind === 'instance-failure' && f.target === id),
  };
  return { ok: true, value: probe(state, request.value, conditions) };
}

/**
 * The hop that decided: where a denied probe stopped, or for an allowed one the last rule
 * that let it through (the destination's inbound security group rule when there is one).
 */
export function decidingHop(result: ProbeResult): Hop | undefined {
  if (!result.allowed) return result.hops.find((h) => h.decision === 'deny');
  const allows = result.hops.filter((h) => h.decision === 'allow');
  return allows.findLast((h) => h.kind === 'security-group-in') ?? allows[allows.length - 1];
}

/** `tcp 22 from web to db`, as the learner wrote it. */
export const probeText = (spec: ProbeSpec) => `${spec.protocol} ${spec.port} from ${spec.from} to ${spec.to}`;
