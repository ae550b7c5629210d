/**
 * Durations as people type and read them. One parser for the `wait 5m` and `at: 10m` that
 * learners and lab authors write; one formatter for everything the app prints.
 */
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses a duration such as `90s`, `20m`, `1h30m` or `3d` into milliseconds.
 * Returns undefined for anything else so that callers can say what was wrong.
 */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^(\d+(ms|s|m|h|d))+$/.test(trimmed)) return undefined;
  let total = 0;
  for (const match of trimmed.matchAll(/(\d+)(ms|s|m|h|d)/g)) total += Number(match[1]) * UNITS[match[2]!]!;
  return total;
}

const PARTS = [['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]] as const;

export interface DurationFormat {
  /**
   * How many units to show, from the largest that is not zero: 2 gives a running clock's
   * `12m 05s` or `1h 20m`, where the second unit is zero-padded and always shown. Unset, every
   * unit that is not zero is shown, down to milliseconds under a second: `1d 2h 3m 4s`, `250ms`.
   */
  units?: number;
}

/** Formats milliseconds the way a person reads a duration: `1h 30m`, `45s`, `3d 2h`, `12m 05s`. */
export function formatDuration(ms: number, { units }: DurationFormat = {}): string {
  if (units === undefined && ms < 1000) return `${Math.max(0, ms)}ms`;
  let rest = Math.max(0, Math.floor(ms / 1000));
  const counts = PARTS.map(([unit, size]) => {
    const n = Math.floor(rest / size);
    rest -= n * size;
    return [unit, n] as const;
  });
  const first = counts.findIndex(([, n]) => n > 0);
  if (first === -1) return '0s';
  const shown = units === undefined ? counts.filter(([, n]) => n > 0) : counts.slice(first, first + units);
  return shown.map(([unit, n], i) => `${units !== undefined && i > 0 ? String(n).padStart(2, '0') : n}${unit}`).join(' ');
}
