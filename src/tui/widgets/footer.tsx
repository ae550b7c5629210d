import { Box, Text } from 'ink';
import { keysLabel, type Keymap } from '../keys/keymap.js';
import { useTheme } from '../theme.js';

export interface FooterItem {
  keys: string;
  what: string;
}

/** The footer's items for a keymap: the bindings that have a short label, in order. */
export function footerItems(keymap: Keymap<unknown>): FooterItem[] {
  return keymap.filter((b) => b.short).map((b) => ({ keys: b.footerKeys ?? keysLabel(b), what: b.short! }));
}

/** As many items as fit in `width` columns, always ending with the way to see every key. */
export function fitFooter(items: readonly FooterItem[], width: number, last: FooterItem | undefined): FooterItem[] {
  const size = (item: FooterItem) => item.keys.length + 1 + item.what.length + 2;
  let room = width - 1 - (last ? size(last) : 0);
  const shown: FooterItem[] = [];
  for (const item of items) {
    if (size(item) > room) break;
    shown.push(item);
    room -= size(item);
  }
  return last ? [...shown, last] : shown;
}

export interface FooterProps {
  keymap: Keymap<unknown>;
  width: number;
  /** The `?` item, or none on screens where `?` is typed text. */
  help?: FooterItem | false;
  /** A message in place of the keys (Ctrl+C asked to confirm, …). */
  notice?: string;
}

const HELP: FooterItem = { keys: '?', what: 'all keys' };

/** One line listing the keys that work here. */
export function Footer({ keymap, width, help, notice }: FooterProps) {
  const theme = useTheme();
  if (notice) {
    return (
      <Box width={width} height={1}>
        <Text {...theme.style('warn')} wrap="truncate-end">{notice}</Text>
      </Box>
    );
  }
  const items = fitFooter(footerItems(keymap), width, help === false ? undefined : (help ?? HELP));
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate-end">
        {items.map((item, i) => (
          <Text key={i}>
            <Text {...theme.style('key')}>{item.keys}</Text>
            <Text {...theme.style('muted')}> {item.what}</Text>
            {i < items.length - 1 ? '  ' : ''}
          </Text>
        ))}
      </Text>
    </Box>
  );
}
