/**
 * Policy variables: `${aws:username}` in a Resource or condition value is replaced by the
 * request's value, `${key, 'fallback'}` gives a default, and `${*}`, `${?}`, `${$}` stand
 * for the literal characters. A variable whose key the request lacks, with no default, makes
 * the string match nothing. Only Version 2012-10-17 documents have variables.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
import type { RequestContext } from './context.js';

const VARIABLE = /\$\{([^}]*)\}/g;
const SPECIAL: Record<string, string> = { '*': '*', '?': '?', $: '$' };
const DEFAULT = /^\s*([^,\s]+)\s*,\s*'([^']*)'\s*$/;

/**
 * `template` with its variables replaced, or undefined when one has no value. With `forGlob`,
 * the inserted text's `*` and `?` are escaped so that a wildcard matcher takes them literally.
 */
export function substituteVariables(template: string, context: RequestContext, forGlob: boolean): string | undefined {
  if (!template.includes('${')) return template;
  let missing = false;
  const text = template.replace(VARIABLE, (_whole, inner: string) => {
    const value = variableValue(inner.trim(), context);
    if (value === undefined) {
      missing = true;
      return '';
    }
    return forGlob ? value.replace(/[*?\\]/g, '\\$&') : value;
  });
  return missing ? undefined : text;
}

function variableValue(inner: string, context: RequestContext): string | undefined {
  if (inner in SPECIAL) return SPECIAL[inner];
  const withDefault = DEFAULT.exec(inner);
  const key = withDefault ? withDefault[1]! : inner;
  const values = context.get(key);
  // A multivalued key cannot stand in a string: AWS treats it as absent.
  if (values && values.length === 1) return values[0];
  return withDefault ? withDefault[2] : undefined;
}
