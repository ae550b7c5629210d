import { Box, Text } from 'ink';
import { memo } from 'react';
import { useTheme } from '../theme.js';
import { Line, seg, type Segment } from '../widgets/segments.js';
import { windowStart } from '../widgets/list-state.js';
import { wrapText } from '../../lib/wrap.js';
import type { TaskView } from './lab-driver.js';

/** A task's state as a glyph and a word, never colour alone. */
export function taskMark(task: TaskView): Segment {
  return task.passed ? seg('✔ passed', 'pass') : seg('✘ to do ', task.current ? 'warn' : 'muted');
}

export function taskPoints(task: TaskView, withHints = true): string {
  const hints = task.hintCost && withHints ? ` (hints -${task.hintCost})` : '';
  return task.passed ? `${task.worth}/${task.points}${hints}` : `${task.worth} pts${hints}`;
}

export interface TaskListProps {
  tasks: readonly TaskView[];
  placement: 'side' | 'top';
  width: number;
  height: number;
}

/** The lab's tasks, each with its state and points; redrawn after every line. */
export const TaskList = memo(function TaskList({ tasks, placement, width, height }: TaskListProps) {
  const theme = useTheme();
  const passed = tasks.filter((t) => t.passed).length;
  if (placement === 'top') {
    const rows = height - 1;
    const current = Math.max(0, tasks.findIndex((t) => t.current));
    const top = windowStart(current, tasks.length, rows);
    return (
      <Box flexDirection="column" width={width} height={height}>
        {tasks.slice(top, top + rows).map((task, i) => (
          <Line key={task.id} segments={[seg(task.current ? '▸ ' : '  ', 'accent'), taskMark(task), seg(`  ${taskPoints(task, false).padEnd(8)}`, 'muted'), seg(`  ${top + i + 1}. ${task.title}`), seg(task.hintCost ? `  (hints -${task.hintCost})` : '', 'muted')]} />
        ))}
        <Text {...theme.style('muted')} wrap="truncate-end">
          {`── ${passed} of ${tasks.length} tasks passed ${'─'.repeat(Math.max(0, width))}`}
        </Text>
      </Box>
    );
  }
  const inner = width - 4;
  const lines: { key: string; segments: Segment[] }[] = [];
  tasks.forEach((task, i) => {
    if (i > 0) lines.push({ key: `${task.id}-gap`, segments: [] });
    lines.push({ key: `${task.id}-mark`, segments: [seg(task.current ? '▸ ' : '  ', 'accent'), taskMark(task), seg(`  ${taskPoints(task)}`, 'muted')] });
    wrapText(`${i + 1}. ${task.title}`, inner - 2, { hard: true, maxLines: 3 }).forEach((text, l) => lines.push({ key: `${task.id}-${l}`, segments: [seg(`  ${text}`, task.passed ? 'muted' : undefined)] }));
  });
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={theme.border('accent')} paddingX={1}>
      <Text {...theme.style('title')} wrap="truncate-end">{`Tasks: ${passed} of ${tasks.length} passed`}</Text>
      {lines.slice(0, Math.max(0, height - 3)).map((line) => (
        <Line key={line.key} segments={line.segments} />
      ))}
    </Box>
  );
});
