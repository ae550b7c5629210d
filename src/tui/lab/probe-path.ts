import type { ProbeHop, ProbeView } from '../../console/command.js';
import type { Segment } from '../widgets/segments.js';
import type { StyleName } from '../theme.js';

/**
 * A probe drawn as its path: the source, each hop the packet met on the way (route, gateway,
 * network ACL, security group) with the item that let it on, the destination, then the
 * return path the reply takes. The deciding hop is coloured (green allowed, red denied) and
 * followed by the engine's explanation; the rest stay quiet so that the eye finds it.
 */

const MARK: Record<ProbeHop['decision'], string> = { allow: '✔', deny: '✘', note: '·' };
const MARK_STYLE: Record<ProbeHop['decision'], StyleName> = { allow: 'pass', deny: 'fail', note: 'muted' };

/** What a hop is, in a word or two the learner knows from the console. */
export function hopLabel(hop: ProbeHop): string {
  switch (hop.kind) {
    case 'instance':
      return 'instance';
    case 'route':
      return 'route';
    case 'gateway':
      return hop.resource.startsWith('nat-') ? 'NAT' : hop.resource.startsWith('igw-') ? 'IGW' : 'gateway';
    case 'nacl-out':
      return 'NACL out';
    case 'nacl-in':
      return 'NACL in';
    case 'security-group-out':
      return 'SG out';
    case 'security-group-in':
      return 'SG in';
    case 'reply':
      return hop.resource.startsWith('acl-') ? 'NACL' : 'SG';
  }
}

const LABEL_WIDTH = 9;

/** A resource by the name the learner gave it (a group's name, a Name tag), else its ID: the explanation below names IDs. */
function resourceText(hop: ProbeHop, names: Readonly<Record<string, string>>): string {
  return hop.resource
    .split(', ')
    .map((id) => names[id] ?? id)
    .join(', ');
}

function hopRow(hop: ProbeHop, view: ProbeView, deciding: boolean, last: boolean): Segment[] {
  const style = MARK_STYLE[hop.decision];
  const rule = hop.rule ? `  ${hop.rule}` : '';
  const row: Segment[] = [
    { text: `  ${last ? '└' : '├'} ` },
    { text: MARK[hop.decision], style },
    { text: ` ${hopLabel(hop).padEnd(LABEL_WIDTH)}`, ...(deciding ? { style } : {}) },
    { text: `${resourceText(hop, view.names)}${rule}`, ...(deciding ? { style } : {}) },
  ];
  return deciding ? [...row, { text: '  ◀ deciding', style }] : row;
}

/**
 * The rows of one probe's drawing: the verdict, the path from source to destination, the
 * return path, and why, in the engine's words. An instance that is simply up is the path's
 * end, not a hop of its own; one that is down is the hop that decided.
 */
export function probeRows(view: ProbeView): Segment[][] {
  const decidingHop = view.deciding === undefined ? undefined : view.hops[view.deciding];
  const drawn = view.hops.filter((h) => !(h.kind === 'instance' && h.decision === 'note'));
  const firstReply = drawn.findIndex((h) => h.kind === 'reply');
  const forward = firstReply === -1 ? drawn : drawn.slice(0, firstReply);
  const back = firstReply === -1 ? [] : drawn.slice(firstReply);
  const verdict = view.allowed ? 'ALLOWED' : 'DENIED';
  const style: StyleName = view.allowed ? 'pass' : 'fail';
  const rows: Segment[][] = [[{ text: `${view.allowed ? '✔' : '✘'} ${verdict}`, style }, { text: `  ${view.traffic}` }]];
  rows.push([{ text: '  ● ', style: 'accent' }, { text: view.from }]);
  forward.forEach((hop) => rows.push(hopRow(hop, view, hop === decidingHop, false)));
  const reached = back.length > 0 || view.allowed;
  rows.push([{ text: '  ▼ ', style: 'accent' }, { text: view.to }, ...(reached ? [] : [{ text: '  not reached', style: 'muted' as const }])]);
  if (back.length) {
    rows.push([{ text: '  return path (the reply)', style: 'muted' }]);
    back.forEach((hop, i) => rows.push(hopRow(hop, view, hop === decidingHop, i === back.length - 1)));
  }
  if (decidingHop) rows.push([{ text: '  why: ', style }, { text: decidingHop.detail, style }]);
  return rows;
}
