import { Text } from 'ink';
import { useTheme, type StyleName } from '../theme.js';

/** A run of text in one style: rows of text are lists of these. */
export interface Segment {
  text: string;
  style?: StyleName;
}

export const seg = (text: string, style?: StyleName): Segment => (style ? { text, style } : { text });

/** One row of styled text, cut to the width with an ellipsis. */
export function Line({ segments, selected = false }: { segments: readonly Segment[]; selected?: boolean }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end" {...(selected ? theme.style('selected') : {})}>
      {segments.every((s) => s.text === '') ? ' ' : segments.map((s, i) => (
        <Text key={i} {...(s.style ? theme.style(s.style) : {})}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}
