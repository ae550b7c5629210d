import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVICES } from '../../src/runtime/index.js';
import type { GetObjectInput, S3Shapes } from '../../src/runtime/s3/shapes.generated.js';

const tool = resolve(__dirname, 'generate-shapes.mjs');
type Generate = (service: string, model: unknown) => string;
const { generate } = (await import(pathToFileURL(tool).href)) as { generate: Generate };

/** A small model with each case the generator handles. */
const model = {
  metadata: {},
  operations: {
    PutThing: { name: 'PutThing', input: { shape: 'PutThingRequest' }, output: { shape: 'PutThingResult' }, documentation: 'Puts a thing.' },
    Ping: { name: 'Ping' },
  },
  shapes: {
    PutThingRequest: {
      type: 'structure',
      required: ['Name'],
      members: {
        Name: { shape: 'ThingName', documentation: 'The thing\'s name.' },
        When: { shape: 'Stamp' },
        Body: { shape: 'Bytes' },
        Tags: { shape: 'TagList' },
        Attributes: { shape: 'AttributeMap' },
        Window: { shape: 'Window' },
      },
    },
    PutThingResult: { type: 'structure', required: ['Object'], members: { Object: { shape: 'Object' }, Count: { shape: 'Count' }, Window: { shape: 'Window' } } },
    ThingName: { type: 'string', min: 1, max: 64, enum: ['a', 'b'] },
    Stamp: { type: 'timestamp' },
    Bytes: { type: 'blob' },
    Count: { type: 'integer' },
    TagList: { type: 'list', member: { shape: 'Tag' } },
    Tag: { type: 'structure', members: { Key: { shape: 'ThingName' } } },
    AttributeMap: { type: 'map', key: { shape: 'ThingName' }, value: { shape: 'Count' } },
    Window: { type: 'structure', members: { Start: { shape: 'Stamp' } } },
    Object: { type: 'structure', members: { Key: { shape: 'ThingName' } } },
  },
};

describe('generate-shapes', () => {
  const text = generate('demo-service', model);

  it('writes an input and an output type per operation, and the table of them', () => {
    expect(text).toContain('export interface DemoServiceShapes {\n  PutThing: { input: PutThingInput; output: PutThingOutput };\n  Ping: { input: PingInput; output: PingOutput };\n}');
    expect(text).toContain('export type PingInput = Record<string, never>;');
    expect(text).toContain('export type PingOutput = Record<string, never>;');
  });

  it('keeps AWS\'s member names, requires required input members, and lets optional output members be null', () => {
    expect(text).toMatch(/export interface PutThingInput \{\n[\s\S]*?  Name: string;\n[\s\S]*?  When\?: Date \| number;\n[\s\S]*?  Body\?: Uint8Array \| string;\n[\s\S]*?  Tags\?: Tag\[\];\n[\s\S]*?  Attributes\?: Record<string, number>;\n[\s\S]*?  Window\?: WindowIn;\n\}/);
    expect(text).toMatch(/export interface PutThingOutput \{\n[\s\S]*?  Object: DemoServiceObject;\n[\s\S]*?  Count\?: number \| null;\n[\s\S]*?  Window\?: Window \| null;\n\}/);
  });

  it('documents each member with its botocore shape, type and limits', () => {
    expect(text).toContain("   * The thing's name.\n   * botocore: ThingName (string, one of a, b, min 1, max 64)\n   */\n  Name: string;");
  });

  it('gives a structure holding a timestamp a caller-side variant, and a built-in name the service prefix', () => {
    expect(text).toContain('export interface WindowIn {');
    expect(text).toContain('export interface Window {');
    expect(text).toContain('export interface DemoServiceObject {');
  });

  it('refuses a model whose nested shape would take an operation type\'s name', () => {
    const clash = structuredClone(model) as typeof model & { shapes: Record<string, unknown> };
    clash.shapes.PingInput = { type: 'structure', members: {} };
    (clash.shapes.PutThingRequest.members as Record<string, unknown>).Extra = { shape: 'PingInput' };
    expect(() => generate('demo', clash)).toThrow("demo: shape PingInput would be emitted as PingInput, which an operation's input already uses");
  });

  it.each(SERVICES.map((s) => [s.name] as const))('%s: the committed shapes.generated.ts is what its model.json generates', (name) => {
    expect(execFileSync(process.execPath, [tool, name, '--check'], { encoding: 'utf8' })).toBe(`${name}: shapes up to date\n`);
  });

  it('makes a misspelt member a type error', () => {
    // @ts-expect-error: 'Kye' is not a member of GetObjectInput
    const input: GetObjectInput = { Bucket: 'b', Kye: 'k' };
    const output: S3Shapes['GetObject']['output'] = { ContentLength: 3 };
    // @ts-expect-error: 'ContentLenght' is not a member of GetObjectOutput
    const typo: S3Shapes['GetObject']['output'] = { ContentLenght: 3 };
    expect([input.Bucket, output.ContentLength, typo]).toEqual(['b', 3, { ContentLenght: 3 }]);
  });
});
