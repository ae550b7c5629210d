import jmespath from 'jmespath';
import { runAws } from '../../cli/index.js';
import { tokenize } from '../../lib/tokenize.js';
import type { CliResult } from '../../cli/types.js';
import { allowOnly, defineCheckKind, type CheckBase, type CheckOutcome, type EvaluateContext } from './kind.js';
import { COMPARISONS, compare, describeExpectation, describeObserved, parseComparison, type Comparison } from './comparison.js';

/** `aws: CMD` with an optional `query:` and one comparison (`equals`, …, or `error: CODE`). */
export interface AwsCheck extends CheckBase {
  type: 'aws';
  /** The command line after `aws`: it must call a read-only operation. */
  aws: string;
  query?: string;
  comparison: Comparison;
}

/** What the command answered: a value on success, an AWS error code on failure. */
type Answer = { ok: true; value: unknown } | { ok: false; code?: string; text: string };

/** The structured call result, never the printed text: grading must not change with --cli-error-format or --output. */
function answerOf(result: CliResult): Answer {
  if (result.exitCode !== 0) {
    const code = result.response?.error?.code;
    return code === undefined ? { ok: false, text: firstLine(result.stderr) } : { ok: false, code, text: firstLine(result.stderr) };
  }
  return { ok: true, value: result.response?.value ?? null };
}

function firstLine(text: string): string {
  return text.trim().split('\n').find((l) => l.trim()) ?? '(no message)';
}

function evaluateAws(check: AwsCheck, env: EvaluateContext): CheckOutcome {
  const { comparison, query } = check;
  const argv = [...tokenize(check.aws), '--output', 'json'];
  const answer = answerOf(env.world.unrecorded(() => runAws(argv, { world: env.world, files: env.files, defaultRegion: env.region, caller: 'check' })));
  const shown = `aws ${check.aws}`;
  if (!answer.ok) {
    if (comparison.kind === 'error') {
      return answer.code === comparison.code
        ? { passed: true, why: `${shown} fails with ${answer.code}, as it should.` }
        : { passed: false, why: `Expected ${shown} to fail with ${comparison.code}; it failed with ${answer.code ?? 'another error'}: ${answer.text}` };
    }
    return { passed: false, why: `${shown} failed: ${answer.text}` };
  }
  if (comparison.kind === 'error') return { passed: false, why: `Expected ${shown} to fail with ${comparison.code}, but it succeeded.` };
  if (comparison.kind === 'succeeds') return { passed: true, why: `${shown} succeeds.` };
  let observed = answer.value;
  if (query) {
    try {
      observed = jmespath.search(observed, query);
    } catch (error) {
      // A function given the wrong type (length(null) when a list is absent) is a failed check, not a crash.
      return { passed: false, why: `The query ${query} could not be applied to the output of ${shown}: ${(error as Error).message.replace(/^TypeError: /, '')}.` };
    }
  }
  const subject = query ? `${query} from ${shown}` : `the output of ${shown}`;
  return { passed: compare(comparison, observed), why: `Expected ${subject} ${describeExpectation(comparison)}; found ${describeObserved(observed)}.` };
}

// @types/jmespath leaves out compile, which the package exports: it parses without searching.
const { compile } = jmespath as unknown as { compile(expression: string): unknown };

/** Why a JMESPath expression does not parse, or undefined when it does. */
function jmespathSyntaxError(query: string): string | undefined {
  try {
    compile(query);
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^\w*Error: /, '');
  }
}

export const awsKind = defineCheckKind<AwsCheck>({
  key: 'aws',
  keys: ['query', ...COMPARISONS],
  summary: 'a read-only aws command, an optional JMESPath query and one comparison (or error: CODE)',
  parse(value, ctx) {
    allowOnly(value, ['aws', 'query', ...COMPARISONS, 'message', 'note'], ctx);
    const { aws, query } = value;
    if (typeof aws !== 'string' || !aws.trim()) {
      ctx.report([...ctx.path, 'aws'], 'aws: expected the command line after `aws`, e.g. s3api get-bucket-versioning --bucket b');
      return undefined;
    }
    if (/^\s*aws\s/.test(aws)) ctx.report([...ctx.path, 'aws'], "aws: leave out the leading 'aws' (write s3api get-bucket-versioning …)");
    if (query !== undefined && typeof query !== 'string') ctx.report([...ctx.path, 'query'], 'query: expected a JMESPath expression as text');
    else if (typeof query === 'string') {
      const problem = jmespathSyntaxError(query);
      if (problem) ctx.report([...ctx.path, 'query'], `query: '${query}' is not a valid JMESPath expression: ${problem}`);
    }
    const present = COMPARISONS.filter((k) => k in value);
    if (present.length > 1) {
      ctx.report(ctx.path, `a check compares one way; this one has ${present.join(' and ')}`);
      return undefined;
    }
    const comparison = parseComparison(present[0], present[0] && value[present[0]]);
    if (typeof comparison === 'string') {
      ctx.report([...ctx.path, present[0]!], comparison);
      return undefined;
    }
    if (comparison.kind === 'error' && query !== undefined) ctx.report([...ctx.path, 'query'], 'query: an error check looks at the error code, so a query has nothing to apply to');
    return { type: 'aws', aws: aws.trim(), ...(typeof query === 'string' ? { query } : {}), comparison };
  },
  evaluate: evaluateAws,
  reads: () => new Set(['world']),
  prove(check, trial) {
    const { exitCode, stderr, calls } = trial().run(`aws ${check.aws}`);
    const problems: string[] = [];
    if (exitCode === 252 || exitCode === 255 || calls.length === 0) {
      problems.push(`the check command 'aws ${check.aws}' is not a valid aws command: ${stderr.trim().split('\n').pop()}`);
    }
    for (const call of calls.filter((c) => !c.readOnly)) {
      problems.push(`the check calls ${call.service}:${call.operation}, which changes the account; checks may only call read-only operations (Get*, List*, Head*, Describe*)`);
    }
    return problems;
  },
});
