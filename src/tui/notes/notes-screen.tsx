import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { APP_SECTION } from '../app-keys.js';
import { useKeymap } from '../keys/use-keymap.js';
import { useNavigation } from '../navigation.js';
import { bodySize, useServices, useSize } from '../services.js';
import { useTheme } from '../theme.js';
import { moveCursor, scrollTo } from '../widgets/list-state.js';
import { PromptLine } from '../widgets/prompt-line.js';
import { ScreenFrame } from '../widgets/screen-frame.js';
import { seg } from '../widgets/segments.js';
import { SelectList, type ListRow } from '../widgets/select-list.js';
import { emptyInput, textInputReducer } from '../widgets/text-input-state.js';
import { useSyncReducer } from '../widgets/use-sync-reducer.js';
import { allNotes, renderNote, searchAll } from './notes-model.js';
import { NotesPane, notesTextWidth } from './notes-pane.js';
import { notesListKeymap, noteReadKeymap, notesSearchKeymap, type NoteReadAction, type NotesListAction, type NotesSearchAction } from './notes-keys.js';

/** Below this width the list and the note take turns instead of sitting side by side. */
export const NOTES_SIDE_BY_SIDE_MIN_COLUMNS = 80;
const listWidth = (columns: number) => (columns >= 110 ? 38 : 30);

type Focus = 'list' | 'note' | 'search';

export function NotesScreen({ topic: initialTopic }: { topic?: string }) {
  const services = useServices();
  const navigation = useNavigation();
  const theme = useTheme();
  const notes = useMemo(() => allNotes(services.notesDir), [services.notesDir]);
  const [cursor, setCursor] = useState(() => Math.max(0, notes.findIndex((n) => n.topic === initialTopic)));
  const [focus, setFocus] = useState<Focus>(initialTopic ? 'note' : 'list');
  const [top, setTop] = useState(0);
  const [query, editQuery, latestQuery] = useSyncReducer(textInputReducer, () => emptyInput);
  const [hit, setHit] = useState(0);
  const [help, setHelp] = useState(false);
  const size = bodySize(useSize());
  const body = { width: size.columns, height: size.rows };
  const hits = useMemo(() => (query.value.trim() ? searchAll(query.value, services.notesDir) : []), [query.value, services.notesDir]);

  const sideBySide = body.width >= NOTES_SIDE_BY_SIDE_MIN_COLUMNS;
  const noteWidth = sideBySide ? body.width - listWidth(body.width) : body.width;
  const topic = notes[cursor]?.topic;
  const note = topic ? renderNote(topic, notesTextWidth(noteWidth), theme.colour, services.notesDir) : undefined;
  const page = Math.max(1, body.height - 4);
  const total = note?.lines.length ?? 0;

  const onList = (action: NotesListAction) => {
    switch (action.type) {
      case 'move':
        setTop(0);
        return setCursor((c) => moveCursor(notes.map(() => true), c, action.by));
      case 'read':
        return setFocus('note');
      case 'search':
        return setFocus('search');
      case 'back':
        return navigation.go({ name: 'home' });
      case 'help':
        return setHelp(true);
    }
  };
  const onRead = (action: NoteReadAction) => {
    switch (action.type) {
      case 'scroll':
        return setTop((t) => scrollTo(t + action.by, total, page));
      case 'page':
        return setTop((t) => scrollTo(t + action.by * (page - 1), total, page));
      case 'edge':
        return setTop(action.end ? scrollTo(total, total, page) : 0);
      case 'back':
        return setFocus('list');
      case 'search':
        return setFocus('search');
      case 'help':
        return setHelp(true);
    }
  };
  const onSearch = (action: NotesSearchAction) => {
    switch (action.type) {
      case 'edit':
        setHit(0);
        return void editQuery(action.edit);
      case 'move':
        return setHit((h) => Math.max(0, Math.min(hits.length - 1, h + action.by)));
      case 'open': {
        const typed = latestQuery().value;
        const chosen = (typed === query.value ? hits : searchAll(typed, services.notesDir))[typed === query.value ? hit : 0];
        if (!chosen) return;
        const index = notes.findIndex((n) => n.topic === chosen.topic);
        const anchor = chosen.matches[0]?.section?.anchor;
        const rendered = renderNote(chosen.topic, notesTextWidth(noteWidth), theme.colour, services.notesDir);
        setCursor(Math.max(0, index));
        setTop(anchor ? (rendered?.sections.get(anchor) ?? 0) : 0);
        return setFocus('note');
      }
      case 'cancel':
        return setFocus('list');
    }
  };
  useKeymap(notesListKeymap, onList, { isActive: !help && focus === 'list' });
  useKeymap(noteReadKeymap, onRead, { isActive: !help && focus === 'note' });
  useKeymap(notesSearchKeymap, onSearch, { isActive: !help && focus === 'search' });

  const keymap = focus === 'list' ? notesListKeymap : focus === 'note' ? noteReadKeymap : notesSearchKeymap;
  const sections = [
    { title: 'List of notes', keymap: notesListKeymap },
    { title: 'Reading a note', keymap: noteReadKeymap },
    { title: 'Search (/)', keymap: notesSearchKeymap },
    APP_SECTION,
  ];
  const listRows: ListRow[] = notes.map((n) => ({ key: n.topic, segments: [seg(n.title)], selectable: true }));
  const hitRows: ListRow[] = hits.map((h) => ({ key: h.topic, segments: [seg(h.title, 'title'), seg(`  ${h.matches[0]?.text ?? ''}`, 'muted')], selectable: true }));

  return (
    <ScreenFrame title="notes" status={`${notes.length} notes`} keymap={keymap} sections={sections} helpOpen={help} onCloseHelp={() => setHelp(false)} helpItem={focus === 'search' ? false : undefined}>
      {(frame) => {
        const height = frame.height;
        if (focus === 'search') {
          return (
            <Box flexDirection="column" width={frame.width} height={height}>
              <PromptLine prompt="Search notes:" input={query} width={frame.width} focused />
              <Text {...theme.style('muted')}>{query.value.trim() ? `${hits.length} note${hits.length === 1 ? '' : 's'} match` : 'Type words to find; Enter opens the note at the match.'}</Text>
              <SelectList rows={hitRows} cursor={hit} width={frame.width} height={Math.max(1, height - 2)} />
            </Box>
          );
        }
        const pane = <NotesPane topic={topic} top={top} width={noteWidth} height={height} focused={focus === 'note'} focusHint="Enter to read" dir={services.notesDir} />;
        if (!sideBySide) return focus === 'note' ? pane : <SelectList rows={listRows} cursor={cursor} width={frame.width} height={height} />;
        return (
          <Box flexDirection="row" width={frame.width} height={height}>
            <Box flexDirection="column" width={listWidth(frame.width)} height={height} borderStyle="round" borderColor={theme.border(focus === 'list' ? 'accent' : 'muted')}>
              <SelectList rows={listRows} cursor={cursor} width={listWidth(frame.width) - 2} height={height - 2} focused={focus === 'list'} />
            </Box>
            {pane}
          </Box>
        );
      }}
    </ScreenFrame>
  );
}
