import { Box, Text } from 'ink';
import { useState } from 'react';
import { keysLabel, type KeymapSection } from '../keys/keymap.js';
import { useKeymap } from '../keys/use-keymap.js';
import { useTheme } from '../theme.js';
import { helpKeymap } from './help-keys.js';
import { scrollTo } from './list-state.js';
import { wrapText } from '../../lib/wrap.js';

export interface HelpLine {
  keys?: string;
  text: string;
  heading?: boolean;
}

/**
 * The overlay's lines, generated from the very keymaps the screen's input handlers use; with
 * a width, descriptions are wrapped to it (continuation lines have no keys).
 */
export function helpLines(sections: readonly KeymapSection[], width = Infinity): HelpLine[] {
  const lines: HelpLine[] = [];
  for (const section of sections) {
    if (lines.length) lines.push({ text: '' });
    lines.push({ text: section.title, heading: true });
    for (const binding of section.keymap) {
      const texts = Number.isFinite(width) ? wrapText(binding.description, width, { hard: true }) : [binding.description];
      texts.forEach((text, i) => lines.push(i === 0 ? { keys: keysLabel(binding), text } : { keys: '', text }));
    }
  }
  return lines;
}

const KEY_COLUMN = 18;

export interface HelpOverlayProps {
  sections: readonly KeymapSection[];
  width: number;
  height: number;
  onClose(): void;
}

/** The `?` overlay: every key of the screen, with what it does; scrolls when it is long. */
export function HelpOverlay({ sections, width, height, onClose }: HelpOverlayProps) {
  const theme = useTheme();
  const [top, setTop] = useState(0);
  const lines = helpLines(sections, Math.max(10, width - 4 - KEY_COLUMN));
  const inner = Math.max(1, height - 2);
  useKeymap(helpKeymap, (action) => {
    if (action.type === 'close') onClose();
    else setTop((t) => scrollTo(t + (action.type === 'page' ? action.by * (inner - 1) : action.by), lines.length, inner));
  });
  const keyWidth = Math.min(KEY_COLUMN, Math.max(...lines.map((l) => l.keys?.length ?? 0)) + 2);
  return (
    <Box width={width} height={height} borderStyle="round" borderColor={theme.border('accent')} flexDirection="column" paddingX={1}>
      {lines.slice(top, top + inner).map((line, i) =>
        line.heading ? (
          <Text key={i} {...theme.style('title')} wrap="truncate-end">
            {line.text}
          </Text>
        ) : (
          <Text key={i} wrap="truncate-end">
            <Text {...theme.style('key')}>{(line.keys ?? '').padEnd(keyWidth)}</Text>
            {line.text}
          </Text>
        ),
      )}
    </Box>
  );
}
