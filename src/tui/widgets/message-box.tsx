import { Box, Text } from 'ink';
import { useTheme, type StyleName } from '../theme.js';
import { wrapText } from '../../lib/wrap.js';

/** Rows a message box of `width` takes for `text` (wrapped, at most `maxLines`) and an optional keys line. */
export function messageBoxHeight(text: string, width: number, maxLines: number, keys?: string): number {
  return Math.min(maxLines, wrapText(text, width - 4, { hard: true }).length) + (keys ? 1 : 0) + 2;
}

export interface MessageBoxProps {
  text: string;
  width: number;
  maxLines: number;
  style: StyleName;
  /** A last line saying which keys answer (for a question). */
  keys?: string;
}

/** Text in a border of its own colour: lab events and questions, so that they cannot be missed. */
export function MessageBox({ text, width, maxLines, style, keys }: MessageBoxProps) {
  const theme = useTheme();
  const lines = wrapText(text, width - 4, { hard: true, maxLines });
  return (
    <Box flexDirection="column" width={width} borderStyle="double" borderColor={theme.border(style)} paddingX={1} flexShrink={0}>
      {lines.map((line, i) => (
        <Text key={i} {...theme.style(style)} wrap="truncate-end">
          {line || ' '}
        </Text>
      ))}
      {keys ? (
        <Text {...theme.style('key')} wrap="truncate-end">
          {keys}
        </Text>
      ) : null}
    </Box>
  );
}
