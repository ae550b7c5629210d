import { describe, expect, it } from 'vitest';
import { complete, runAwsLine } from '../../../src/cli/index.js';
import { withCustomisation, type ServiceCustomisation } from '../../../src/cli/services/index.js';
import { AwsError } from '../../../src/runtime/errors.js';
import { SERVICES } from '../../../src/runtime/index.js';
import { World } from '../../../src/runtime/world.js';
import { gadgetService } from '../gadget-service.js';
import { memoryFiles } from '../support.js';

/**
 * The hook points a service's CLI file (src/cli/services/<service>.ts) may use, each proven
 * on a fake service, in the shape the next services need: Route 53's fix_route53_ids
 * (before-parameter-build), EC2's run-instances --count (an argument-table customisation),
 * RDS's generate-db-auth-token (a command in the service's table).
 */
const seen: { wire?: Record<string, unknown> } = {};

const GADGETS_CLI: ServiceCustomisation = {
  service: 'gadgets',
  checkEndpointParameters: ({ params }) => {
    if (params.Id === 'endpoint-refuses') throw new Error('endpoint check ran');
  },
  // As fix_route53_ids: `/gadget/g1` is accepted for `g1`, before validation.
  beforeParameterBuild: ({ params, memo }) => {
    if (typeof params.Id === 'string' && params.Id.startsWith('/gadget/')) {
      params.Id = params.Id.slice('/gadget/'.length);
      memo.stripped = true;
    }
  },
  beforeCall: (_call, wire) => {
    seen.wire = { ...wire };
  },
  afterCall: ({ memo }, parsed) => {
    if (memo.stripped === true) parsed.Id = `/gadget/${String(parsed.Id)}`;
  },
  enhanceError: (_call, error) => new AwsError(error.code, `${error.message} Try describe-gadgets.`, error.status, { ...error.fields }),
  // As EC2's run-instances: --count N[:M] fills MinCount and MaxCount, which stop being required.
  customiseArguments: (operation, table) => {
    if (operation !== 'CreateGadget') return;
    table.push({
      name: 'count', kind: 'custom', required: false, documented: true, dest: 'count',
      documentation: 'Number of gadgets to make, as min[:max].',
      toParams: (params, value) => {
        const [min, max = min] = String(value).split(':');
        params.MinCount = Number(min);
        params.MaxCount = Number(max);
      },
    });
  },
  serviceCommands: [{ name: 'count-gadgets', run: (_args, ctx) => ({ exitCode: 0, stdout: `${String(ctx.world.activity.length)}\n`, stderr: '' }) }],
  commands: [{ name: 'gadget', title: 'high-level gadget commands', run: (args) => ({ exitCode: 0, stdout: `gadget ${args.join(' ')}\n`, stderr: '' }), subcommands: ['polish', 'make'] }],
};

function account() {
  const world = new World({ seed: 3, services: [...SERVICES, gadgetService] });
  const ctx = { world, files: memoryFiles(), defaultRegion: 'us-east-1' };
  return { world, aws: (line: string) => runAwsLine(line, ctx) };
}

describe('service customisation hooks', () => {
  it('run in botocore order around the call: parameters fixed before validation, response fixed after', () => {
    withCustomisation(GADGETS_CLI, () => {
      const { aws } = account();
      const made = aws('aws gadgets create-gadget --id /gadget/g1');
      expect(made.exitCode).toBe(0);
      expect(seen.wire).toEqual({ Id: 'g1' });
      expect(JSON.parse(made.stdout)).toEqual({ Id: '/gadget/g1', Status: 'pending' });
    });
  });

  it('rewords a service error once, for printing and for CliResult.response alike', () => {
    withCustomisation(GADGETS_CLI, () => {
      const { aws } = account();
      const failed = aws('aws gadgets describe-gadgets --ids nope --cli-error-format legacy');
      expect(failed.stderr).toBe('\nAn error occurred (GadgetNotFound) when calling the DescribeGadgets operation: Gadget nope does not exist. Try describe-gadgets.\n');
      expect(failed.response?.error).toEqual({ code: 'GadgetNotFound', message: 'Gadget nope does not exist. Try describe-gadgets.', status: 400 });
    });
  });

  it('adds a custom argument that fills parameters of its own, and documents it', () => {
    withCustomisation(GADGETS_CLI, () => {
      const { aws } = account();
      expect(JSON.parse(aws('aws gadgets create-gadget --id g2 --count 2:5').stdout)).toMatchObject({ Count: '2-5' });
      expect(aws('aws gadgets create-gadget help').stdout).toContain('--count (string)\n          Number of gadgets to make, as min[:max].');
    });
  });

  it('adds commands to the service table and beside the services, with completion', () => {
    withCustomisation(GADGETS_CLI, () => {
      const { aws, world } = account();
      expect(aws('aws gadgets count-gadgets')).toEqual({ exitCode: 0, stdout: '0\n', stderr: '' });
      expect(aws('aws gadget polish --all')).toEqual({ exitCode: 0, stdout: 'gadget polish --all\n', stderr: '' });
      expect(aws('aws help').stdout).toContain('o gadget (high-level gadget commands)');
      expect(complete('aws gadget ', world)).toEqual(['make', 'polish']);
      expect(complete('aws gadgets co', world)).toEqual(['count-gadgets']);
    });
  });

  it('are gone when the customisation is: the generic code names no service', () => {
    const { aws } = account();
    expect(aws('aws gadget polish').exitCode).toBe(252);
    expect(aws('aws gadgets create-gadget --id /gadget/g1').stdout).toContain('"Id": "/gadget/g1"');
  });
});
