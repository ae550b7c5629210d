import { World } from '../../src/runtime/world.js';
import { defineService } from '../../src/runtime/service.js';
import type { ServiceModel } from '../../src/runtime/model.js';

/**
 * A service that records the input it is called with, to test what the CLI makes of
 * each kind of parameter: scalars, lists, maps, nested structures, timestamps and blobs.
 */
export const ECHO_MODEL: ServiceModel = {
  metadata: { apiVersion: '2025-01-01', endpointPrefix: 'echo', protocol: 'json', serviceFullName: 'Fake Echo Service', serviceId: 'Echo' },
  operations: {
    PutThing: { name: 'PutThing', http: { method: 'POST', requestUri: '/' }, input: { shape: 'PutThingRequest' }, output: { shape: 'Empty' }, errors: [], documentation: 'Stores a thing.' },
    Upload: { name: 'Upload', http: { method: 'PUT', requestUri: '/{Key}' }, input: { shape: 'UploadRequest' }, output: { shape: 'Empty' }, errors: [] },
  },
  shapes: {
    PutThingRequest: {
      type: 'structure',
      required: ['Name'],
      members: {
        Name: { shape: 'Name', documentation: 'The name of the thing.' },
        Count: { shape: 'Integer' },
        Size: { shape: 'Long' },
        Ratio: { shape: 'Double' },
        Enabled: { shape: 'Boolean' },
        When: { shape: 'Timestamp' },
        Data: { shape: 'Blob' },
        Tags: { shape: 'Tags' },
        Labels: { shape: 'Labels' },
        Attributes: { shape: 'Attributes' },
        Config: { shape: 'Config' },
        Note: { shape: 'Note' },
      },
    },
    UploadRequest: { type: 'structure', required: ['Key'], members: { Body: { shape: 'Blob', streaming: true }, Key: { shape: 'Name', location: 'uri', locationName: 'Key' } }, payload: 'Body' },
    Empty: { type: 'structure', members: {} },
    Name: { type: 'string', min: 1 },
    Integer: { type: 'integer', min: 0 },
    Long: { type: 'long' },
    Double: { type: 'double' },
    Boolean: { type: 'boolean' },
    Timestamp: { type: 'timestamp' },
    Blob: { type: 'blob' },
    Tags: { type: 'list', member: { shape: 'Tag' } },
    Tag: { type: 'structure', required: ['Key'], members: { Key: { shape: 'Name' }, Value: { shape: 'Value' } } },
    Value: { type: 'string' },
    Labels: { type: 'list', member: { shape: 'Value' } },
    Attributes: { type: 'map', key: { shape: 'Value' }, value: { shape: 'Value' } },
    Config: { type: 'structure', members: { Mode: { shape: 'Mode' }, Limits: { shape: 'Limits' } } },
    Mode: { type: 'string', enum: ['fast', 'slow'] },
    Limits: { type: 'structure', members: { Max: { shape: 'Integer' } } },
    Note: { type: 'structure', members: { Value: { shape: 'Value' } } },
  },
};

interface EchoState {
  inputs: Array<Record<string, unknown>>;
}

export const echoService = defineService<EchoState>({
  name: 'echo',
  model: ECHO_MODEL,
  createState: () => ({ inputs: [] }),
  operations: {
    PutThing: { readOnly: false, handler: (ctx, input) => (ctx.state.inputs.push(input), {}) },
    Upload: { readOnly: false, handler: (ctx, input) => (ctx.state.inputs.push(input), {}) },
  },
});

export function echoWorld(): World {
  return new World({ services: [echoService] });
}

export function echoInputs(world: World): Array<Record<string, unknown>> {
  return world.serviceState<EchoState>('echo').inputs;
}
