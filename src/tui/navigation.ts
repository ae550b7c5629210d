import { createContext, useContext, useEffect, useRef } from 'react';
import type { FinishSummary } from './lab/lab-driver.js';

/** The screens, as conditional rendering over this one value. */
export type Route =
  | { name: 'home' }
  | { name: 'labs'; labId?: string }
  | { name: 'lab'; labId: string; resume: boolean }
  | { name: 'finish'; summary: FinishSummary }
  | { name: 'notes'; topic?: string }
  | { name: 'progress' }
  | { name: 'quiz' }
  | { name: 'practice'; title: string; questionIds: readonly string[]; keepOrder: boolean }
  | { name: 'exam' };

export interface Navigation {
  go(route: Route): void;
  /** Leaves the app (after the screens' leave hooks have run). */
  quit(): void;
  /**
   * While set, Ctrl+C asks for a second press and shows this message (a lab in progress, an
   * exam being taken); undefined lets Ctrl+C quit at once.
   */
  setGuard(message: string | undefined): void;
  /** Registers work to do before the app exits (save an attempt); returns the unregister. */
  onLeave(hook: () => void): () => void;
}

export const NavigationContext = createContext<Navigation>({
  go: () => undefined,
  quit: () => undefined,
  setGuard: () => undefined,
  onLeave: () => () => undefined,
});

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}

/** The message the footer shows instead of keys (Ctrl+C asked to confirm). */
export const QuitNoticeContext = createContext<string | undefined>(undefined);

export function useQuitNotice(): string | undefined {
  return useContext(QuitNoticeContext);
}

/** While the calling screen is shown, Ctrl+C asks first with `message`, and `leave` runs before exit. */
export function useLeaveGuard(message: string | undefined, leave?: () => void): void {
  const navigation = useNavigation();
  const latest = useRef(leave);
  latest.current = leave;
  useEffect(() => {
    navigation.setGuard(message);
    return () => navigation.setGuard(undefined);
  }, [navigation, message]);
  useEffect(() => navigation.onLeave(() => latest.current?.()), [navigation]);
}
