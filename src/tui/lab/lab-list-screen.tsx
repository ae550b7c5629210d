import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { useSyncState } from '../widgets/use-sync-reducer.js';
import { APP_SECTION } from '../app-keys.js';
import { useKeymap } from '../keys/use-keymap.js';
import { useNavigation } from '../navigation.js';
import { useServices, useSize } from '../services.js';
import { useTheme } from '../theme.js';
import { firstSelectable, moveCursor } from '../widgets/list-state.js';
import { ScreenFrame } from '../widgets/screen-frame.js';
import { seg, type Segment } from '../widgets/segments.js';
import { SelectList, type ListRow } from '../widgets/select-list.js';
import { groupByTopic, labRows, loadCatalog, type LabRow } from './lab-catalog.js';
import { labListKeymap, type LabListAction } from './lab-list-keys.js';

/** Status as a glyph and a word. */
export function statusSegment(row: LabRow): Segment {
  if (row.status === 'done') return seg('✔ done       ', 'pass');
  if (row.status === 'in progress') return seg('… in progress', 'warn');
  return seg('○ new        ', 'muted');
}

/** The list's rows: a heading per topic, then its labs with level, minutes, status and best score. */
export function listRows(rows: readonly LabRow[], width: number): { list: ListRow[]; labs: (LabRow | undefined)[] } {
  const list: ListRow[] = [];
  const labs: (LabRow | undefined)[] = [];
  const titleWidth = Math.max(12, width - 2 - 14 - 8 - 14 - 8);
  for (const group of groupByTopic(rows)) {
    list.push({ key: `topic-${group.topic}`, segments: [seg(group.title, 'title')], selectable: false, heading: true });
    labs.push(undefined);
    for (const row of group.rows) {
      const title = row.title.length > titleWidth ? `${row.title.slice(0, titleWidth - 1)}…` : row.title.padEnd(titleWidth);
      const best = row.attempts ? `${row.bestScore}/${row.maxScore}` : '-';
      list.push({
        key: row.id,
        segments: [seg(`${title}  `), seg(row.level.padEnd(13), 'muted'), seg(`${row.minutes} min`.padEnd(8), 'muted'), statusSegment(row), seg(`  ${best.padStart(6)}`)],
        selectable: true,
      });
      labs.push(row);
    }
  }
  return { list, labs };
}

/** What Enter will do for a lab, and a line about it. */
function details(row: LabRow | undefined): string {
  if (!row) return '';
  const attempts = row.attempts ? `${row.attempts} attempt${row.attempts === 1 ? '' : 's'}, best ${row.bestScore}/${row.maxScore}` : 'not tried yet';
  const lines = row.resumable?.transcript.length ?? 0;
  const enter = row.resumable ? `Enter continues your attempt (${lines} line${lines === 1 ? '' : 's'}, ${row.resumable.score}/${row.resumable.maxScore} so far); n starts over` : 'Enter starts the lab';
  const tasks = row.entry.lab.tasks.length;
  return `${tasks} task${tasks === 1 ? '' : 's'} · topics ${row.entry.lab.topics.join(', ')} · ${attempts}. ${enter}.`;
}

export function LabListScreen({ labId }: { labId?: string }) {
  const services = useServices();
  const navigation = useNavigation();
  const theme = useTheme();
  const [help, setHelp] = useState(false);
  const catalog = loadCatalog(services.labsDir);
  const rows = useMemo(() => labRows(catalog.entries, services.store.read()), [catalog, services.store]);
  const { columns } = useSize();
  const { list, labs } = listRows(rows, columns);
  const selectable = list.map((r) => r.selectable);
  const [cursor, setCursor, latestCursor] = useSyncState(() => {
    const wanted = labId ? labs.findIndex((l) => l?.id === labId) : -1;
    return wanted !== -1 ? wanted : (firstSelectable(selectable) ?? 0);
  });
  const selected = labs[cursor];
  const open = (resume: boolean) => {
    const row = labs[latestCursor()];
    if (row) navigation.go({ name: 'lab', labId: row.id, resume });
  };
  const onAction = (action: LabListAction) => {
    switch (action.type) {
      case 'move':
        return setCursor((c) => moveCursor(selectable, c, action.by));
      case 'open':
        return open(true);
      case 'new':
        return open(false);
      case 'back':
        return navigation.go({ name: 'home' });
      case 'help':
        return setHelp(true);
    }
  };
  useKeymap(labListKeymap, onAction, { isActive: !help });
  const done = rows.filter((r) => r.status === 'done').length;
  return (
    <ScreenFrame title="labs" status={`${done} of ${rows.length} done`} keymap={labListKeymap} sections={[{ title: 'Lab list', keymap: labListKeymap }, APP_SECTION]} helpOpen={help} onCloseHelp={() => setHelp(false)}>
      {(body) => {
        const detailRows = 3;
        return (
          <Box flexDirection="column" width={body.width} height={body.height}>
            {rows.length === 0 ? <Text {...theme.style('muted')}>No labs found in {services.labsDir}.</Text> : null}
            <SelectList rows={list} cursor={cursor} width={body.width} height={Math.max(1, body.height - detailRows - catalog.errors.length)} />
            <Box flexGrow={1} />
            {catalog.errors.map((e, i) => (
              <Text key={i} {...theme.style('error')} wrap="truncate-end">{e}</Text>
            ))}
            <Box height={detailRows} borderStyle="single" borderTop borderBottom={false} borderLeft={false} borderRight={false} borderColor={theme.border('muted')}>
              <Text wrap="wrap">{details(selected)}</Text>
            </Box>
          </Box>
        );
      }}
    </ScreenFrame>
  );
}
