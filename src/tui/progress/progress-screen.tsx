import { Text } from 'ink';
import { useState } from 'react';
import { DOMAIN_TITLES, DOMAINS } from '../../data/topics.js';
import { padToWidth, toWidth } from '../../lib/wrap.js';
import type { ProgressData } from '../../progress/schema.js';
import { readiness } from '../../quiz/index.js';
import { APP_SECTION } from '../app-keys.js';
import { useKeymap } from '../keys/use-keymap.js';
import { groupByTopic, labRows, loadCatalog, type LabRow } from '../lab/lab-catalog.js';
import { statusSegment } from '../lab/lab-list-screen.js';
import { useNavigation } from '../navigation.js';
import { bodySize, useServices, useSize } from '../services.js';
import { useTheme } from '../theme.js';
import { dueInPool, labsByDomain, questionPool } from '../quiz/quiz-data.js';
import { LineWindow } from '../widgets/line-window.js';
import { scrollTo } from '../widgets/list-state.js';
import { ScreenFrame } from '../widgets/screen-frame.js';
import { seg, type Segment } from '../widgets/segments.js';
import { useDeferred } from '../widgets/use-deferred.js';
import { bar, domainRows, recentActivity, topicMastery } from './progress-model.js';
import { progressKeymap, type ProgressAction } from './progress-keys.js';

const pct = (share: number) => `${Math.round(100 * share)}%`.padStart(4);

/** The progress screen as rows of styled text: labs, readiness, mastery per topic, recent activity. */
export function progressLines(data: ProgressData, rows: readonly LabRow[], now: Date, width: number, quizzesDir?: string): Segment[][] {
  const pool = questionPool(quizzesDir);
  const { questions } = pool;
  const lines: Segment[][] = [];
  const done = rows.filter((r) => r.status === 'done').length;
  lines.push([seg('Labs', 'title'), seg(`  ${done} of ${rows.length} done`, 'muted')]);
  const titleWidth = Math.max(16, Math.min(64, width - 36));
  for (const row of groupByTopic(rows).flatMap((g) => g.rows)) {
    const title = toWidth(row.title, titleWidth);
    lines.push([seg('  '), statusSegment(row), seg(`  ${title}  `), seg(row.attempts ? `best ${row.bestScore}/${row.maxScore}` : 'not tried', 'muted')]);
  }
  const ready = readiness({ questions, quiz: data.quiz, now, labs: labsByDomain(rows) });
  const due = dueInPool(pool, data.quiz, now, () => rows.map((r) => r.entry));
  const exams = data.quiz.exams ?? [];
  lines.push([], [seg('Exam readiness', 'title'), seg(`  ${ready.overall} of 100`), seg(`  ·  ${due.dueToday} review${due.dueToday === 1 ? '' : 's'} due today  ·  ${exams.length} practice exam${exams.length === 1 ? '' : 's'}${exams.length ? ` (best ${Math.max(...exams.map((e) => e.scaledScore))})` : ''}`, 'muted')]);
  const barWidth = Math.max(8, Math.min(24, width - 60));
  for (const d of domainRows(ready)) {
    const b = bar(d.score / 100, barWidth);
    lines.push([seg(`  ${padToWidth(d.title, 32)}`), seg(b.filled, 'pass'), seg(b.empty, 'muted'), seg(` ${String(d.score).padStart(3)} of 100`)]);
  }
  lines.push([], [seg('Mastery by topic', 'title'), seg('  (quiz answers right now, and lab best scores)', 'muted')]);
  const mastery = topicMastery(data, questions, rows);
  const nameWidth = Math.max(20, Math.min(40, width - barWidth - 40));
  for (const domain of DOMAINS) {
    lines.push([seg(`  ${DOMAIN_TITLES[domain]}`, 'accent')]);
    for (const t of mastery.filter((m) => m.domain === domain)) {
      const b = bar(t.mastery, barWidth);
      const name = toWidth(t.title, nameWidth);
      const quiz = t.questions ? `quiz ${t.right}/${t.questions}` : 'no questions yet';
      const detail = `${quiz}${t.labCount ? ` · labs ${pct(t.labs ?? 0).trim()}` : ''}`;
      lines.push([seg(`    ${name} `), seg(b.filled, 'pass'), seg(b.empty, 'muted'), seg(` ${pct(t.mastery)}  `), seg(detail, 'muted')]);
    }
  }
  lines.push([], [seg('Recent activity', 'title')]);
  const activity = recentActivity(data, rows);
  if (!activity.length) lines.push([seg('  Nothing yet: open a lab or a quiz from the home screen.', 'muted')]);
  for (const a of activity) lines.push([seg(`  ${new Date(a.at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}  `, 'muted'), seg(a.text)]);
  return lines;
}

export function ProgressScreen() {
  const services = useServices();
  const navigation = useNavigation();
  const theme = useTheme();
  const size = bodySize(useSize());
  const [top, setTop] = useState(0);
  const [help, setHelp] = useState(false);
  const lines = useDeferred(() => {
    const data = services.store.read();
    return progressLines(data, labRows(loadCatalog(services.labsDir).entries, data), services.now(), size.columns, services.quizzesDir);
  });
  const total = lines?.length ?? 0;
  const onAction = (action: ProgressAction) => {
    switch (action.type) {
      case 'scroll':
        return setTop((t) => scrollTo(t + action.by, total, size.rows));
      case 'page':
        return setTop((t) => scrollTo(t + action.by * (size.rows - 1), total, size.rows));
      case 'edge':
        return setTop(action.end ? scrollTo(total, total, size.rows) : 0);
      case 'back':
        return navigation.go({ name: 'home' });
      case 'help':
        return setHelp(true);
    }
  };
  useKeymap(progressKeymap, onAction, { isActive: !help });
  return (
    <ScreenFrame title="progress" keymap={progressKeymap} sections={[{ title: 'Progress', keymap: progressKeymap }, APP_SECTION]} helpOpen={help} onCloseHelp={() => setHelp(false)}>
      {(body) => (lines ? <LineWindow lines={lines} top={top} width={body.width} height={body.height} /> : <Text {...theme.style('muted')}>Loading your progress…</Text>)}
    </ScreenFrame>
  );
}
