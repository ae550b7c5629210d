import { Box } from 'ink';
import type { ReactNode } from 'react';
import { MessageBox, messageBoxHeight } from '../widgets/message-box.js';
import { PromptLine } from '../widgets/prompt-line.js';
import { Line, seg } from '../widgets/segments.js';
import type { TextInputState } from '../widgets/text-input-state.js';
import { ConsolePane } from './console-pane.js';
import type { ScrollLine } from './scrollback.js';

export const PROMPT = '$';
const BOX_LINES = 4;
const DIALOG_KEYS = 'Enter/y: yes   Esc/n: no';

export interface ColumnRows {
  /** Scrollback rows (0 when the notes lying over the console take them all). */
  console: number;
  /** Rows of the notes pane: part of the column when over the console, all of it beside. */
  notes: number;
}

/**
 * How the console's column shares its rows, bottom up: the prompt, the completion list, a
 * question, the lab event's message, then the scrollback. Notes over the console share the
 * scrollback's rows with the latest output, so a line run while reading still shows.
 */
export function columnRows(height: number, width: number, parts: { banner?: string; dialog?: string; candidates: boolean; notes?: 'over' | 'beside'; notesFocused: boolean }): ColumnRows {
  const dialog = parts.dialog ? messageBoxHeight(parts.dialog, width, BOX_LINES, DIALOG_KEYS) : 0;
  const banner = parts.banner && !parts.dialog ? messageBoxHeight(parts.banner, width, BOX_LINES) : 0;
  const output = Math.max(1, height - 1 - (parts.candidates ? 1 : 0) - dialog - banner);
  if (parts.notes !== 'over') return { console: output, notes: height };
  const notes = Math.max(Math.min(output, 5), Math.floor(output * (parts.notesFocused ? 0.7 : 0.55)));
  return { console: Math.max(0, output - notes), notes };
}

export interface ConsoleColumnProps {
  width: number;
  height: number;
  rows: ColumnRows;
  lines: readonly ScrollLine[];
  offset: number;
  input: TextInputState;
  candidates: readonly string[];
  banner?: string;
  dialog?: string;
  focused: boolean;
  /** The notes pane when it lies over the console. */
  notesOver?: ReactNode;
}

/** The console's column: scrollback (or notes over it), event message, question, completions, prompt. */
export function ConsoleColumn({ width, height, rows, lines, offset, input, candidates, banner, dialog, focused, notesOver }: ConsoleColumnProps) {
  return (
    <Box flexDirection="column" width={width} height={height}>
      {notesOver ?? null}
      {rows.console > 0 ? <ConsolePane lines={lines} offset={offset} width={width} height={rows.console} /> : null}
      {banner && !dialog ? <MessageBox text={banner} width={width} maxLines={BOX_LINES} style="say" /> : null}
      {dialog ? <MessageBox text={dialog} width={width} maxLines={BOX_LINES} style="warn" keys={DIALOG_KEYS} /> : null}
      {candidates.length ? <Line segments={[seg(candidates.join('  '), 'muted')]} /> : null}
      <PromptLine prompt={PROMPT} input={input} width={width} focused={focused} />
    </Box>
  );
}
