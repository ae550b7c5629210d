import { Box, Text } from 'ink';
import { useCallback, useMemo, useRef, useState } from 'react';
import { resourceTree } from '../../app/resource-tree.js';
import { APP_SECTION } from '../app-keys.js';
import type { KeymapSection } from '../keys/keymap.js';
import { useKeymap } from '../keys/use-keymap.js';
import { useLeaveGuard, useNavigation } from '../navigation.js';
import { frameHeight, useServices, useSize } from '../services.js';
import { useTheme } from '../theme.js';
import { renderNote, parseNoteLink } from '../notes/notes-model.js';
import { NotesPane, notesTextWidth } from '../notes/notes-pane.js';
import { scrollTo } from '../widgets/list-state.js';
import { ScreenFrame } from '../widgets/screen-frame.js';
import { useSyncReducer } from '../widgets/use-sync-reducer.js';
import { formatDuration } from '../../lib/duration.js';
import { applyCompletion, candidatesFor } from './completion.js';
import { columnRows, ConsoleColumn, PROMPT } from './console-column.js';
import { consoleReducer, initialConsole } from './console-state.js';
import type { HintOffer, LabDriver, Step, TaskView } from './lab-driver.js';
import { consoleKeymap, dialogKeymap, notesPaneKeymap, type DialogAction, type LabAction, type NotesPaneAction } from './lab-keys.js';
import { labLayout } from './lab-layout.js';
import { openLab, suggestNext } from './lab-open.js';
import { appendLines, linesForStep, reflow, type ScrollLine } from './scrollback.js';
import { paneHeight, ResourcesPane } from './resources-pane.js';
import { TaskList } from './task-list.js';

type Dialog = { kind: 'hint'; offer: HintOffer } | { kind: 'finish' };

interface NotesView {
  open: boolean;
  topic: number;
  top: number;
}

export interface LabScreenProps {
  labId: string;
  resume: boolean;
}

/** The lab: header, tasks, console, notes, hints and finishing, over one LabDriver. */
export function LabScreen({ labId, resume }: LabScreenProps) {
  const services = useServices();
  const size = useSize();
  const navigation = useNavigation();
  const [opened] = useState(() => {
    const layout = labLayout(size.columns, frameHeight(size) - 2, 3, false);
    return openLab(services, labId, resume, layout.consoleWidth);
  });
  if ('error' in opened) return <LabError message={opened.error} onBack={() => navigation.go({ name: 'labs', labId })} />;
  return <LabView driver={opened.driver} initialLines={opened.lines} />;
}

function LabError({ message, onBack }: { message: string; onBack(): void }) {
  const theme = useTheme();
  useKeymap(dialogKeymap, onBack);
  return (
    <ScreenFrame title="lab" keymap={dialogKeymap} sections={[]} helpOpen={false} onCloseHelp={onBack} helpItem={false}>
      {() => (
        <Box flexDirection="column">
          <Text {...theme.style('fail')}>✘ This lab cannot start.</Text>
          <Text>{message}</Text>
          <Text {...theme.style('muted')}>Press Enter or Esc to go back to the list.</Text>
        </Box>
      )}
    </ScreenFrame>
  );
}

function clockText(driver: LabDriver): string {
  const { nowMs, elapsedMs } = driver.clock;
  return `${new Date(nowMs).toISOString().slice(11, 19)}Z +${formatDuration(elapsedMs, { units: 2 })}`;
}

