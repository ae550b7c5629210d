import { createContext, useContext } from 'react';
import type { ProgressStore } from '../progress/store.js';

/**
 * What the screens need from the world outside React, injected so that tests can give a
 * temporary progress file, fixed folders and a fixed clock.
 */
export interface TuiServices {
  store: ProgressStore;
  /** Messages about the progress file (moved aside, …), shown once on the home screen. */
  warnings: readonly string[];
  /** The real clock (exam timer, streaks, review queue); lab time is the lab's virtual clock. */
  now(): Date;
  labsDir: string;
  /** Notes and quiz banks; awslab's own when left out. */
  notesDir?: string;
  quizzesDir?: string;
  /** A fixed seed for new lab attempts (tests); the learner's own seed when left out. */
  seed?: number;
  /**
   * Calls `tick` every `ms` until the returned function is called (the exam clock). Real
   * timers when left out; tests pass a timer they fire themselves.
   */
  every?(ms: number, tick: () => void): () => void;
}

/** The real repeating timer. */
export function realEvery(ms: number, tick: () => void): () => void {
  const timer = setInterval(tick, ms);
  return () => clearInterval(timer);
}

/** The services, or undefined while they are still loading (only the home screen is drawn then). */
export const ServicesContext = createContext<TuiServices | undefined>(undefined);

export function useServices(): TuiServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('awslab internal error: a screen that needs the services was rendered before they loaded');
  return services;
}

/** The services if they have loaded (the home screen is drawn before they have). */
export function useLoadingServices(): TuiServices | undefined {
  return useContext(ServicesContext);
}

export interface TerminalSize {
  columns: number;
  rows: number;
}

export const SizeContext = createContext<TerminalSize>({ columns: 80, rows: 24 });

export function useSize(): TerminalSize {
  return useContext(SizeContext);
}

/** Rows a frame may use: one fewer than the window, so Ink never scrolls or clears the screen. */
export function frameHeight(size: TerminalSize): number {
  return Math.max(6, size.rows - 1);
}

/** The part of the frame a screen's body gets: all but the title bar and the footer. */
export function bodySize(size: TerminalSize): TerminalSize {
  return { columns: size.columns, rows: frameHeight(size) - 2 };
}
