import type { InstanceNode, ResourceTree, SubnetNode, VpcNode } from '../../app/resource-tree.js';
import type { Segment } from '../widgets/segments.js';
import type { StyleName } from '../theme.js';

/**
 * The resources pane's rows: each VPC, its gateways, its subnets (public or private, and
 * why, with the route table and network ACL), and in each subnet its instances with their
 * security groups; then the S3 buckets. The default VPC's subnets without an instance are
 * folded into one row, since a new account has one per zone and they would crowd out the
 * learner's own network.
 */

/**
 * Full: every fact on its own row, IDs beside names. Compact, for a small window: one row per
 * resource, names first and IDs last (so a narrow pane cuts the IDs, not the facts), without
 * the route table and network ACL.
 */
export type Detail = 'full' | 'compact';

const STATE_STYLE: Record<string, StyleName> = { running: 'pass', pending: 'warn', stopping: 'warn', 'shutting-down': 'warn', stopped: 'fail', terminated: 'muted' };

const label = (id: string, name?: string) => (name === undefined ? id : `${name} ${id}`);
const idAfter = (id: string, name?: string): Segment[] => (name === undefined ? [] : [{ text: `  ${id}`, style: 'muted' }]);

function instanceRows(instance: InstanceNode, prefix: string, last: boolean, detail: Detail): Segment[][] {
  const ips = [instance.privateIp, ...(instance.publicIp ? [`public ${instance.publicIp}`] : [])].join(' · ');
  const branch: Segment = { text: `${prefix}${last ? '└ ' : '├ '}` };
  const state: Segment[] = [{ text: ' ' }, { text: instance.state, style: STATE_STYLE[instance.state] ?? 'plain' }, { text: ` ${ips}`, style: 'muted' }];
  if (detail === 'compact') {
    const groups = instance.groups.map((g) => g.name).join(', ') || 'none';
    return [[branch, { text: instance.name ?? instance.id, style: 'title' }, ...state, { text: ' · sg ', style: 'muted' }, { text: groups }, ...idAfter(instance.id, instance.name)]];
  }
  const groups = instance.groups.map((g) => (g.name === g.id ? g.id : `${g.name} (${g.id})`)).join(', ');
  return [
    [branch, { text: label(instance.id, instance.name), style: 'title' }, ...state],
    [{ text: `${prefix}${last ? '    ' : '│   '}sg: `, style: 'muted' }, { text: groups || 'none' }],
  ];
}

function subnetRows(subnet: SubnetNode, last: boolean, detail: Detail): Segment[][] {
  const branch = last ? '└ ' : '├ ';
  const under = last ? '    ' : '│   ';
  const why: Segment = { text: subnet.why, style: subnet.access.kind === 'public' ? 'warn' : 'hint' };
  const rows: Segment[][] = [];
  if (detail === 'compact') {
    rows.push([{ text: `  ${branch}` }, { text: subnet.name ?? subnet.id, style: 'accent' }, { text: ` ${subnet.cidr} · `, style: 'muted' }, why, ...idAfter(subnet.id, subnet.name)]);
  } else {
    const table = subnet.routeTable ? `${subnet.routeTable.id} (${subnet.routeTable.association})` : 'no route table';
    const acl = subnet.networkAcl ? `${subnet.networkAcl.id}${subnet.networkAcl.isDefault ? ' (default)' : ''}` : 'no network ACL';
    rows.push(
      [{ text: `  ${branch}` }, { text: label(subnet.id, subnet.name), style: 'accent' }, { text: ` ${subnet.cidr} ${subnet.zone}`, style: 'muted' }],
      [{ text: `  ${under}` }, why],
      [{ text: `  ${under}` }, { text: `routes ${table} · acl ${acl}`, style: 'muted' }],
    );
  }
  subnet.instances.forEach((instance, i) => rows.push(...instanceRows(instance, `  ${under}`, i === subnet.instances.length - 1, detail)));
  return rows;
}

function vpcRows(vpc: VpcNode, detail: Detail): Segment[][] {
  const gateways = [...vpc.internetGateways.map((id) => `${id} attached`), ...vpc.natGateways.map((n) => `${n.id} ${n.state}${n.publicIp ? ` ${n.publicIp}` : ''} in ${n.subnetId}`)];
  const head: Segment[] = [{ text: vpc.isDefault ? 'default VPC ' : 'VPC ', style: 'title' }, { text: label(vpc.id, vpc.name), style: 'title' }, { text: ` ${vpc.cidr}`, style: 'muted' }];
  const shown = vpc.isDefault ? vpc.subnets.filter((s) => s.instances.length > 0) : vpc.subnets;
  const folded = vpc.subnets.length - shown.length;
  const publics = vpc.subnets.filter((s) => !shown.includes(s) && s.access.kind === 'public').length;
  const foldedText = `${folded} ${publics === folded ? 'public ' : publics === 0 ? 'private ' : ''}subnet${folded === 1 ? '' : 's'} without instances`;
  const rows: Segment[][] = [];
  if (detail === 'compact') {
    // A default VPC nobody launched into is one row.
    const tail = shown.length === 0 && folded > 0 ? [{ text: ` · ${foldedText}`, style: 'muted' as const }] : [];
    rows.push([...head, ...gateways.map((g) => ({ text: ` · ${g}`, style: 'muted' as const })), ...tail]);
    if (tail.length) return rows;
  } else {
    rows.push(head, [{ text: '  gateways: ', style: 'muted' }, { text: gateways.length ? gateways.join(' · ') : 'none' }]);
  }
  shown.forEach((subnet, i) => rows.push(...subnetRows(subnet, i === shown.length - 1 && folded === 0, detail)));
  if (folded > 0) rows.push([{ text: `  └ ${shown.length ? '+ ' : ''}${foldedText}`, style: 'muted' }]);
  return rows;
}

export function resourceRows(tree: ResourceTree, detail: Detail = 'full'): Segment[][] {
  const rows: Segment[][] = [];
  if (tree.regions.length === 0) rows.push([{ text: 'no EC2 resources (EC2 not used yet)', style: 'muted' }]);
  const several = tree.regions.length > 1;
  for (const region of tree.regions) {
    if (several) rows.push([{ text: `── ${region.region}`, style: 'key' }]);
    for (const vpc of region.vpcs) rows.push(...vpcRows(vpc, detail));
    if (region.vpcs.length === 0) rows.push([{ text: 'no VPCs', style: 'muted' }]);
  }
  if (tree.buckets.length) {
    rows.push([{ text: `S3 buckets (${tree.buckets.length})`, style: 'title' }]);
    for (const b of tree.buckets) rows.push([{ text: `  ${b.name}` }, { text: ` ${b.region} · versioning ${b.versioning}`, style: 'muted' }]);
  }
  return rows;
}
