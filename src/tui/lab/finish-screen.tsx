import { useState } from 'react';
import { APP_SECTION } from '../app-keys.js';
import { useKeymap } from '../keys/use-keymap.js';
import { useNavigation } from '../navigation.js';
import { frameHeight, useSize } from '../services.js';
import { LineWindow } from '../widgets/line-window.js';
import { scrollTo } from '../widgets/list-state.js';
import { ScreenFrame } from '../widgets/screen-frame.js';
import { seg, type Segment } from '../widgets/segments.js';
import { formatDuration } from '../../lib/duration.js';
import { wrapText } from '../../lib/wrap.js';
import { finishKeymap, type FinishAction } from './finish-keys.js';
import type { FinishSummary } from './lab-driver.js';

/** The finish screen's text: the grade per task (glyph and word), time, hints, and the next lab. */
export function finishLines(summary: FinishSummary, width: number): Segment[][] {
  const { grade } = summary;
  const passed = grade.tasks.filter((t) => t.passed).length;
  const lines: Segment[][] = [
    grade.passed
      ? [seg('✔ Lab complete: ', 'pass'), seg(summary.title, 'title')]
      : [seg(`✘ Lab finished with ${passed} of ${grade.tasks.length} tasks passed: `, 'fail'), seg(summary.title, 'title')],
    [],
    [seg('Score  ', 'muted'), seg(`${grade.score} of ${grade.maxScore} points`, 'title')],
    [],
  ];
  for (const task of grade.tasks) {
    const hints = task.hintsUsed ? `  (${task.hintsUsed} hint${task.hintsUsed === 1 ? '' : 's'}, -${task.hintCost})` : '';
    lines.push([seg(task.passed ? '  ✔ passed  ' : '  ✘ failed  ', task.passed ? 'pass' : 'fail'), seg(`${task.points}/${task.maxPoints}`.padEnd(7)), seg(task.title), seg(hints, 'muted')]);
    if (!task.passed) {
      for (const text of wrapText(`${task.why}${task.note ? ` Read: notes ${task.note}` : ''}`, width - 14, { hard: true })) lines.push([seg(`            ${text}`, 'muted')]);
    }
  }
  lines.push(
    [],
    [seg('Time   ', 'muted'), seg(formatDuration(summary.realMs, { units: 2 })), seg(`   simulated time ${formatDuration(grade.virtualMs, { units: 2 })} · ${grade.lines} line${grade.lines === 1 ? '' : 's'} typed`, 'muted')],
    [seg('Hints  ', 'muted'), seg(summary.hintsUsed ? `${summary.hintsUsed} used, ${summary.hintCost} point${summary.hintCost === 1 ? '' : 's'} off` : 'none used')],
    [],
    summary.next ? [seg('Next   ', 'muted'), seg(summary.next.title, 'accent'), seg('  (Enter)', 'muted')] : [seg('Every lab is done. ', 'pass'), seg('Try a practice exam from the home screen.', 'muted')],
  );
  return lines;
}

export function FinishScreen({ summary }: { summary: FinishSummary }) {
  const navigation = useNavigation();
  const size = useSize();
  const [top, setTop] = useState(0);
  const [help, setHelp] = useState(false);
  const height = frameHeight(size) - 2;
  const lines = finishLines(summary, size.columns);
  const onAction = (action: FinishAction) => {
    switch (action.type) {
      case 'next':
        return navigation.go(summary.next ? { name: 'lab', labId: summary.next.id, resume: true } : { name: 'labs' });
      case 'again':
        return navigation.go({ name: 'lab', labId: summary.labId, resume: false });
      case 'list':
        return navigation.go({ name: 'labs', labId: summary.labId });
      case 'home':
        return navigation.go({ name: 'home' });
      case 'scroll':
        return setTop((t) => scrollTo(t + action.by, lines.length, height));
      case 'help':
        return setHelp(true);
    }
  };
  useKeymap(finishKeymap, onAction, { isActive: !help });
  return (
    <ScreenFrame title={`finished: ${summary.title}`} keymap={finishKeymap} sections={[{ title: 'Finish', keymap: finishKeymap }, APP_SECTION]} helpOpen={help} onCloseHelp={() => setHelp(false)}>
      {(body) => <LineWindow lines={lines} top={top} width={body.width} height={body.height} />}
    </ScreenFrame>
  );
}
