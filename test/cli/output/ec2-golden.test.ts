import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatResponse, type OutputFormat } from '../../../src/cli/output/index.js';
import type { ServiceModel } from '../../../src/runtime/model.js';
import ec2ModelJson from '../../../src/runtime/ec2/model.json' with { type: 'json' };
import { FIXTURES, asRuntimeResponse, caseDirectories, readFixture } from './helpers.js';

/**
 * EC2 goldens captured from the real AWS CLI v2 (Debian's aws 2.9.19) against moto by
 * fixtures/capture/capture_ec2.py: each parsed response (moto's values), fed back as the
 * runtime would hand it over, must print byte for byte what the CLI printed. EC2's responses
 * nest deeper than S3's (security groups → permissions → ranges), which table and text
 * output indent and flatten in their own ways.
 */
const ec2Model = ec2ModelJson as unknown as ServiceModel;

interface Case {
  command: string;
  operation: string;
  query: string | null;
  paginated: boolean;
  columns: number;
  pages: Record<string, unknown>[];
}

const FORMATS: OutputFormat[] = ['json', 'text', 'table', 'yaml', 'yaml-stream'];
const cases = caseDirectories('ec2').map((name) => ({ name, spec: JSON.parse(readFixture('ec2', name, 'case.json')) as Case }));

describe('formatResponse prints EC2 responses as the AWS CLI v2 does', () => {
  it('has the captured cases', () => {
    expect(cases.map((c) => c.name)).toEqual(expect.arrayContaining(['describe-vpcs', 'describe-security-groups', 'run-instances']));
  });
  for (const { name, spec } of cases) {
    for (const format of FORMATS) {
      if (!existsSync(join(FIXTURES, 'ec2', name, `${format}.out`))) continue;
      it(`${spec.command} --output ${format}${spec.columns !== 80 ? ` (${spec.columns} columns)` : ''}`, () => {
        const outputShape = ec2Model.operations[spec.operation]?.output?.shape;
        const page = asRuntimeResponse(spec.pages[0], ec2Model, outputShape) as Record<string, unknown>;
        const output = formatResponse(page, {
          format,
          model: ec2Model,
          operation: spec.operation,
          columns: spec.columns,
          paginated: spec.paginated,
          ...(spec.query === null ? {} : { query: spec.query }),
        });
        expect(output).toBe(readFixture('ec2', name, `${format}.out`));
      });
    }
  }
});
