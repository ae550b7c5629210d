import { Box, Text } from 'ink';
import { memo } from 'react';
import type { ResourceTree } from '../../app/resource-tree.js';
import { useTheme } from '../theme.js';
import { Line, type Segment } from '../widgets/segments.js';
import { resourceRows } from './resource-rows.js';

export interface ResourcesPaneProps {
  tree: ResourceTree;
  /** The region the console is in, named in the title. */
  region: string;
  width: number;
  height: number;
}

/**
 * The tree's rows for a pane of `height`: every fact when they fit, else one row per
 * resource, else as many as fit and the count of the rest.
 */
export function paneRows(tree: ResourceTree, height: number): { rows: Segment[][]; hidden: number } {
  // The title rule takes a row.
  const room = Math.max(1, height - 1);
  const full = resourceRows(tree, 'full');
  const rows = full.length <= room ? full : resourceRows(tree, 'compact');
  if (rows.length <= room) return { rows, hidden: 0 };
  const shown = rows.slice(0, Math.max(0, room - 1));
  return { rows: shown, hidden: rows.length - shown.length };
}

/** Rows the pane needs at most `height`: a pane over the console gives the rest back to it. */
export function paneHeight(tree: ResourceTree, height: number): number {
  const { rows, hidden } = paneRows(tree, height);
  return Math.min(height, 1 + rows.length + (hidden ? 1 : 0));
}

/**
 * The account as a tree beside (or over) the console, redrawn after every line. Rows are cut
 * at the pane's width and never pass its height, so the pane never pushes the layout. No
 * border: a title rule, as the task list has, leaves every other row to the tree.
 */
export const ResourcesPane = memo(function ResourcesPane({ tree, region, width, height }: ResourcesPaneProps) {
  const theme = useTheme();
  const { rows, hidden } = paneRows(tree, height);
  const title = `── Resources · ${region} · Ctrl+T hides `;
  return (
    <Box flexDirection="column" width={width} height={height} paddingLeft={1} overflow="hidden">
      <Text {...theme.style('muted')} wrap="truncate-end">{`${title}${'─'.repeat(Math.max(0, width - 1 - title.length))}`}</Text>
      {rows.map((segments, i) => (
        <Line key={i} segments={segments} />
      ))}
      {hidden ? <Text {...theme.style('warn')} wrap="truncate-end">{`… ${hidden} more rows: a taller window shows them`}</Text> : null}
    </Box>
  );
});
