import { describe, expect, it } from 'vitest';
import { FormatError } from '../../../src/cli/output/index.js';
import { formatJson } from '../../../src/cli/output/json.js';
import { PyFloat, isDict, type PyValue } from '../../../src/cli/python/builtins.js';
import { formatTable } from '../../../src/cli/output/table.js';
import { formatText } from '../../../src/cli/output/text.js';
import { dumpYaml } from '../../../src/cli/output/yaml.js';
import { readFixture } from './helpers.js';

/**
 * Edge cases printed by the AWS CLI's own formatter classes (fixtures/capture/synthetic.py):
 * YAML quoting and folding, text for ragged and nested lists, table widths, Python floats.
 * Each document reaches the formatters as a --query result would.
 */
interface Synthetic {
  documents: { name: string; input: unknown; outputs: Record<string, string | { error: string }> }[];
}

const synthetic = JSON.parse(readFixture('synthetic.json')) as Synthetic;

function decode(value: unknown): PyValue {
  if (Array.isArray(value)) return value.map(decode);
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if ('$float' in record && Object.keys(record).length === 1) {
      const float = record.$float;
      return new PyFloat(typeof float === 'number' ? float : Number(String(float).replace('inf', 'Infinity')));
    }
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, decode(item)]));
  }
  return value as PyValue;
}

const isEmptyDict = (value: PyValue): boolean => isDict(value) && Object.keys(value).length === 0;

const FORMATTERS: Record<string, (document: PyValue) => string> = {
  json: (document) => (isEmptyDict(document) ? '' : formatJson(document)),
  text: (document) => formatText(document),
  yaml: (document) => (isEmptyDict(document) ? '' : dumpYaml(document)),
  'yaml-stream': (document) => (isEmptyDict(document) ? '' : dumpYaml([document])),
  'table-40': (document) => formatTable('Synthetic', document, 40),
  'table-80': (document) => formatTable('Synthetic', document, 80),
  'table-120': (document) => formatTable('Synthetic', document, 120),
  'table-200': (document) => formatTable('Synthetic', document, 200),
};

describe('formatters match the AWS CLI formatter classes on edge cases', () => {
  for (const { name, input, outputs } of synthetic.documents) {
    for (const [format, expected] of Object.entries(outputs)) {
      it(`${name} as ${format}`, () => {
        const format_ = FORMATTERS[format];
        if (!format_) throw new Error(`no formatter for ${format}`);
        const document = decode(input);
        if (typeof expected === 'string') {
          expect(format_(document)).toBe(expected);
        } else {
          expect(() => format_(document)).toThrow(FormatError);
          expect(() => format_(document)).toThrow(expected.error);
        }
      });
    }
  }
});
