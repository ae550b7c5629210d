import { Box, Text } from 'ink';
import { memo } from 'react';
import { useTheme } from '../theme.js';
import { Line } from '../widgets/segments.js';
import { visibleRows, type ScrollLine } from './scrollback.js';

export interface ConsolePaneProps {
  lines: readonly ScrollLine[];
  /** Lines hidden below the window (0 follows the end). */
  offset: number;
  width: number;
  height: number;
}

/**
 * The console's scrollback. Only the rows in the window are wrapped and rendered, and the
 * pane is memoised, so typing at the prompt does not touch it however long the scrollback.
 */
export const ConsolePane = memo(function ConsolePane({ lines, offset, width, height }: ConsolePaneProps) {
  const theme = useTheme();
  const marker = offset > 0 ? 1 : 0;
  const { rows, below } = visibleRows(lines, offset, width, Math.max(1, height - marker));
  return (
    <Box flexDirection="column" width={width} height={height}>
      {rows.map((segments, i) => (
        <Line key={i} segments={segments} />
      ))}
      {marker ? (
        <Text {...theme.style('warn')} wrap="truncate-end">
          {`↓ ${below} more line${below === 1 ? '' : 's'} below · PgDn to scroll, Enter to return`}
        </Text>
      ) : null}
    </Box>
  );
});
