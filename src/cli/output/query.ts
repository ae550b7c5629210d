import { jmespath } from '../lazy-modules.js';
import { FormatError, QueryError } from './failures.js';
import { parseErrorMessage } from './jmespath-syntax.js';
import type { PyValue } from '../python/builtins.js';


/**
 * The CLI compiles --query before calling the service (customizations/globalargs.py) and
 * rejects a bad one with "Bad value for --query EXPR: " and python-jmespath's error, whose
 * wording and column awslab reproduces (jmespath-syntax.ts); evaluation is the jmespath
 * package's.
 */
export function validateQuery(expression: string): void {
  const problem = parseErrorMessage(expression);
  if (problem !== undefined) throw new QueryError(`Bad value for --query ${expression}: ${problem}`);
}

export function applyQuery(expression: string, data: PyValue): PyValue {
  try {
    const result: unknown = jmespath().search(data, expression);
    return result === undefined ? null : (result as PyValue);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new FormatError(pythonRuntimeMessage(message));
  }
}

/** The jmespath package's runtime errors, reworded as python-jmespath words them. */
function pythonRuntimeMessage(message: string): string {
  const arity = /^ArgumentError: (\w+)\(\) takes (at least )?(\d+) arguments? but received (\d+)$/.exec(message);
  if (arity) {
    const [, name, atLeast, expected, actual] = arity;
    const plural = expected === '1' ? 'argument' : 'arguments';
    return `Expected ${atLeast ? 'at least ' : ''}${expected} ${plural} for function ${name}(), received ${actual}`;
  }
  return message.replace(/^(TypeError|ArgumentError|RuntimeError): /, '');
}
