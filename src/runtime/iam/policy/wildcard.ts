/**
 * Wildcard matching as IAM does it: `*` matches any run of characters, `?` any one. Action
 * names are case-insensitive (`s3:getobject` is `s3:GetObject`); ARNs are case-sensitive,
 * and a wildcard stays inside its ARN segment (the parts split by the first five colons).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */

const compiled = new Map<string, RegExp>();

function globRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  const key = `${caseInsensitive ? 'i' : 's'}${pattern}`;
  let re = compiled.get(key);
  if (!re) {
    // A backslash before `*`, `?` or itself makes it literal: policy variables such as ${*}
    // insert wildcard characters that must match only themselves.
    const body = pattern.replace(/\\([*?\\])|([*?])|([.+^${}()|[\]\\])/g, (_m, escaped: string, wild: string, special: string) =>
      escaped ? `\\${escaped}` : wild ? (wild === '*' ? '[\\s\\S]*' : '[\\s\\S]') : `\\${special}`,
    );
    re = new RegExp(`^${body}$`, caseInsensitive ? 'i' : '');
    compiled.set(key, re);
  }
  return re;
}

/** A plain glob: `*` and `?` as wildcards, everything else literal. */
export function globMatches(pattern: string, value: string, caseInsensitive = false): boolean {
  if (pattern === '*') return true;
  if (!/[*?\\]/.test(pattern)) return caseInsensitive ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  return globRegExp(pattern, caseInsensitive).test(value);
}

export function actionMatches(pattern: string, action: string): boolean {
  return globMatches(pattern, action, true);
}

/** The six parts of an ARN: arn, partition, service, region, account, resource (which may hold colons). */
function arnParts(arn: string): string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < 6) return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

export function arnMatches(pattern: string, arn: string): boolean {
  if (pattern === '*') return true;
  const wanted = arnParts(pattern);
  const actual = arnParts(arn);
  if (!wanted || !actual) return globMatches(pattern, arn);
  return wanted.every((part, i) => globMatches(part, actual[i]!));
}
