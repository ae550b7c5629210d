import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PyFloat, pyJsonDumps, pyRepr, pyStr } from '../../../src/cli/python/builtins.js';
import { formatText } from '../../../src/cli/output/text.js';

/**
 * One PyFloat and one repr for the whole CLI. Where the two copies it replaced disagreed,
 * CPython 3.11 decides (the expected values are what `python3 -c` prints; the last test asks
 * python3 itself when it is installed, as it is on the CI image):
 * - repr() escapes every character str.isprintable() rejects: C1 controls (\x85), no-break
 *   space (\xa0), format characters (\u200b), unassigned planes (\U000e0001);
 * - an int of 1e21 and above prints all its digits, a float prints 1e+21.
 */
const CASES: Array<[unknown, string]> = [
  ['\xa0', "'\\xa0'"],
  ['\u200b', "'\\u200b'"],
  ['\x85', "'\\x85'"],
  ['\x7f', "'\\x7f'"],
  ['caf\u00e9', "'café'"],
  ['\u{1F600}', "'😀'"],
  ['\u{E0001}', "'\\U000e0001'"],
  [1e21, '1000000000000000000000'],
  [new PyFloat(1e21), '1e+21'],
  [new PyFloat(1e22), '1e+22'],
  [['\xa0', 1e21], "['\\xa0', 1000000000000000000000]"],
];

describe('Python builtins', () => {
  it.each(CASES)('repr(%j) is %s', (value, expected) => {
    expect(pyRepr(value)).toBe(expected);
  });

  it('str() of an int past 1e21, alone and in a text cell', () => {
    expect(pyStr(1e21)).toBe('1000000000000000000000');
    expect(formatText({ Size: 1e21 })).toBe('1000000000000000000000\n');
  });

  it('json.dumps of an int past 1e21 and of a float', () => {
    expect(pyJsonDumps({ a: 1e21, b: new PyFloat(1e21), c: '\xa0' })).toBe('{"a": 1000000000000000000000, "b": 1e+21, "c": "\\u00a0"}');
  });

  it('agrees with the python3 on this machine', { timeout: 60_000 }, () => {
    let python: string;
    try {
      python = execFileSync('python3', ['-c', "import json; print(repr('\\xa0'), repr('\\u200b'), repr('\\x85'), str(10**21), repr(1e21), json.dumps(10**21))"], { encoding: 'utf8' });
    } catch {
      return; // no python3 here: the table above records what it printed
    }
    expect(python).toBe(`${[pyRepr('\xa0'), pyRepr('\u200b'), pyRepr('\x85'), pyStr(1e21), pyRepr(new PyFloat(1e21)), pyJsonDumps(1e21)].join(' ')}\n`);
  });
});
