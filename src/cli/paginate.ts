import { jmespath } from './lazy-modules.js';
import type { Paginator } from '../runtime/model.js';
import { generalFailure } from './errors.js';
import { decodeUtf8, pyB64Decode, pyInt, pyJsonDumps, PythonError, pyRepr, pyShortTypeName, pyTruthy } from './python/builtins.js';
import { JsonDecodeError, pyJsonLoads } from './python/json.js';
import { isPlainObject, setOwn } from './shapes.js';

/**
 * Automatic pagination, a port of botocore/paginate.py as the CLI uses it: pages are
 * requested until the service says there are no more (or --max-items is reached), the
 * result keys of every page are merged into one response, and a truncated result ends
 * with a `NextToken` that is botocore's opaque token (base64 of Python's JSON of the
 * service's own markers plus `boto_truncate_amount`). `--starting-token` also accepts
 * the old `marker___index` form and a raw service marker, as botocore does.
 */
export interface PaginationConfig {
  readonly maxItems?: number;
  readonly pageSize?: number | string;
  readonly startingToken?: string;
}

type Page = Record<string, unknown>;
type Token = Record<string, unknown>;

/** Stops a runtime bug that never stops saying "more" from hanging the learner's console. */
const MAX_PAGES = 10_000;

function search(expression: string, data: unknown): unknown {
  return jmespath().search(data, expression);
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** botocore.utils.set_value_from_jmespath: dotted keys only. */
function setValue(target: Record<string, unknown>, expression: string, value: unknown): void {
  const [head = '', ...rest] = expression.split('.');
  if (rest.length === 0) {
    setOwn(target, head, value);
    return;
  }
  if (!isPlainObject(target[head])) setOwn(target, head, {});
  setValue(target[head] as Record<string, unknown>, rest.join('.'), value);
}

function tokensEqual(a: Token | undefined, b: Token): boolean {
  return a !== undefined && pyJsonDumps(a) === pyJsonDumps(b);
}

export function encodeToken(token: Token): string {
  return Buffer.from(pyJsonDumps(token), 'utf-8').toString('base64');
}

/** TokenDecoder.decode: throws PythonError for what botocore would treat as ValueError/TypeError. */
function decodeToken(token: string): Token {
  const bytes = pyB64Decode(token);
  const text = decodeUtf8(bytes);
  if (text === undefined) throw new PythonError("'utf-8' codec can't decode");
  let decoded: unknown;
  try {
    decoded = pyJsonLoads(text);
  } catch (error) {
    if (error instanceof JsonDecodeError) throw new PythonError(error.message);
    throw error;
  }
  if (Array.isArray(decoded)) throw new PythonError('pop expected at most 1 argument, got 2');
  if (!isPlainObject(decoded)) throw generalFailure(`'${pyShortTypeName(decoded)}' object has no attribute 'pop'`);
  const copy: Token = {};
  for (const [key, value] of Object.entries(decoded)) if (key !== 'boto_encoded_keys') setOwn(copy, key, value);
  return copy;
}

export class Pagination {
  private readonly inputTokens: string[];
  private readonly outputTokens: string[];
  private readonly resultKeys: string[];
  private resumeToken: string | undefined;

  constructor(private readonly paginator: Paginator, private readonly config: PaginationConfig) {
    this.inputTokens = asList(paginator.input_token);
    this.outputTokens = asList(paginator.output_token);
    this.resultKeys = asList(paginator.result_key);
  }

  private setResumeToken(value: Token): void {
    const expected = [...this.inputTokens, ...(Object.hasOwn(value, 'boto_truncate_amount') ? ['boto_truncate_amount'] : [])].sort();
    const actual = Object.keys(value).sort();
    if (expected.join('\u0000') !== actual.join('\u0000')) throw generalFailure(`Bad starting token: ${pyRepr(value)}`);
    this.resumeToken = encodeToken(value);
  }

  private parseStartingToken(): [Token, unknown] {
    const token = this.config.startingToken ?? '';
    try {
      const decoded = decodeToken(token);
      let index: unknown = 0;
      if (Object.hasOwn(decoded, 'boto_truncate_amount')) {
        index = decoded.boto_truncate_amount;
        delete decoded.boto_truncate_amount;
      }
      return [decoded, index];
    } catch (error) {
      if (error instanceof PythonError) return this.parseDeprecatedToken(token);
      throw error;
    }
  }

  /** The pre-2015 `marker___marker___index` form, or a raw service marker. */
  private parseDeprecatedToken(token: string): [Token, unknown] {
    let parts = token.split('___');
    let index = 0;
    if (parts.length === this.inputTokens.length + 1) {
      const last = parts.pop() ?? '';
      try {
        index = pyInt(last);
      } catch {
        parts = [token];
      }
    }
    const values: Array<string | null> = parts.map((part) => (part === 'None' ? null : part));
    if (values.length > this.inputTokens.length) throw generalFailure(`Bad starting token: ${token}`);
    while (values.length < this.inputTokens.length) values.push(null);
    const result: Token = {};
    this.inputTokens.forEach((name, i) => setOwn(result, name, values[i] ?? null));
    return [result, index];
  }

  private injectToken(kwargs: Record<string, unknown>, token: Token): void {
    for (const [name, value] of Object.entries(token)) {
      if (value !== null && value !== undefined && value !== 'None') setOwn(kwargs, name, value);
      else delete kwargs[name];
    }
  }

  private nextToken(page: Page): Token {
    if (this.paginator.more_results !== undefined && !pyTruthy(search(this.paginator.more_results, page))) return {};
    const token: Token = {};
    this.outputTokens.forEach((expression, i) => {
      const value = search(expression, page);
      setOwn(token, this.inputTokens[i] ?? '', pyTruthy(value) ? value : null);
    });
    return token;
  }

  /** Runs every page through `call` and returns the merged result (PageIterator.build_full_result). */
  fullResult(params: Record<string, unknown>, call: (params: Record<string, unknown>) => Page): Page {
    const kwargs = { ...params };
    const primary = this.resultKeys[0] ?? '';
    let nextToken: Token = Object.fromEntries(this.inputTokens.map((key) => [key, null]));
    if (this.config.startingToken !== undefined) {
      nextToken = this.parseStartingToken()[0];
      this.injectToken(kwargs, nextToken);
    }
    if (this.config.pageSize !== undefined && this.paginator.limit_key) setOwn(kwargs, this.paginator.limit_key, this.config.pageSize);
    const complete: Page = {};
    let nonAggregate: Page = {};
    let previous: Token | undefined;
    let total = 0;
    for (let pageNumber = 0; ; pageNumber++) {
      if (pageNumber >= MAX_PAGES) throw generalFailure(`awslab stopped after ${MAX_PAGES} pages: the simulated service kept returning more.`);
      const page = call({ ...kwargs });
      let startingTruncation: unknown = 0;
      if (pageNumber === 0) {
        if (this.config.startingToken !== undefined) startingTruncation = this.handleFirstRequest(page, primary);
        nonAggregate = this.nonAggregatePart(page);
      }
      const current = search(primary, page) ?? [];
      const count = Array.isArray(current) || typeof current === 'string' ? current.length : 0;
      const truncate = this.config.maxItems !== undefined ? total + count - this.config.maxItems : 0;
      if (truncate > 0) {
        this.truncate(page, primary, truncate, startingTruncation, nextToken);
        this.merge(complete, page);
        break;
      }
      this.merge(complete, page);
      total += count;
      nextToken = this.nextToken(page);
      if (Object.values(nextToken).every((value) => value === null)) break;
      if (this.config.maxItems !== undefined && total === this.config.maxItems) {
        this.setResumeToken(nextToken);
        break;
      }
      if (tokensEqual(previous, nextToken)) {
        throw generalFailure(`Error during pagination: The same next token was received twice: ${pyRepr(nextToken)}`);
      }
      this.injectToken(kwargs, nextToken);
      previous = nextToken;
    }
    mergeDicts(complete, nonAggregate);
    if (this.resumeToken !== undefined) complete.NextToken = this.resumeToken;
    return complete;
  }

  private nonAggregatePart(page: Page): Page {
    const part: Page = {};
    for (const expression of this.paginator.non_aggregate_keys ?? []) setValue(part, expression, search(expression, page) ?? null);
    return part;
  }

  /** The first page after --starting-token drops the items the previous command already showed. */
  private handleFirstRequest(page: Page, primary: string): unknown {
    const index = this.parseStartingToken()[1];
    const all = search(primary, page);
    let data: unknown = null;
    if (Array.isArray(all) || typeof all === 'string') data = all.slice(sliceIndex(index));
    setValue(page, primary, data);
    for (const key of this.resultKeys.slice(1)) {
      const sample = search(key, page);
      const empty = Array.isArray(sample) ? [] : typeof sample === 'string' ? '' : typeof sample === 'number' ? 0 : null;
      setValue(page, key, empty);
    }
    return index;
  }

  private truncate(page: Page, primary: string, amount: number, startingTruncation: unknown, nextToken: Token): void {
    const original = search(primary, page);
    const list = Array.isArray(original) ? original : [];
    const keep = list.length - amount;
    setValue(page, primary, list.slice(0, keep));
    nextToken.boto_truncate_amount = keep + sliceIndex(startingTruncation);
    this.setResumeToken(nextToken);
  }

  private merge(complete: Page, page: Page): void {
    for (const key of this.resultKeys) {
      const value = search(key, page);
      if (value === null || value === undefined) continue;
      const existing = search(key, complete);
      if (existing === null || existing === undefined) setValue(complete, key, value);
      else if (Array.isArray(value) && Array.isArray(existing)) existing.push(...value);
      else if (typeof value === 'number' && typeof existing === 'number') setValue(complete, key, existing + value);
      else if (typeof value === 'string' && typeof existing === 'string') setValue(complete, key, existing + value);
    }
  }
}

/** botocore.utils.merge_dicts: nested dicts merge, anything else is replaced. */
function mergeDicts(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isPlainObject(value) && Object.hasOwn(target, key) && isPlainObject(existing)) mergeDicts(existing, value);
    else setOwn(target, key, value);
  }
}

/** Python slicing accepts ints (and bools); anything else is a TypeError. */
function sliceIndex(index: unknown): number {
  if (typeof index === 'number' && Number.isInteger(index)) return index;
  if (typeof index === 'boolean') return index ? 1 : 0;
  throw generalFailure('slice indices must be integers or None or have an __index__ method');
}
