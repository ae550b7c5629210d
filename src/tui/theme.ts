import { createContext, useContext } from 'react';

/**
 * How text is styled. Styles are named for what they mean; the palette turns a name into
 * Ink Text props. With colour off (NO_COLOR, --no-color) no colour is ever set: only bold,
 * dim and inverse remain, and every state also carries a glyph and a word.
 */
export type StyleName =
  | 'plain'
  | 'title'
  | 'muted'
  | 'accent'
  | 'selected'
  | 'pass'
  | 'fail'
  | 'warn'
  | 'error'
  | 'input'
  | 'say'
  | 'hint'
  | 'key'
  | 'json-key'
  | 'json-string'
  | 'json-number'
  | 'json-literal'
  | 'json-punct';

export interface TextStyle {
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
}

const COLOURED: Record<StyleName, TextStyle> = {
  plain: {},
  title: { bold: true, color: 'cyan' },
  muted: { dimColor: true },
  accent: { color: 'cyan' },
  selected: { inverse: true },
  pass: { color: 'green', bold: true },
  fail: { color: 'red', bold: true },
  warn: { color: 'yellow', bold: true },
  error: { color: 'red' },
  input: { bold: true },
  say: { color: 'yellow', bold: true },
  hint: { color: 'magenta' },
  key: { bold: true, color: 'cyan' },
  'json-key': { color: 'blue' },
  'json-string': { color: 'green' },
  'json-number': { color: 'yellow' },
  'json-literal': { color: 'magenta' },
  'json-punct': {},
};

/** The same styles without colour: emphasis only. */
function withoutColour(style: TextStyle): TextStyle {
  const { color: _color, ...rest } = style;
  return rest;
}

export interface Theme {
  colour: boolean;
  style(name: StyleName): TextStyle;
  /** Colour for a border (undefined without colour). */
  border(name: StyleName): string | undefined;
}

export function createTheme(colour: boolean): Theme {
  const styles = Object.fromEntries(Object.entries(COLOURED).map(([name, style]) => [name, colour ? style : withoutColour(style)])) as Record<StyleName, TextStyle>;
  return {
    colour,
    style: (name) => styles[name],
    border: (name) => (colour ? COLOURED[name].color : undefined),
  };
}

export const ThemeContext = createContext<Theme>(createTheme(true));

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
