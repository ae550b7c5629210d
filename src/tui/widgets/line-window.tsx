import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { Line, type Segment } from './segments.js';

export interface LineWindowProps {
  lines: readonly (readonly Segment[])[];
  top: number;
  width: number;
  height: number;
}

/** A window onto rows of styled text, with a marker when there is more than fits. */
export function LineWindow({ lines, top, width, height }: LineWindowProps) {
  const theme = useTheme();
  const more = lines.length > height;
  const room = Math.max(1, height - (more ? 1 : 0));
  const last = Math.min(lines.length, top + room);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {lines.slice(top, top + room).map((segments, i) => (
        <Line key={i} segments={segments} />
      ))}
      {more ? (
        <Box flexGrow={1} alignItems="flex-end">
          <Text {...theme.style('muted')} wrap="truncate-end">{`lines ${top + 1}-${last} of ${lines.length}${last < lines.length ? ' · ↓ for more' : ''}`}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
