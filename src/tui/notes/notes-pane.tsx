import { Box, Text } from 'ink';
import { memo } from 'react';
import { useTheme } from '../theme.js';
import { TextWindow } from '../widgets/text-window.js';
import { renderNote } from './notes-model.js';

export interface NotesPaneProps {
  topic: string | undefined;
  /** Shown after the title, e.g. "1 of 2". */
  position?: string;
  top: number;
  width: number;
  height: number;
  focused: boolean;
  /** What to press to move into the pane, shown while it is not focused. */
  focusHint?: string;
  dir?: string;
}

/** Columns of text inside a notes pane of `width` (border and padding taken off). */
export const notesTextWidth = (width: number) => Math.max(10, width - 4);

/** A reference note rendered with marked-terminal, in a bordered pane that scrolls. */
export const NotesPane = memo(function NotesPane({ topic, position, top, width, height, focused, focusHint, dir }: NotesPaneProps) {
  const theme = useTheme();
  const note = topic ? renderNote(topic, notesTextWidth(width), theme.colour, dir) : undefined;
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle={focused ? 'double' : 'round'} borderColor={theme.border(focused ? 'accent' : 'muted')} paddingX={1}>
      <Text {...theme.style('title')} wrap="truncate-end">
        {`${note?.title ?? topic ?? 'Notes'}${position ? ` (${position})` : ''}${focused || !focusHint ? '' : ` · ${focusHint}`}`}
      </Text>
      {note ? (
        <TextWindow lines={note.lines} top={top} width={notesTextWidth(width)} height={Math.max(1, height - 3)} />
      ) : (
        <Text {...theme.style('muted')}>{topic ? `There is no note for ${topic} yet.` : 'This lab names no topics with notes.'}</Text>
      )}
    </Box>
  );
});
