/**
 * A list with a cursor, shown through a window of `height` rows. Rows that are headings
 * (`selectable` false) are skipped by the cursor. Pure functions over plain numbers.
 */

/** The next selectable row from `from` moving by `delta` rows (clamped at the ends). */
export function moveCursor(selectable: readonly boolean[], from: number, delta: number): number {
  if (!selectable.some(Boolean)) return 0;
  const step = delta < 0 ? -1 : 1;
  let target = Math.max(0, Math.min(selectable.length - 1, from + delta));
  while (target >= 0 && target < selectable.length && !selectable[target]) target += step;
  if (target < 0 || target >= selectable.length) return firstSelectable(selectable, step < 0 ? 0 : selectable.length - 1, step < 0 ? 1 : -1) ?? from;
  return target;
}

/** The first selectable row from `start` going in `step` direction. */
export function firstSelectable(selectable: readonly boolean[], start = 0, step = 1): number | undefined {
  for (let i = start; i >= 0 && i < selectable.length; i += step) if (selectable[i]) return i;
  return undefined;
}

/** The first row of the window that keeps `cursor` in view, a little above the middle. */
export function windowStart(cursor: number, count: number, height: number): number {
  if (count <= height) return 0;
  return Math.max(0, Math.min(count - height, cursor - Math.floor(height / 3)));
}

/** Scrolls a text of `total` lines shown `height` at a time; the top line stays in range. */
export function scrollTo(top: number, total: number, height: number): number {
  return Math.max(0, Math.min(top, total - height));
}
