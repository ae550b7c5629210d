import { Box } from 'ink';
import { Line, seg, type Segment } from './segments.js';
import { windowStart } from './list-state.js';

export interface ListRow {
  key: string;
  segments: readonly Segment[];
  /** Headings and blank rows are not selectable. */
  selectable: boolean;
  /** A heading starts at the margin; other rows leave room for the cursor. */
  heading?: boolean;
}

export interface SelectListProps {
  rows: readonly ListRow[];
  cursor: number;
  width: number;
  height: number;
  /** Show the cursor (a list that does not have the keys shows none). */
  focused?: boolean;
}

/** A list shown through a window that follows the cursor; only the visible rows are rendered. */
export function SelectList({ rows, cursor, width, height, focused = true }: SelectListProps) {
  const top = windowStart(cursor, rows.length, height);
  const visible = rows.slice(top, top + height);
  return (
    <Box flexDirection="column" width={width} height={Math.min(height, Math.max(1, rows.length))}>
      {visible.map((row, i) => {
        const selected = focused && top + i === cursor;
        const marker = row.heading ? seg('') : top + i === cursor ? seg(focused ? '❯ ' : '› ', focused ? 'accent' : 'muted') : seg('  ');
        return <Line key={row.key} segments={[marker, ...row.segments]} selected={selected} />;
      })}
    </Box>
  );
}
