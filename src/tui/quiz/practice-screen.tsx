import { useMemo, useState } from 'react';
import { useSyncState } from '../widgets/use-sync-reducer.js';
import {
  answerPractice,
  currentItem,
  nextQuestion,
  practiceFeedback,
  practiceSummary,
  recordAnswer,
  skipQuestion,
  startPractice,
  type PracticeState,
  type Question,
} from '../../quiz/index.js';
import { APP_SECTION } from '../app-keys.js';
import { useKeymap } from '../keys/use-keymap.js';
import { useNavigation } from '../navigation.js';
import { bodySize, useServices, useSize } from '../services.js';
import { LineWindow } from '../widgets/line-window.js';
import { scrollTo } from '../widgets/list-state.js';
import { ScreenFrame } from '../widgets/screen-frame.js';
import { seg, type Segment } from '../widgets/segments.js';
import { practiceKeymap, type PracticeAction } from './quiz-keys.js';
import { questionPool } from './quiz-data.js';
import { feedbackLines, questionLines } from './question-view.js';

export interface PracticeScreenProps {
  title: string;
  questionIds: readonly string[];
  keepOrder: boolean;
}

/** The rows of the practice screen for its state. */
export function practiceLines(state: PracticeState, chosen: readonly number[], unsure: boolean, width: number): Segment[][] {
  const item = currentItem(state);
  if (!item) {
    const summary = practiceSummary(state);
    const notes = [...new Set(summary.missed.map((q) => q.note))];
    return [
      [seg('Done. ', 'title'), seg(`You answered ${summary.answered} of ${summary.asked}${summary.skipped ? ` (${summary.skipped} skipped)` : ''}: ${summary.correct} right.`)],
      [],
      ...(notes.length ? [[seg('To reread:', 'muted')], ...notes.map((n) => [seg(`  notes ${n}`, 'accent')])] : [[seg('Nothing to reread.', 'pass')]]),
      [],
      [seg('Every answer is saved; the ones you missed come back in Review.', 'muted')],
    ];
  }
  const multiple = item.question.type === 'multiple';
  const heading = `Question ${state.index + 1} of ${state.items.length}${multiple ? ' · Choose two.' : ''}`;
  const lines = questionLines(item, heading, state.phase === 'feedback' ? [] : chosen, width);
  if (state.phase === 'feedback') return [...lines, ...feedbackLines(practiceFeedback(state), width), [], [seg('Enter: next question', 'muted')]];
  lines.push([]);
  if (unsure) lines.push([seg('Marked as a guess (u to unmark).', 'warn')]);
  lines.push([seg(multiple ? (chosen.length === 2 ? 'Enter to submit your two answers.' : 'Choose two options.') : 'Press a letter to answer.', 'muted')]);
  return lines;
}

export function PracticeScreen({ title, questionIds, keepOrder }: PracticeScreenProps) {
  const services = useServices();
  const navigation = useNavigation();
  const size = bodySize(useSize());
  const questions = useMemo(() => {
    const pool = questionPool(services.quizzesDir);
    return questionIds.map((id) => pool.byId.get(id)).filter((q): q is Question => q !== undefined);
  }, [questionIds, services.quizzesDir]);
  const [view, setView, latest] = useSyncState(() => ({
    state: startPractice(questions, { seed: Math.floor(services.now().getTime() / 1000) >>> 0, keepOrder }),
    chosen: [] as number[],
    unsure: false,
    top: 0,
  }));
  const [help, setHelp] = useState(false);
  const { state, chosen, unsure, top } = view;
  const lines = practiceLines(state, chosen, unsure, size.columns);

  const answer = (shown: number[]) => {
    const current = latest();
    const next = answerPractice(current.state, shown);
    const feedback = practiceFeedback(next);
    services.store.update((data) => recordAnswer(data.quiz, feedback.questionId, feedback.correct, services.now(), { unsure: current.unsure }));
    // Bring the feedback into view when question and feedback do not fit together.
    const all = practiceLines(next, [], false, size.columns).length;
    const question = questionLines(currentItem(next)!, '', [], size.columns).length;
    setView({ ...current, state: next, top: all > size.rows ? scrollTo(question - 1, all, size.rows) : 0 });
  };
  const advance = (next: PracticeState) => setView({ state: next, chosen: [], unsure: false, top: 0 });
  const onAction = (action: PracticeAction) => {
    const current = latest();
    const item = currentItem(current.state);
    const phase = current.state.phase;
    switch (action.type) {
      case 'choose': {
        if (!item || phase !== 'asking' || action.option < 0 || action.option >= item.question.options.length) return;
        if (item.question.type === 'single') return answer([action.option]);
        const picked = current.chosen;
        const next = picked.includes(action.option) ? picked.filter((o) => o !== action.option) : picked.length < 2 ? [...picked, action.option] : picked;
        return setView({ ...current, chosen: next });
      }
      case 'submit':
        if (phase === 'done') return navigation.go({ name: 'quiz' });
        if (phase === 'feedback') return advance(nextQuestion(current.state));
        if (item?.question.type === 'multiple' && current.chosen.length === 2) return answer(current.chosen);
        return;
      case 'unsure':
        return phase === 'asking' && setView({ ...current, unsure: !current.unsure });
      case 'skip':
        return phase === 'asking' && advance(skipQuestion(current.state));
      case 'scroll':
        return setView({ ...current, top: scrollTo(current.top + action.by, lines.length, size.rows) });
      case 'leave':
        return navigation.go({ name: 'quiz' });
      case 'help':
        return setHelp(true);
    }
  };
  useKeymap(practiceKeymap, onAction, { isActive: !help });
  const answered = state.answers.length;
  const right = state.answers.filter((a) => a.correct).length;
  return (
    <ScreenFrame title={title} status={`${right} of ${answered} right`} keymap={practiceKeymap} sections={[{ title: 'Practice', keymap: practiceKeymap }, APP_SECTION]} helpOpen={help} onCloseHelp={() => setHelp(false)}>
      {(body) => <LineWindow lines={lines} top={top} width={body.width} height={body.height} />}
    </ScreenFrame>
  );
}
