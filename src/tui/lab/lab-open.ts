import { learnerSeed } from '../../app/learner.js';
import { LabSetupError } from '../../lab/session.js';
import { renderMarkdown } from '../../notes/index.js';
import { latestAttempt } from '../../progress/attempts.js';
import type { TuiServices } from '../services.js';
import { labRows, loadCatalog, nextLab } from './lab-catalog.js';
import { LabDriver } from './lab-driver.js';
import { appendLines, linesForStep, textLines, type ScrollLine } from './scrollback.js';

export type OpenedLab = { driver: LabDriver; lines: ScrollLine[] } | { error: string };

/**
 * Starts a lab for the screen: a new attempt with the learner's seed, or the latest
 * unfinished attempt replayed into a fresh session with its own seed. The console starts
 * with the briefing (and, when continuing, the lines already run).
 */
/**
 * The briefing goes into the console's scrollback, which wraps lines to the console's width
 * when it draws them; that width changes when the notes pane opens, so paragraphs are kept
 * as single lines here rather than wrapped once for the width at the start.
 */
const BRIEFING_UNWRAPPED = 10_000;

export function openLab(services: TuiServices, labId: string, resume: boolean, columns: number): OpenedLab {
  const entry = loadCatalog(services.labsDir).entries.find((e) => e.lab.id === labId);
  if (!entry) return { error: `There is no lab '${labId}' in ${services.labsDir}.` };
  const attempt = resume ? latestAttempt(services.store.read(), labId) : undefined;
  const usable = attempt && !attempt.finishedAt && attempt.labSha256 === entry.sha256 ? attempt : undefined;
  try {
    const seed = services.seed ?? learnerSeed(services.store);
    const driver = new LabDriver(entry, services.store, { seed, columns, ...(usable ? { resume: usable } : {}), now: () => services.now().getTime() });
    let lines: ScrollLine[] = [
      { kind: 'heading', text: driver.title },
      ...textLines(renderMarkdown(driver.session.lab.briefing, { width: BRIEFING_UNWRAPPED, color: false }).trimEnd(), 'stdout'),
      { kind: 'info', text: 'Type aws commands here. Lab commands: tasks, check, hint, wait 5m, undo, help. Tab completes; ? on an empty prompt lists the keys.' },
    ];
    if (usable) {
      lines.push({ kind: 'info', text: `Continuing your attempt: ${usable.transcript.length} line${usable.transcript.length === 1 ? '' : 's'} replayed.` });
      for (const step of driver.replayed) lines = appendLines(lines, linesForStep(step));
      lines.push({ kind: 'info', text: 'You are back where you left off.' });
    }
    return { driver, lines };
  } catch (error) {
    if (error instanceof LabSetupError) return { error: error.message };
    throw error;
  }
}

/** The lab to suggest after this one, from the progress just saved. */
export function suggestNext(services: TuiServices, labId: string): { id: string; title: string } | undefined {
  const next = nextLab(labRows(loadCatalog(services.labsDir).entries, services.store.read()), labId);
  return next ? { id: next.id, title: next.title } : undefined;
}
