import { describe, expect, it } from 'vitest';
import { runAwsLine } from '../../src/cli/index.js';
import { echoInputs, echoWorld } from './echo-service.js';
import { memoryFiles } from './support.js';

function call(line: string, files = memoryFiles({ 'config.json': '{"Mode": "slow", "Limits": {"Max": 9}}', 'body.bin': new Uint8Array([0, 1, 2]) })) {
  const world = echoWorld();
  const result = runAwsLine(line, { world, files, defaultRegion: 'us-east-1' });
  return { ...result, input: echoInputs(world)[0] };
}

const utf8 = (text: string) => new TextEncoder().encode(text);

// awscli/argprocess.py (unpack_cli_arg, ParamShorthandParser), awscli/arguments.py, and
// botocore's serialisation: the input the simulated service receives.
describe('parameter values', () => {
  it('turns every kind of argument into the typed input botocore would send', () => {
    const { exitCode, stderr, input } = call(
      'aws echo put-thing --name a --count 3 --size 5 --ratio 1.5 --enabled --when 2025-01-06T09:00:00Z --data aGVsbG8= ' +
        '--tags Key=a,Value=b Key=c --labels x y z --attributes a=1,b=2 --config Mode=fast,Limits={Max=3} --note hello',
    );
    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
    expect(input).toEqual({
      Name: 'a',
      Count: 3,
      Size: 5,
      Ratio: 1.5,
      Enabled: true,
      When: new Date('2025-01-06T09:00:00Z'),
      Data: utf8('hello'),
      Tags: [{ Key: 'a', Value: 'b' }, { Key: 'c' }],
      Labels: ['x', 'y', 'z'],
      Attributes: { a: '1', b: '2' },
      Config: { Mode: 'fast', Limits: { Max: 3 } },
      Note: { Value: 'hello' },
    });
  });

  it('takes JSON for structures, maps and lists, and file:// contents', () => {
    const { input } = call(`aws echo put-thing --name a --tags '[{"Key": "k", "Value": "v"}]' --labels '["p", "q"]' --attributes '{"x": "y"}' --config file://config.json`);
    expect(input).toEqual({ Name: 'a', Tags: [{ Key: 'k', Value: 'v' }], Labels: ['p', 'q'], Attributes: { x: 'y' }, Config: { Mode: 'slow', Limits: { Max: 9 } } });
  });

  it('sets a boolean false with its --no- twin, the last one given winning', () => {
    expect(call('aws echo put-thing --name a --no-enabled').input).toEqual({ Name: 'a', Enabled: false });
    expect(call('aws echo put-thing --name a --no-enabled --enabled').input).toEqual({ Name: 'a', Enabled: true });
  });

  it('accepts epoch seconds and other date forms for a timestamp', () => {
    expect(call('aws echo put-thing --name a --when 1736154000').input?.When).toEqual(new Date('2025-01-06T09:00:00Z'));
    expect(call("aws echo put-thing --name a --when 'Mon, 06 Jan 2025 09:00:00 GMT'").input?.When).toEqual(new Date('2025-01-06T09:00:00Z'));
    expect(call('aws echo put-thing --name a --when 2025-01-06').input?.When).toEqual(new Date('2025-01-06T00:00:00Z'));
  });

  it('reads a blob as base64 by default and as raw text with --cli-binary-format raw-in-base64-out', () => {
    expect(call('aws echo put-thing --name a --data hello --cli-binary-format raw-in-base64-out').input?.Data).toEqual(utf8('hello'));
    expect(call('aws echo put-thing --name a --data fileb://body.bin').input?.Data).toEqual(new Uint8Array([0, 1, 2]));
    expect(call('aws echo put-thing --name a --data "not base64!"')).toMatchObject({ exitCode: 255, stderr: '\nInvalid base64: "not base64!"\n' });
  });

  it('reads a streaming body from the path of one of the learner files', () => {
    expect(call('aws echo upload --key k --body body.bin').input).toEqual({ Key: 'k', Body: new Uint8Array([0, 1, 2]) });
    expect(call('aws echo upload --key k --body ./body.bin').input?.Body).toEqual(new Uint8Array([0, 1, 2]));
    expect(call('aws echo upload --key k --body missing.bin')).toMatchObject({ exitCode: 252, stderr: "\nError parsing parameter '--body': Blob values must be a path to a file.\n" });
  });
});

