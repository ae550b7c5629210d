import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { Keymap, KeymapSection } from '../keys/keymap.js';
import { frameHeight, useSize } from '../services.js';
import { useTheme } from '../theme.js';
import { useQuitNotice } from '../navigation.js';
import { Footer, type FooterItem } from './footer.js';
import { HelpOverlay } from './help-overlay.js';
import { helpKeymap } from './help-keys.js';

export interface ScreenFrameProps {
  /** Where the learner is, after "awslab". */
  title: string;
  /** Right side of the title bar (a lab's clock and score, the exam timer, …). */
  status?: ReactNode;
  /** The keys that work now, for the footer. */
  keymap: Keymap<unknown>;
  /** Every keymap of the screen, for the `?` overlay. */
  sections: readonly KeymapSection[];
  helpOpen: boolean;
  onCloseHelp(): void;
  /** The footer's `?` item; false where `?` is typed text. */
  helpItem?: FooterItem | false;
  /** Rows the body gets: the frame less the title bar and the footer. */
  children: (body: { width: number; height: number }) => ReactNode;
}

/**
 * Every screen's frame: a title bar, the body, and a footer with the keys that work there.
 * The frame is exactly as tall as the window allows (see frameHeight), so Ink never has to
 * scroll; the body gets a fixed number of rows and its panes scroll inside themselves.
 */
export function ScreenFrame({ title, status, keymap, sections, helpOpen, onCloseHelp, helpItem, children }: ScreenFrameProps) {
  const size = useSize();
  const theme = useTheme();
  const notice = useQuitNotice();
  const height = frameHeight(size);
  const body = { width: size.columns, height: height - 2 };
  return (
    <Box flexDirection="column" width={size.columns} height={height}>
      <Box width={size.columns} height={1} justifyContent="space-between">
        <Box flexShrink={1}>
          <Text wrap="truncate-end">
            <Text {...theme.style('title')}>awslab</Text>
            <Text {...theme.style('muted')}> › </Text>
            <Text bold>{title}</Text>
          </Text>
        </Box>
        {status ? (
          <Box flexShrink={0} marginLeft={1}>
            {typeof status === 'string' ? <Text {...theme.style('muted')}>{status}</Text> : status}
          </Box>
        ) : null}
      </Box>
      <Box width={body.width} height={body.height} flexDirection="column" overflow="hidden">
        {helpOpen ? <HelpOverlay sections={sections} width={body.width} height={body.height} onClose={onCloseHelp} /> : children(body)}
      </Box>
      <Footer keymap={helpOpen ? helpKeymap : keymap} width={size.columns} help={helpOpen ? false : helpItem} notice={notice} />
    </Box>
  );
}
