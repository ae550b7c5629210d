import { Box, Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { useSyncState } from '../widgets/use-sync-reducer.js';
import { DOMAIN_TITLES, DOMAINS } from '../../data/topics.js';
import {
  answerExam,
  EXAM,
  examClock,
  recordExam,
  reviewList,
  startExam,
  submitExam,
  toggleFlag,
  toShownPositions,
  type ExamResult,
  type ExamItem,
  type ExamState,
  type Question,
} from '../../quiz/index.js';
import { APP_SECTION } from '../app-keys.js';
import { useKeymap } from '../keys/use-keymap.js';
import { useLeaveGuard, useNavigation } from '../navigation.js';
import { bodySize, realEvery, useServices, useSize } from '../services.js';
import { useTheme } from '../theme.js';
import { LineWindow } from '../widgets/line-window.js';
import { moveCursor, scrollTo } from '../widgets/list-state.js';
import { MessageBox, messageBoxHeight } from '../widgets/message-box.js';
import { ScreenFrame } from '../widgets/screen-frame.js';
import { seg, type Segment } from '../widgets/segments.js';
import { SelectList, type ListRow } from '../widgets/select-list.js';
import { questionPool } from './quiz-data.js';
import { questionLines } from './question-view.js';
import { confirmKeymap, examKeymap, resultKeymap, reviewListKeymap, type ConfirmAction, type ExamAction, type ResultAction, type ReviewListAction } from './quiz-keys.js';

type View = { kind: 'question' } | { kind: 'review'; cursor: number } | { kind: 'confirm'; what: 'submit' | 'abandon'; from: 'question' | 'review' };

interface ExamView {
  exam: ExamState;
  /** The question shown (0-based). */
  index: number;
  /** A "Choose two" question's first pick, until the second makes it an answer. */
  pending: number[];
  view: View;
  top: number;
}

/**
 * A letter pressed on a question: a single-answer question takes it (the same letter again
 * clears it); a "Choose two" question collects two, and changing either clears the answer.
 */
export function chooseOption(current: Pick<ExamView, 'exam' | 'index' | 'pending'>, item: ExamItem, option: number, nowMs: number): Partial<ExamView> {
  if (option < 0 || option >= item.question.options.length) return {};
  const shown = item.selected.length ? toShownPositions(item, item.selected) : current.pending;
  if (item.question.type === 'single') return { exam: answerExam(current.exam, current.index, shown[0] === option && item.selected.length ? [] : [option], nowMs) };
  const next = shown.includes(option) ? shown.filter((o) => o !== option) : shown.length < 2 ? [...shown, option] : shown;
  if (next.length === 2) return { exam: answerExam(current.exam, current.index, next, nowMs), pending: [] };
  return { exam: item.selected.length ? answerExam(current.exam, current.index, [], nowMs) : current.exam, pending: next };
}

/** Minutes and seconds, as the exam's clock shows them. */
export function clock(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The review list's rows: every question with answered / unanswered and flagged, as glyphs and words. */
export function reviewRows(state: ExamState): ListRow[] {
  return state.items.map((item, i) => ({
    key: String(i),
    segments: [
      seg(`${String(i + 1).padStart(3)}  `),
      item.selected.length ? seg('✔ answered  ', 'pass') : seg('○ unanswered', 'warn'),
      seg(item.flagged ? '  ⚑ flagged' : '           ', 'warn'),
      seg(`  ${item.question.question.slice(0, 60)}${item.question.question.length > 60 ? '…' : ''}`, 'muted'),
    ],
    selectable: true,
  }));
}

/** The score report: scaled score, pass or fail, each domain, and what to study. */
export function resultLines(result: ExamResult): Segment[][] {
  const lines: Segment[][] = [
    [seg('Scaled score  ', 'muted'), seg(`${result.scaledScore} of ${EXAM.maxScore}  `, 'title'), result.passed ? seg('✔ PASS', 'pass') : seg('✘ FAIL', 'fail'), seg(`  (${EXAM.passScore} passes)${result.timedOut ? ', time ran out' : ''}`, 'muted')],
    [seg('Correct       ', 'muted'), seg(`${result.correct} of ${result.total}`), seg(`  in ${clock(result.submittedAtMs - result.startedAtMs)} (seed ${result.seed})`, 'muted')],
    [],
    [seg('By domain', 'title')],
  ];
  for (const d of DOMAINS) {
    const r = result.byDomain[d];
    lines.push([seg(`  ${DOMAIN_TITLES[d].padEnd(32)}`), seg(`${r.correct}/${r.total}`.padStart(6)), seg(`${String(r.percent).padStart(5)}%  `), r.meets ? seg('✔ meets competencies', 'pass') : seg('✘ needs improvement', 'fail')]);
  }
  if (result.study.length) {
    lines.push([], [seg('Study next', 'title')]);
    for (const t of result.study) lines.push([seg(`  ${t.title}`), seg(` (${t.missed} of ${t.asked} missed): `, 'muted'), seg(`notes ${t.notes[0]}${t.notes.length > 1 ? ` (+${t.notes.length - 1} more)` : ''}`, 'accent')]);
  }
  lines.push([], [seg('The result is saved; missed questions come back in Review.', 'muted')]);
  return lines;
}

export function ExamScreen() {
  const services = useServices();
  const pool = useMemo(() => questionPool(services.quizzesDir), [services.quizzesDir]);
  const [result, setResult] = useState<ExamResult | undefined>();
  if (result) return <ExamResultView result={result} />;
  return <ExamInProgress questions={pool.questions} onSubmitted={setResult} />;
}

function ExamResultView({ result }: { result: ExamResult }) {
  const navigation = useNavigation();
  const size = bodySize(useSize());
  const [top, setTop] = useState(0);
  const lines = resultLines(result);
  useKeymap(resultKeymap, (action: ResultAction) => (action.type === 'back' ? navigation.go({ name: 'quiz' }) : setTop((t) => scrollTo(t + action.by, lines.length, size.rows))));
  return (
    <ScreenFrame title="practice exam: result" keymap={resultKeymap} sections={[{ title: 'Result', keymap: resultKeymap }, APP_SECTION]} helpOpen={false} onCloseHelp={() => undefined} helpItem={false}>
      {(body) => <LineWindow lines={lines} top={top} width={body.width} height={body.height} />}
    </ScreenFrame>
  );
}

function ExamInProgress({ questions, onSubmitted }: { questions: readonly Question[]; onSubmitted(result: ExamResult): void }) {
  const services = useServices();
  const navigation = useNavigation();
  const theme = useTheme();
  const size = bodySize(useSize());
  const nowMs = () => services.now().getTime();
  const [screen, setScreen, latest] = useSyncState<ExamView>(() => ({
    exam: startExam(questions, { seed: Math.floor(nowMs() / 1000) >>> 0, nowMs: nowMs(), seen: services.store.read().quiz.results }),
    index: 0,
    pending: [],
    view: { kind: 'question' },
    top: 0,
  }));
  const [help, setHelp] = useState(false);
  const [, setTick] = useState(0);
  useLeaveGuard('The exam in progress will not be saved.');
  const { exam: state, index, view, top } = screen;

  const submit = () => {
    const result = submitExam(latest().exam, nowMs());
    services.store.update((data) => void recordExam(data.quiz, result));
    onSubmitted(result);
  };
  // The clock: redraw every second, and submit when time is up.
  useEffect(() =>
    (services.every ?? realEvery)(1000, () => {
      if (examClock(latest().exam, nowMs()).expired) submit();
      else setTick((t) => t + 1);
    }),
  );

  const item = state.items[index]!;
  const shownSelected = item.selected.length ? toShownPositions(item, item.selected) : screen.pending;
  const change = (patch: Partial<ExamView>) => setScreen({ ...latest(), ...patch });
  const go = (to: number) => change({ index: Math.max(0, Math.min(state.items.length - 1, to)), pending: [], top: 0 });
  const onExam = (action: ExamAction) => {
    const at = nowMs();
    const current = latest();
    if (examClock(current.exam, at).expired) return submit();
    const here = current.exam.items[current.index]!;
    switch (action.type) {
      case 'choose':
        return change(chooseOption(current, here, action.option, at));
      case 'go':
        return go(current.index + action.by);
      case 'flag':
        return change({ exam: toggleFlag(current.exam, current.index, at) });
      case 'review':
        return change({ view: { kind: 'review', cursor: current.index } });
      case 'submit':
        return change({ view: { kind: 'confirm', what: 'submit', from: 'question' } });
      case 'scroll':
        return change({ top: scrollTo(current.top + action.by, lines.length, size.rows) });
      case 'leave':
        return change({ view: { kind: 'confirm', what: 'abandon', from: 'question' } });
      case 'help':
        return setHelp(true);
    }
  };
  const onReview = (action: ReviewListAction) => {
    const current = latest();
    if (current.view.kind !== 'review') return;
    switch (action.type) {
      case 'move':
        return change({ view: { kind: 'review', cursor: moveCursor(current.exam.items.map(() => true), current.view.cursor, action.by) } });
      case 'open':
        return change({ index: current.view.cursor, pending: [], top: 0, view: { kind: 'question' } });
      case 'submit':
        return change({ view: { kind: 'confirm', what: 'submit', from: 'review' } });
      case 'back':
        return change({ view: { kind: 'question' } });
    }
  };
  const onConfirm = (action: ConfirmAction) => {
    const current = latest();
    if (current.view.kind !== 'confirm') return;
    if (action.type === 'no') return change({ view: current.view.from === 'review' ? { kind: 'review', cursor: current.index } : { kind: 'question' } });
    if (current.view.what === 'submit') return submit();
    navigation.go({ name: 'quiz' });
  };
  useKeymap(examKeymap, onExam, { isActive: !help && view.kind === 'question' });
  useKeymap(reviewListKeymap, onReview, { isActive: !help && view.kind === 'review' });
  useKeymap(confirmKeymap, onConfirm, { isActive: !help && view.kind === 'confirm' });

  const list = reviewList(state);
  const remaining = examClock(state, nowMs()).remainingMs;
  const marks = `${item.flagged ? '  ⚑ flagged' : ''}`;
  const multiple = item.question.type === 'multiple';
  const lines = questionLines(item, `Question ${index + 1} of ${state.items.length}${multiple ? ' · Choose two.' : ''}${marks}`, shownSelected, size.columns);
  const status = (
    <Text>
      <Text {...theme.style(remaining < 5 * 60_000 ? 'warn' : 'title')}>{`${clock(remaining)} left`}</Text>
      <Text {...theme.style('muted')}>{` · ${list.answered}/${state.items.length} answered · ${list.flagged.length} flagged`}</Text>
    </Text>
  );
  const confirmText =
    view.kind === 'confirm'
      ? view.what === 'submit'
        ? `Submit the exam now? ${list.answered} of ${state.items.length} answered${list.unanswered.length ? `; ${list.unanswered.length} unanswered count as wrong` : ''}${list.flagged.length ? `; ${list.flagged.length} flagged` : ''}.`
        : 'Abandon the exam? Nothing of it will be saved.'
      : '';
  const keymap = view.kind === 'review' ? reviewListKeymap : view.kind === 'confirm' ? confirmKeymap : examKeymap;
  const sections = [
    { title: 'Exam', keymap: examKeymap },
    { title: 'Review list (r)', keymap: reviewListKeymap },
    { title: 'Questions (submit, abandon)', keymap: confirmKeymap },
    APP_SECTION,
  ];
  return (
    <ScreenFrame title="practice exam" status={status} keymap={keymap} sections={sections} helpOpen={help} onCloseHelp={() => setHelp(false)}>
      {(body) => (
        <Box flexDirection="column" width={body.width} height={body.height}>
          {view.kind === 'review' ? (
            <Box flexDirection="column" height={body.height}>
              <Text {...theme.style('title')}>{`Review: ${list.answered} answered, ${list.unanswered.length} unanswered, ${list.flagged.length} flagged`}</Text>
              <SelectList rows={reviewRows(state)} cursor={view.cursor} width={body.width} height={body.height - 1} />
            </Box>
          ) : (
            <LineWindow lines={lines} top={top} width={body.width} height={view.kind === 'confirm' ? Math.max(1, body.height - messageBoxHeight(confirmText, body.width, 2, 'keys')) : body.height} />
          )}
          {view.kind === 'confirm' ? <MessageBox text={confirmText} width={body.width} maxLines={2} style="warn" keys="y/Enter: yes   n/Esc: no" /> : null}
        </Box>
      )}
    </ScreenFrame>
  );
}
