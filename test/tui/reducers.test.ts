import { describe, expect, it } from 'vitest';
import { consoleReducer, initialConsole } from '../../src/tui/lab/console-state.js';
import { applyCompletion } from '../../src/tui/lab/completion.js';
import { inputOf, textInputReducer, visibleInput, emptyInput } from '../../src/tui/widgets/text-input-state.js';
import { moveCursor, windowStart } from '../../src/tui/widgets/list-state.js';

describe('the text field', () => {
  it('edits at the cursor like a shell prompt', () => {
    let s = textInputReducer(emptyInput, { type: 'insert', text: 'aws s3 ls' });
    for (let i = 0; i < 3; i++) s = textInputReducer(s, { type: 'left' });
    s = textInputReducer(s, { type: 'backspace' });
    expect(s).toEqual({ value: 'aws s ls', cursor: 5 });
    expect(textInputReducer(s, { type: 'delete-word' })).toEqual({ value: 'aws  ls', cursor: 4 });
    expect(textInputReducer(s, { type: 'kill-to-end' })).toEqual({ value: 'aws s', cursor: 5 });
    expect(textInputReducer(inputOf('a'), { type: 'insert', text: 'b\nc' }).value).toBe('ab c');
  });

  it('shows a window of a long line that keeps the cursor in view', () => {
    const shown = visibleInput(inputOf('0123456789abcdef'), 8);
    expect(shown.before + shown.at + shown.after).toHaveLength(7);
    expect(shown.at).toBe(' ');
    expect(shown.before.endsWith('f')).toBe(true);
  });
});

describe('the console', () => {
  it('keeps history and browses it with the typed line as a draft', () => {
    let s = initialConsole(['aws s3 ls']);
    s = consoleReducer(s, { type: 'submitted', line: 'tasks' });
    s = consoleReducer(s, { type: 'edit', edit: { type: 'insert', text: 'draft' } });
    s = consoleReducer(s, { type: 'history', by: -1 });
    expect(s.input.value).toBe('tasks');
    s = consoleReducer(s, { type: 'history', by: -1 });
    expect(s.input.value).toBe('aws s3 ls');
    s = consoleReducer(s, { type: 'history', by: 1 });
    s = consoleReducer(s, { type: 'history', by: 1 });
    expect(s.input.value).toBe('draft');
  });

  it('does not store a line twice in a row', () => {
    let s = consoleReducer(initialConsole(), { type: 'submitted', line: 'check' });
    s = consoleReducer(s, { type: 'submitted', line: 'check' });
    expect(s.history).toEqual(['check']);
  });

  it('scrolls back and returns to the end when a line runs', () => {
    let s = consoleReducer(initialConsole(), { type: 'scroll', by: 10, lines: 100 });
    expect(s.offset).toBe(10);
    s = consoleReducer(s, { type: 'scroll', by: 500, lines: 100 });
    expect(s.offset).toBe(99);
    expect(consoleReducer(s, { type: 'submitted', line: 'x' }).offset).toBe(0);
  });

  it('completes one candidate with a space and several to their common start', () => {
    expect(applyCompletion('aws s3api put-bucket-ver', ['put-bucket-versioning'])).toEqual({ text: 'aws s3api put-bucket-versioning ', shown: [] });
    expect(applyCompletion('aws s3', ['s3', 's3api'])).toEqual({ text: 'aws s3', shown: ['s3', 's3api'] });
    expect(applyCompletion('hint t', ['take', 'turn-on'])).toEqual({ text: 'hint t', shown: ['take', 'turn-on'] });
    expect(applyCompletion('aws s3api get-', ['get-bucket-acl', 'get-bucket-versioning']).text).toBe('aws s3api get-bucket-');
  });
});

describe('lists', () => {
  it('skips headings and stops at the ends', () => {
    const selectable = [false, true, true, false, true];
    expect(moveCursor(selectable, 1, 1)).toBe(2);
    expect(moveCursor(selectable, 2, 1)).toBe(4);
    expect(moveCursor(selectable, 4, 1)).toBe(4);
    expect(moveCursor(selectable, 1, -1)).toBe(1);
  });

  it('windows a long list around the cursor', () => {
    expect(windowStart(0, 100, 10)).toBe(0);
    expect(windowStart(50, 100, 10)).toBe(47);
    expect(windowStart(99, 100, 10)).toBe(90);
  });
});
