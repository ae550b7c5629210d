import { Box, Text } from 'ink';
import { useState } from 'react';
import { useSyncState } from '../widgets/use-sync-reducer.js';
import { DOMAIN_TITLES, DOMAINS, TOPICS } from '../../data/topics.js';
import { EXAM } from '../../quiz/index.js';
import { APP_SECTION } from '../app-keys.js';
import { useKeymap } from '../keys/use-keymap.js';
import { useNavigation, type Route } from '../navigation.js';
import { useServices, type TuiServices } from '../services.js';
import { useTheme } from '../theme.js';
import { firstSelectable, moveCursor } from '../widgets/list-state.js';
import { ScreenFrame } from '../widgets/screen-frame.js';
import { seg } from '../widgets/segments.js';
import { SelectList, type ListRow } from '../widgets/select-list.js';
import { useDeferred } from '../widgets/use-deferred.js';
import { loadCatalog } from '../../app/lab-catalog.js';
import { dueInPool, questionPool } from './quiz-data.js';
import { quizMenuKeymap, type QuizMenuAction } from './quiz-keys.js';

interface MenuEntry {
  row: ListRow;
  route?: Route;
}

/** The quiz menu: review what is due, the practice exam, then practice per topic by exam domain. */
export function quizMenu(services: TuiServices): { entries: MenuEntry[]; errors: string[] } {
  const pool = questionPool(services.quizzesDir);
  const quiz = services.store.read().quiz;
  // Lab tasks missed on a first attempt are cards too, with questions generated from the labs.
  const dueIds = dueInPool(pool, quiz, services.now(), () => loadCatalog(services.labsDir).entries).ids;
  const results = quiz.results ?? {};
  const entries: MenuEntry[] = [
    {
      row: { key: 'review', segments: [seg('Review', 'title'), seg(dueIds.length ? `  ${dueIds.length} question${dueIds.length === 1 ? '' : 's'} due (missed ones first)` : '  nothing due now', 'muted')], selectable: dueIds.length > 0 },
      route: { name: 'practice', title: `Review: ${dueIds.length} due`, questionIds: dueIds, keepOrder: true },
    },
    {
      row: { key: 'exam', segments: [seg('Practice exam', 'title'), seg(`  ${Math.min(EXAM.questions, pool.questions.length)} questions, ${EXAM.minutes} minutes, ${EXAM.passScore} of ${EXAM.maxScore} to pass`, 'muted')], selectable: pool.questions.length > 0 },
      route: { name: 'exam' },
    },
  ];
  for (const domain of DOMAINS) {
    entries.push({ row: { key: `gap-${domain}`, segments: [], selectable: false, heading: true } });
    entries.push({ row: { key: `domain-${domain}`, segments: [seg(`Practice: ${DOMAIN_TITLES[domain]}`, 'accent')], selectable: false, heading: true } });
    for (const topic of TOPICS.filter((t) => t.domain === domain)) {
      const ids = pool.questions.filter((q) => q.topic === topic.id).map((q) => q.id);
      const right = ids.filter((id) => results[id]?.lastCorrect).length;
      entries.push({
        row: { key: topic.id, segments: [seg(topic.title.padEnd(44)), seg(`${String(ids.length).padStart(3)} questions`, 'muted'), seg(ids.length ? `  ${right} right` : '', 'muted')], selectable: ids.length > 0 },
        route: { name: 'practice', title: `Practice: ${topic.title}`, questionIds: ids, keepOrder: false },
      });
    }
  }
  return { entries, errors: pool.errors };
}

export function QuizMenuScreen() {
  const services = useServices();
  const navigation = useNavigation();
  const theme = useTheme();
  const [help, setHelp] = useState(false);
  const menu = useDeferred(() => quizMenu(services));
  const [cursor, setCursor, latestCursor] = useSyncState<number | undefined>(() => undefined);
  const selectable = menu?.entries.map((e) => e.row.selectable) ?? [];
  const at = cursor ?? firstSelectable(selectable) ?? 0;
  const onAction = (action: QuizMenuAction) => {
    switch (action.type) {
      case 'move':
        return setCursor(moveCursor(selectable, latestCursor() ?? at, action.by));
      case 'open': {
        const entry = menu?.entries[latestCursor() ?? at];
        return entry?.route && entry.row.selectable && navigation.go(entry.route);
      }
      case 'back':
        return navigation.go({ name: 'home' });
      case 'help':
        return setHelp(true);
    }
  };
  useKeymap(quizMenuKeymap, onAction, { isActive: !help });
  return (
    <ScreenFrame title="quizzes" keymap={quizMenuKeymap} sections={[{ title: 'Quizzes', keymap: quizMenuKeymap }, APP_SECTION]} helpOpen={help} onCloseHelp={() => setHelp(false)}>
      {(body) =>
        menu ? (
          <Box flexDirection="column" width={body.width} height={body.height}>
            <SelectList rows={menu.entries.map((e) => e.row)} cursor={at} width={body.width} height={body.height - Math.min(1, menu.errors.length)} />
            {menu.errors.length ? <Text {...theme.style('error')} wrap="truncate-end">{`${menu.errors.length} problem(s) in the question banks: ${menu.errors[0]}`}</Text> : null}
          </Box>
        ) : (
          <Text {...theme.style('muted')}>Loading the question banks…</Text>
        )
      }
    </ScreenFrame>
  );
}
