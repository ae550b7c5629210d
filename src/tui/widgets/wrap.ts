/**
 * Greedy word wrap for the app's own short texts (titles, messages); a word longer than the
 * width is cut. With `maxLines`, the last kept line ends with an ellipsis.
 */
export function wrapWords(text: string, width: number, maxLines = Infinity): string[] {
  const room = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (let word of paragraph.split(' ')) {
      while (word.length > room) {
        if (line) lines.push(line);
        lines.push(word.slice(0, room));
        word = word.slice(room);
        line = '';
      }
      if (line && line.length + 1 + word.length > room) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, room - 1)}…`;
  return kept;
}

/** A duration as people say it: 45s, 12m 05s, 1h 20m. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}