function LabView({ driver, initialLines }: { driver: LabDriver; initialLines: ScrollLine[] }) {
  const services = useServices();
  const navigation = useNavigation();
  const theme = useTheme();
  const size = useSize();
  const [console_, dispatch, latestConsole] = useSyncReducer(consoleReducer, () => initialConsole(driver.replayed.map((s) => s.line)));
  const [lines, setLines] = useState(initialLines);
  const [tasks, setTasks] = useState<TaskView[]>(() => driver.tasks());
  const [notes, setNotes] = useState<NotesView>({ open: false, topic: 0, top: 0 });
  const [focus, setFocus] = useState<'console' | 'notes'>('console');
  const [dialog, setDialog] = useState<Dialog | undefined>();
  const [banner, setBanner] = useState<string | undefined>();
  const [help, setHelp] = useState(false);
  // The resources pane takes the notes' place: opening one closes the other.
  const [resources, setResources] = useState(false);

  useLeaveGuard('Your attempt is saved after every line; continue it from the lab list.', () => driver.saveNow());

  const body = { width: size.columns, height: frameHeight(size) - 2 };
  const layout = labLayout(body.width, body.height, tasks.length, notes.open || resources);
  const topics = driver.session.lab.topics;
  const noteWidth = notesTextWidth(layout.notes?.width ?? layout.column.width);

  // A lab event's message is shown once: boxed while it is the latest, then, when the next
  // line runs, in the scrollback where it happened (before that line), so it is never lost.
  const boxed = useRef<ScrollLine[]>([]);
  const show = useCallback((step: Step) => {
    const said = step.messages.filter((m) => m.kind === 'say');
    let added = [...boxed.current, ...linesForStep({ ...step, messages: step.messages.filter((m) => m.kind !== 'say') }, PROMPT)];
    boxed.current = linesForStep({ ...step, line: '', stdout: '', stderr: '', messages: said }).slice(1);
    if (driver.saveError) added = [...added, { kind: 'stderr', text: driver.saveError }];
    const after = driver.tasks();
    // The last task passed on this very line.
    if (step.messages.some((m) => m.kind === 'passed') && after.every((t) => t.passed)) added = [...added, { kind: 'passed', text: '✔ Every task has passed. Press Ctrl+F to finish and see your grade.' }];
    setLines((l) => appendLines(l, added));
    setTasks(after);
    setBanner(said.length ? said.map((m) => reflow(m.text)).join('\n') : undefined);
  }, [driver]);

  const openNotes = useCallback(() => {
    // Open at the section the current task points to, when it has one.
    const link = parseNoteLink(driver.session.currentTask?.note);
    const index = link ? topics.indexOf(link.topic) : -1;
    const topic = index === -1 ? notes.topic : index;
    const note = renderNote(topics[topic] ?? '', noteWidth, theme.colour, services.notesDir);
    const top = link?.anchor && index !== -1 ? (note?.sections.get(link.anchor) ?? 0) : notes.top;
    setNotes({ open: true, topic, top });
    setResources(false);
    setFocus('notes');
  }, [driver, topics, notes, noteWidth, theme.colour, services.notesDir]);

  const onConsole = (action: LabAction) => {
    switch (action.type) {
      case 'edit':
        return dispatch({ type: 'edit', edit: action.edit });
      case 'question-mark':
        if (latestConsole().input.value === '') return setHelp(true);
        return dispatch({ type: 'edit', edit: { type: 'insert', text: '?' } });
      case 'history':
        return dispatch({ type: 'history', by: action.by });
      case 'complete': {
        const { input } = latestConsole();
        const before = [...input.value].slice(0, input.cursor).join('');
        const after = [...input.value].slice(input.cursor).join('');
        const { text, shown } = applyCompletion(before, candidatesFor(before, driver.session));
        return dispatch({ type: 'completed', value: text + after, candidates: shown });
      }
      case 'scroll':
        return dispatch({ type: 'scroll', by: action.pages * Math.max(1, rows.console - 2), lines: lines.length });
      case 'run': {
        const line = latestConsole().input.value;
        dispatch({ type: 'submitted', line });
        if (line.trim() === '') return setLines((l) => appendLines(l, [{ kind: 'input', text: `${PROMPT} ` }]));
        return show(driver.run(line));
      }
      case 'notes':
        if (!notes.open) return openNotes();
        return setFocus('notes');
      case 'resources':
        if (notes.open) setNotes((n) => ({ ...n, open: false }));
        return setResources((r) => !r);
      case 'hint': {
        const offer = driver.hintOffer();
        if ('none' in offer) return setLines((l) => appendLines(l, [{ kind: 'info', text: offer.none }]));
        return setDialog({ kind: 'hint', offer });
      }
      case 'finish':
        return setDialog({ kind: 'finish' });
      case 'leave':
        if (notes.open) return setNotes((n) => ({ ...n, open: false }));
        if (resources) return setResources(false);
        driver.saveNow();
        return navigation.go({ name: 'labs', labId: driver.session.lab.id });
    }
  };

  const onNotes = (action: NotesPaneAction) => {
    const note = renderNote(topics[notes.topic] ?? '', noteWidth, theme.colour, services.notesDir);
    const total = note?.lines.length ?? 0;
    const page = Math.max(1, rows.notes - 4);
    switch (action.type) {
      case 'scroll':
        return setNotes((n) => ({ ...n, top: scrollTo(n.top + action.by, total, page) }));
      case 'page':
        return setNotes((n) => ({ ...n, top: scrollTo(n.top + action.by * (page - 1), total, page) }));
      case 'edge':
        return setNotes((n) => ({ ...n, top: action.end ? scrollTo(total, total, page) : 0 }));
      case 'topic':
        return setNotes((n) => ({ ...n, topic: (n.topic + action.by + topics.length) % Math.max(1, topics.length), top: 0 }));
      case 'back':
        return setFocus('console');
      case 'help':
        return setHelp(true);
      case 'close':
        setFocus('console');
        return setNotes((n) => ({ ...n, open: false }));
    }
  };

  const onDialog = (action: DialogAction) => {
    const open = dialog;
    setDialog(undefined);
    if (action.type === 'no' || !open) return;
    if (open.kind === 'hint') return show(driver.takeHint());
    const summary = driver.finish(suggestNext(services, driver.session.lab.id));
    navigation.go({ name: 'finish', summary });
  };

  const mode = help ? 'help' : dialog ? 'dialog' : focus === 'notes' && notes.open ? 'notes' : 'console';
  useKeymap(consoleKeymap, onConsole, { isActive: mode === 'console' });
  useKeymap(notesPaneKeymap, onNotes, { isActive: mode === 'notes' });
  useKeymap(dialogKeymap, onDialog, { isActive: mode === 'dialog' });

  const dialogText = dialog ? dialogMessage(dialog, tasks) : undefined;
  const shared = columnRows(layout.column.height, layout.consoleWidth, {
    ...(banner ? { banner } : {}),
    ...(dialogText ? { dialog: dialogText } : {}),
    candidates: console_.candidates.length > 0,
    ...(layout.notes ? { notes: layout.notes.placement } : {}),
    // The tree has no keys of its own, so it may take the larger share of the rows.
    notesFocused: mode === 'notes' || (resources && !notes.open),
  });
  // Rebuilt when the world changes (every line that changed it, undo and reset), not per key.
  const world = driver.session.world;
  const changes = world.changeCount;
  const tree = useMemo(() => (resources ? resourceTree(world, driver.region) : undefined), [resources, world, changes, driver.region]);
  // A small tree over the console gives the rows it does not need back to the console.
  const treeRows = tree && layout.notes?.placement === 'over' ? paneHeight(tree, shared.notes) : shared.notes;
  const rows = { console: shared.console + shared.notes - treeRows, notes: treeRows };
  const sidePane = notes.open ? (
    <NotesPane
      topic={topics[notes.topic]}
      position={topics.length > 1 ? `${notes.topic + 1} of ${topics.length}` : undefined}
      top={notes.top}
      width={layout.notes?.width ?? layout.consoleWidth}
      height={rows.notes}
      focused={mode === 'notes'}
      focusHint="Ctrl+N to scroll"
      dir={services.notesDir}
    />
  ) : tree ? (
    <ResourcesPane tree={tree} region={driver.region} width={layout.notes?.width ?? layout.consoleWidth} height={rows.notes} />
  ) : null;
  const consoleColumn = (
    <ConsoleColumn
      width={layout.consoleWidth}
      height={layout.column.height}
      rows={rows}
      lines={lines}
      offset={console_.offset}
      input={console_.input}
      candidates={console_.candidates}
      {...(banner ? { banner } : {})}
      {...(dialogText ? { dialog: dialogText } : {})}
      focused={mode === 'console'}
      notesOver={layout.notes?.placement === 'over' ? sidePane : undefined}
    />
  );

  const activeKeymap = mode === 'dialog' ? dialogKeymap : mode === 'notes' ? notesPaneKeymap : consoleKeymap;
  const sections: KeymapSection[] = [
    { title: 'Console', keymap: consoleKeymap },
    { title: 'Notes pane (Ctrl+N)', keymap: notesPaneKeymap },
    { title: 'Questions (hint, finish)', keymap: dialogKeymap },
    APP_SECTION,
  ];
  const grade = driver.grade;
  const status = (
    <Text wrap="truncate-end">
      <Text {...theme.style('muted')}>{`${driver.region} · ${clockText(driver)} · `}</Text>
      <Text {...theme.style('title')}>{`score ${grade.score}/${grade.maxScore}`}</Text>
    </Text>
  );
  return (
    <ScreenFrame title={driver.title} status={status} keymap={activeKeymap} sections={sections} helpOpen={help} onCloseHelp={() => setHelp(false)} helpItem={mode === 'console' ? { keys: '?', what: 'keys' } : mode === 'dialog' ? false : undefined}>
      {() => (
        <Box flexDirection={layout.tasks.placement === 'side' ? 'row' : 'column'} width={body.width} height={body.height}>
          <TaskList tasks={tasks} placement={layout.tasks.placement} width={layout.tasks.width} height={layout.tasks.height} />
          {layout.tasks.placement === 'side' ? <Box width={1} /> : null}
          <Box flexDirection="row" width={layout.column.width} height={layout.column.height}>
            {consoleColumn}
            {layout.notes?.placement === 'beside' ? sidePane : null}
          </Box>
        </Box>
      )}
    </ScreenFrame>
  );
}

function dialogMessage(dialog: Dialog, tasks: readonly TaskView[]): string {
  if (dialog.kind === 'hint') {
    const { offer } = dialog;
    return `Hint ${offer.number} of ${offer.of} for "${offer.taskTitle}" costs ${offer.cost} point${offer.cost === 1 ? '' : 's'}: the task would then be worth ${offer.worthAfter} of ${offer.points}. Take it?`;
  }
  const passed = tasks.filter((t) => t.passed).length;
  return passed === tasks.length
    ? `Every task has passed. Finish the lab and see your grade?`
    : `Finish now? ${passed} of ${tasks.length} tasks passed; a task not passed scores 0. You can also leave with Esc and continue later.`;
}
