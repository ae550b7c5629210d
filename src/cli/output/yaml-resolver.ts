import { PyFloat, pyFloatRepr, intStr, type PyValue } from '../python/builtins.js';

/**
 * ruamel.yaml's SafeRepresenter and Resolver, as the CLI's YAML dumper uses them: how a
 * scalar is written, and whether a string written plain would read back as a string.
 * The resolver is YAML 1.2's: "yes" and "on" are strings, "true", "1e3" and "2025-01-06"
 * are not, so those get quotes.
 */
export interface ScalarEvent {
  text: string;
  /** libyaml's plain_implicit: the text, written plain, resolves to the node's own tag. */
  plainImplicit: boolean;
}

/** represent_bool, represent_int, represent_float, represent_none; strings keep their text. */
export function scalarEvent(value: PyValue): ScalarEvent {
  if (typeof value === 'string') return { text: value, plainImplicit: !resolvesToNonString(value) };
  if (value === null) return { text: 'null', plainImplicit: true };
  if (value === true || value === false) return { text: String(value), plainImplicit: true };
  if (value instanceof PyFloat) return { text: yamlFloat(value.value), plainImplicit: true };
  if (typeof value === 'number') return { text: Number.isInteger(value) ? intStr(value) : yamlFloat(value), plainImplicit: true };
  return { text: String(value), plainImplicit: true };
}

function yamlFloat(x: number): string {
  if (Number.isNaN(x)) return '.nan';
  if (x === Infinity) return '.inf';
  if (x === -Infinity) return '-.inf';
  return pyFloatRepr(x).toLowerCase();
}

/** ruamel.yaml resolver.py implicit_resolvers for YAML 1.2, in registration order. */
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/;
const MERGE = /^(?:<<)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP = /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;
const VALUE = /^(?:=)$/;
const YAML_INDICATOR = /^(?:!|&|\*)$/;

/** BaseResolver.resolve looks the resolvers up by the value's first character. */
const RESOLVERS = new Map<string, RegExp[]>();
function register(regexp: RegExp, first: string[]): void {
  for (const ch of first) RESOLVERS.set(ch, [...(RESOLVERS.get(ch) ?? []), regexp]);
}
register(BOOL, [...'tTfF']);
register(FLOAT, [...'-+0123456789.']);
register(INT, [...'-+0123456789']);
register(MERGE, ['<']);
register(NULL, ['~', 'n', 'N', '']);
register(TIMESTAMP, [...'0123456789']);
register(VALUE, ['=']);
register(YAML_INDICATOR, [...'!&*']);

function resolvesToNonString(text: string): boolean {
  const resolvers = RESOLVERS.get(text === '' ? '' : String.fromCodePoint(text.codePointAt(0) ?? 0));
  if (!resolvers) return false;
  // Python's re.match with `$` also matches before one final newline.
  const candidate = text.endsWith('\n') ? text.slice(0, -1) : text;
  return resolvers.some((regexp) => regexp.test(candidate));
}