// awscli/argprocess.py, awscli/errorhandler.py and botocore/validate.py messages.
describe('parameter errors', () => {
  const cases: Array<[string, number, string]> = [
    ['aws echo put-thing --name a --count abc', 255, "\ninvalid literal for int() with base 10: 'abc'\n"],
    ['aws echo put-thing --name a --size 1.5', 252, "argument --size: invalid int value: '1.5'"],
    ['aws echo put-thing --name a --ratio x', 252, "argument --ratio: invalid float value: 'x'"],
    ['aws echo put-thing --name ""', 252, '\nParameter validation failed:\nInvalid length for parameter Name, value: 0, valid min length: 1\n'],
    ['aws echo put-thing --name a --count -1', 252, '\nParameter validation failed:\nInvalid value for parameter Count, value: -1, valid min value: 0\n'],
    ['aws echo put-thing --name a --tags Value=only', 252, '\nParameter validation failed:\nMissing required parameter in Tags[0]: "Key"\n'],
    [
      'aws echo put-thing --name a --config Mode=[a]',
      252,
      "\nParameter validation failed:\nInvalid type for parameter Config.Mode, value: ['a'], type: <class 'list'>, valid types: <class 'str'>\n",
    ],
    ['aws echo put-thing --name a --config Limits={Max=x}', 255, "\ninvalid literal for int() with base 10: 'x'\n"],
    [
      `aws echo put-thing --name a --config '{"Mode": 1.0, "Speed": 2}'`,
      252,
      '\nParameter validation failed:\nUnknown parameter in Config: "Speed", must be one of: Mode, Limits\nInvalid type for parameter Config.Mode, value: 1.0, type: <class \'float\'>, valid types: <class \'str\'>\n',
    ],
    [
      'aws echo put-thing --name a --when tomorrow',
      252,
      "\nParameter validation failed:\nInvalid type for parameter When, value: tomorrow, type: <class 'str'>, valid types: <class 'datetime.datetime'>, timestamp-string\n",
    ],
    ['aws echo put-thing --name a --config Mode', 252, "\nError parsing parameter '--config': Expected: '=', received: 'EOF' for input:\nMode\n    ^\n"],
    ['aws echo put-thing --name a --config [1]', 252, "\nError parsing parameter '--config': Invalid JSON:\n[1]\n"],
    ['aws echo put-thing --name a --config file://nope.json', 252, "\nError parsing parameter '--config': Unable to load paramfile file://nope.json: [Errno 2] No such file or directory: 'nope.json'\n"],
    ['aws echo put-thing --cli-input-json \'{"Name": 5}\'', 252, "\nParameter validation failed:\nInvalid type for parameter Name, value: 5, type: <class 'int'>, valid types: <class 'str'>\n"],
  ];
  for (const [line, exitCode, stderr] of cases) {
    it(`${line} → ${exitCode}`, () => {
      const result = call(line);
      expect(result.exitCode).toBe(exitCode);
      if (stderr.startsWith('argument ')) expect(result.stderr).toContain(`\naws: error: ${stderr}\n\n`);
      else expect(result.stderr).toBe(stderr);
      expect(result.input).toBeUndefined();
    });
  }

  it('fills what the command line leaves out from --cli-input-json, the command line winning', () => {
    expect(call(`aws echo put-thing --count 2 --cli-input-json '{"Name": "n", "Count": 7, "Labels": ["l"]}'`).input).toEqual({ Count: 2, Name: 'n', Labels: ['l'] });
  });

  it('reads --cli-input-yaml', () => {
    expect(call(`aws echo put-thing --cli-input-yaml 'Name: n⏎Ratio: 0.5⏎Tags:⏎- Key: k'`.replace(/⏎/g, '\n')).input).toEqual({ Name: 'n', Ratio: 0.5, Tags: [{ Key: 'k' }] });
  });
});
