import { Text } from 'ink';
import { memo } from 'react';
import { useTheme } from '../theme.js';
import { visibleInput, type TextInputState } from './text-input-state.js';

export interface PromptLineProps {
  prompt: string;
  input: TextInputState;
  width: number;
  focused: boolean;
}

/** A prompt and the line being typed, with the cursor drawn as an inverse cell. */
export const PromptLine = memo(function PromptLine({ prompt, input, width, focused }: PromptLineProps) {
  const theme = useTheme();
  const { before, at, after } = visibleInput(input, Math.max(2, width - prompt.length - 1));
  return (
    <Text wrap="truncate-end">
      <Text {...theme.style(focused ? 'accent' : 'muted')} bold>
        {prompt}{' '}
      </Text>
      {before}
      {focused ? <Text inverse>{at}</Text> : at}
      {after}
    </Text>
  );
});
