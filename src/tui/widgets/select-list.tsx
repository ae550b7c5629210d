import { Box, Text } from 'ink';
import SelectInput, { type IndicatorProps, type ItemProps } from 'ink-select-input';
import { createContext, useContext } from 'react';
import { useTheme } from '../theme.js';
import { Line, type Segment } from './segments.js';
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

/** What the row and indicator components read: ink-select-input hands them only a label and isSelected. */
interface ListContextValue {
  rows: ReadonlyMap<string, ListRow>;
  focused: boolean;
}

const ListContext = createContext<ListContextValue>({ rows: new Map(), focused: true });

/** The cursor: ❯ on the list that has the keys, a dim › on one that does not. */
function Indicator({ isSelected = false }: IndicatorProps) {
  const theme = useTheme();
  const { focused } = useContext(ListContext);
  if (!isSelected) return null;
  // Not shrunk: the row beside it is the one cut to the width.
  return (
    <Box flexShrink={0}>
      <Text {...theme.style(focused ? 'accent' : 'muted')} {...(focused ? theme.style('selected') : {})}>{focused ? '❯ ' : '› '}</Text>
    </Box>
  );
}

/** A row's styled text; the item's label is the row's key. Rows without the cursor keep its room. */
function Row({ label, isSelected = false }: ItemProps) {
  const { rows, focused } = useContext(ListContext);
  const row = rows.get(label);
  if (!row) return null;
  const room = row.heading || isSelected ? [] : [{ text: '  ' }];
  return <Line segments={[...room, ...row.segments]} selected={focused && isSelected} />;
}

/**
 * A list shown through a window that follows the cursor; only the visible rows are rendered.
 * ink-select-input draws the rows with our row and cursor components. The screens keep the
 * keys (their keymaps list them in the footer and in help, and add hotkeys and headings the
 * cursor skips), so the select input takes no input itself and is told the cursor by its
 * initial index, drawn afresh when the cursor or the rows in the window change (a handful of rows).
 */
export function SelectList({ rows, cursor, width, height, focused = true }: SelectListProps) {
  const top = windowStart(cursor, rows.length, height);
  const visible = rows.slice(top, top + height);
  const context = { rows: new Map(visible.map((r) => [r.key, r])), focused };
  const items = visible.map((r) => ({ key: r.key, label: r.key, value: r.key }));
  // A cursor on a row it cannot rest on (a list with nothing to choose) shows no cursor.
  const selected = rows[cursor]?.selectable ? cursor - top : -1;
  return (
    <Box flexDirection="column" width={width} height={Math.min(height, Math.max(1, rows.length))}>
      <ListContext.Provider value={context}>
        <SelectInput key={`${selected}:${items.map((i) => i.key).join(' ')}`} items={items} isFocused={false} initialIndex={selected} indicatorComponent={Indicator} itemComponent={Row} />
      </ListContext.Provider>
    </Box>
  );
}
