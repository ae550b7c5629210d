import { Box, Text, useApp, useInput } from 'ink';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { appKeymap } from './app-keys.js';
import { keyName, resolveKey } from './keys/keymap.js';
import { NavigationContext, QuitNoticeContext, type Navigation, type Route } from './navigation.js';
import { ServicesContext, SizeContext, frameHeight, type TerminalSize, type TuiServices } from './services.js';
import { createTheme, ThemeContext } from './theme.js';
import { HomeScreen } from './home/home-screen.js';
import { useTerminalSize } from './use-terminal-size.js';

// The home screen is drawn at once; the others load when first opened, so that start-up does
// not pay for the simulated cloud, the Markdown renderer or the question banks.
const LabListScreen = lazy(async () => ({ default: (await import('./lab/lab-list-screen.js')).LabListScreen }));
const LabScreen = lazy(async () => ({ default: (await import('./lab/lab-screen.js')).LabScreen }));
const FinishScreen = lazy(async () => ({ default: (await import('./lab/finish-screen.js')).FinishScreen }));
const NotesScreen = lazy(async () => ({ default: (await import('./notes/notes-screen.js')).NotesScreen }));
const ProgressScreen = lazy(async () => ({ default: (await import('./progress/progress-screen.js')).ProgressScreen }));
const QuizMenuScreen = lazy(async () => ({ default: (await import('./quiz/quiz-menu-screen.js')).QuizMenuScreen }));
const PracticeScreen = lazy(async () => ({ default: (await import('./quiz/practice-screen.js')).PracticeScreen }));
const ExamScreen = lazy(async () => ({ default: (await import('./quiz/exam-screen.js')).ExamScreen }));

function screenFor(route: Route): ReactNode {
  switch (route.name) {
    case 'home':
      return <HomeScreen />;
    case 'labs':
      return <LabListScreen {...(route.labId ? { labId: route.labId } : {})} />;
    case 'lab':
      return <LabScreen labId={route.labId} resume={route.resume} />;
    case 'finish':
      return <FinishScreen summary={route.summary} />;
    case 'notes':
      return <NotesScreen {...(route.topic ? { topic: route.topic } : {})} />;
    case 'progress':
      return <ProgressScreen />;
    case 'quiz':
      return <QuizMenuScreen />;
    case 'practice':
      return <PracticeScreen title={route.title} questionIds={route.questionIds} keepOrder={route.keepOrder} />;
    case 'exam':
      return <ExamScreen />;
  }
}

function Loading({ size }: { size: TerminalSize }) {
  return (
    <Box width={size.columns} height={frameHeight(size)}>
      <Text dimColor>Loading…</Text>
    </Box>
  );
}

export interface AppProps {
  /** The services, or their promise: the home screen is drawn while they load. */
  services: TuiServices | Promise<TuiServices>;
  colour: boolean;
  /** A fixed window size (tests); the terminal's, following resizes, when left out. */
  size?: TerminalSize;
  initialRoute?: Route;
}

/**
 * The app: one route, rendered as its screen, inside the contexts every screen uses. Ctrl+C
 * is handled here: at once, or on a second press while a screen guards its work.
 */
export function App({ services: given, colour, size: fixedSize, initialRoute }: AppProps) {
  const { exit } = useApp();
  const [services, setServices] = useState(given instanceof Promise ? undefined : given);
  useEffect(() => {
    if (given instanceof Promise) void given.then(setServices, (error: unknown) => exit(error instanceof Error ? error : new Error(String(error))));
  }, [given, exit]);
  const size = useTerminalSize(fixedSize);
  const theme = useMemo(() => createTheme(colour), [colour]);
  const [{ route, visit }, setRoute] = useState({ route: initialRoute ?? ({ name: 'home' } as Route), visit: 0 });
  const [armed, setArmed] = useState(false);
  const guard = useRef<string | undefined>(undefined);
  const leaveHooks = useRef(new Set<() => void>());

  const quit = useCallback(() => {
    for (const hook of leaveHooks.current) hook();
    exit();
  }, [exit]);
  const navigation = useMemo<Navigation>(
    () => ({
      go: (next) => setRoute((r) => ({ route: next, visit: r.visit + 1 })),
      quit,
      setGuard: (message) => {
        guard.current = message;
      },
      onLeave: (hook) => {
        leaveHooks.current.add(hook);
        return () => void leaveHooks.current.delete(hook);
      },
    }),
    [quit],
  );

  useInput((input, key) => {
    const action = resolveKey(appKeymap, keyName(input, key), input);
    if (action?.type !== 'quit') {
      if (armed) setArmed(false);
      return;
    }
    if (guard.current && !armed) setArmed(true);
    else quit();
  });

  const notice = armed ? `Press Ctrl+C again to quit. ${guard.current ?? ''} Any other key goes on.` : undefined;
  return (
    <ThemeContext.Provider value={theme}>
      <SizeContext.Provider value={size}>
        <ServicesContext.Provider value={services}>
          <NavigationContext.Provider value={navigation}>
            <QuitNoticeContext.Provider value={notice}>
              <Suspense fallback={<Loading size={size} />}>
                <Box key={visit} width={size.columns} height={frameHeight(size)}>
                  {services || route.name === 'home' ? screenFor(route) : <Loading size={size} />}
                </Box>
              </Suspense>
            </QuitNoticeContext.Provider>
          </NavigationContext.Provider>
        </ServicesContext.Provider>
      </SizeContext.Provider>
    </ThemeContext.Provider>
  );
}
