/**
 * A statement's Condition block: every operator and every key in it must hold (AND); a key's
 * several policy values are alternatives (OR), which for a negated operator means the request
 * value matches none of them. A key the request lacks fails a positive operator and passes a
 * negated one; `…IfExists` passes either; `Null` tests presence. `ForAnyValue:` and
 * `ForAllValues:` compare a multivalued key value by value.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
import type { RequestContext } from './context.js';
import { OPERATORS, type OperatorRow } from './condition-operators.js';
import { substituteVariables } from './variables.js';

export interface Condition {
  /** The operator as written: `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  readonly base: string;
  readonly set?: 'ForAnyValue' | 'ForAllValues';
  readonly ifExists: boolean;
  readonly key: string;
  readonly values: readonly string[];
}

const OPERATOR = /^(?:(ForAnyValue|ForAllValues):)?(.+?)(IfExists)?$/;

/** Splits an operator name, or undefined when AWS has no such operator. */
export function parseOperator(operator: string): Pick<Condition, 'base' | 'set' | 'ifExists'> | undefined {
  const match = OPERATOR.exec(operator);
  if (!match) return undefined;
  const base = match[2]!;
  if (!(base in OPERATORS) && base !== 'Null') return undefined;
  // Null already asks whether the key exists.
  if (base === 'Null' && match[3]) return undefined;
  return { base, set: match[1] as Condition['set'], ifExists: match[3] !== undefined };
}

export function conditionHolds(condition: Condition, context: RequestContext, variables: boolean): boolean {
  const present = context.get(condition.key);
  if (condition.base === 'Null') {
    const absent = present === undefined || present.length === 0;
    return condition.values.some((v) => (v.toLowerCase() === 'true') === absent);
  }
  const row = OPERATORS[condition.base]!;
  if (present === undefined || present.length === 0) {
    if (condition.ifExists) return true;
    if (condition.set === 'ForAllValues') return true;
    if (condition.set === 'ForAnyValue') return false;
    return row.negated;
  }
  const policyValues = condition.values.map((v) => (variables && row.variables ? substituteVariables(v, context, row.variables === 'glob') : v));
  const one = (requestValue: string) => valueHolds(row, requestValue, policyValues);
  if (condition.set === 'ForAllValues') return present.every(one);
  if (condition.set === 'ForAnyValue') return present.some(one);
  // A multivalued key without a set operator: a positive operator wants some value to match,
  // a negated one wants none of them to.
  return row.negated ? present.every(one) : present.some(one);
}

/** One request value against the policy's alternatives, negation included. */
function valueHolds(row: OperatorRow, requestValue: string, policyValues: readonly (string | undefined)[]): boolean {
  const any = policyValues.some((v) => v !== undefined && row.matches(requestValue, v));
  return row.negated ? !any : any;
}
