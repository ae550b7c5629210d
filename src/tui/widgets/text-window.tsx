import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';

export interface TextWindowProps {
  /** Lines already wrapped to the width (they may carry ANSI styles, as rendered notes do). */
  lines: readonly string[];
  top: number;
  width: number;
  height: number;
}

/** A window onto a long text: only the visible lines are rendered, with a position marker. */
export function TextWindow({ lines, top, width, height }: TextWindowProps) {
  const theme = useTheme();
  const room = Math.max(1, height - (lines.length > height ? 1 : 0));
  const shown = lines.slice(top, top + room);
  const more = lines.length > height;
  const last = Math.min(lines.length, top + room);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line === '' ? ' ' : line}
        </Text>
      ))}
      {more ? (
        <Box flexGrow={1} alignItems="flex-end">
          <Text {...theme.style('muted')} wrap="truncate-end">
            {`lines ${top + 1}-${last} of ${lines.length}${last < lines.length ? ' · more below' : ' · end'}`}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
}
