import { dirname } from 'node:path';
import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { useSyncState } from '../widgets/use-sync-reducer.js';
import { APP_SECTION } from '../app-keys.js';
import { useKeymap } from '../keys/use-keymap.js';
import { useNavigation, type Route } from '../navigation.js';
import { useLoadingServices } from '../services.js';
import { useTheme } from '../theme.js';
import { ScreenFrame } from '../widgets/screen-frame.js';
import { seg } from '../widgets/segments.js';
import { SelectList } from '../widgets/select-list.js';
import type { HomeStatus } from './home-status.js';
import { homeKeymap, type HomeAction } from './home-keys.js';

interface MenuItem {
  label: string;
  about: string;
  route?: Route;
}

export const MENU: readonly MenuItem[] = [
  { label: 'Labs', about: 'hands-on labs in a simulated AWS account', route: { name: 'labs' } },
  { label: 'Quizzes and exam', about: 'topic practice, a timed practice exam, spaced review', route: { name: 'quiz' } },
  { label: 'Notes', about: 'the reference notes for every topic, with search', route: { name: 'notes' } },
  { label: 'Progress', about: 'mastery per topic, labs done, best scores, recent activity', route: { name: 'progress' } },
  { label: 'Quit', about: 'leave awslab (your progress is saved)' },
];

export function HomeScreen() {
  const services = useLoadingServices();
  const navigation = useNavigation();
  const theme = useTheme();
  const [cursor, setCursor, latestCursor] = useSyncState(() => 0);
  const [help, setHelp] = useState(false);
  // The home screen is drawn before the progress store has loaded; the status line fills in
  // when it has, from the catalog index (kept beside the progress file) rather than from
  // parsing every lab and question bank.
  const [status, setStatus] = useState<{ status: HomeStatus; line: string } | undefined>();
  useEffect(() => {
    if (!services) return;
    let live = true;
    void Promise.all([import('../../app/catalog-index.js'), import('../../quiz/bank-folder.js'), import('./home-status.js')]).then(async ([{ catalogIndex }, { builtInQuizzesDir }, { homeStatus, formatStatus }]) => {
      const sources = { labsDir: services.labsDir, quizzesDir: services.quizzesDir ?? builtInQuizzesDir(), ...(services.notesDir ? { notesDir: services.notesDir } : {}) };
      const index = await catalogIndex(sources, dirname(services.store.path));
      const computed = homeStatus(services.store.read(), index, services.now());
      if (live) setStatus({ status: computed, line: formatStatus(computed) });
    });
    return () => {
      live = false;
    };
  }, [services]);
  const open = (index: number) => {
    const item = MENU[index];
    if (!item) return;
    if (item.route) navigation.go(item.route);
    else navigation.quit();
  };
  const onAction = (action: HomeAction) => {
    switch (action.type) {
      case 'move':
        return setCursor((c) => Math.max(0, Math.min(MENU.length - 1, c + action.by)));
      case 'open':
        return open(latestCursor());
      case 'pick':
        return open(action.index);
      case 'continue':
        return status?.status.lastLab?.unfinished && navigation.go({ name: 'lab', labId: status.status.lastLab.id, resume: true });
      case 'quit':
        return navigation.quit();
      case 'help':
        return setHelp(true);
    }
  };
  useKeymap(homeKeymap, onAction, { isActive: !help });
  const labelWidth = Math.max(...MENU.map((m) => m.label.length)) + 4;
  const rows = MENU.map((m, i) => ({ key: m.label, segments: [seg(`${i + 1}  `, 'muted'), seg(m.label.padEnd(labelWidth), 'title'), seg(m.about, 'muted')], selectable: true }));
  return (
    <ScreenFrame title="home" status="an offline AWS lab in your terminal" keymap={homeKeymap} sections={[{ title: 'Home', keymap: homeKeymap }, APP_SECTION]} helpOpen={help} onCloseHelp={() => setHelp(false)}>
      {(body) => (
        <Box flexDirection="column" width={body.width} height={body.height} paddingTop={1}>
          <Text wrap="truncate-end">
            <Text {...theme.style('accent')}>▶ </Text>
            {status ? status.line : '…'}
          </Text>
          {status?.status.lastLab?.unfinished ? <Text {...theme.style('muted')} wrap="truncate-end">{`  Press c to continue ${status.status.lastLab.title} where you left it.`}</Text> : <Text> </Text>}
          <Box marginTop={1}>
            <SelectList rows={rows} cursor={cursor} width={body.width} height={MENU.length} />
          </Box>
          {(services?.warnings ?? []).map((w, i) => (
            <Box key={i} marginTop={1}>
              <Text {...theme.style('warn')} wrap="wrap">{`! ${w}`}</Text>
            </Box>
          ))}
        </Box>
      )}
    </ScreenFrame>
  );
}
