import { World } from '../../src/runtime/world.js';
import { SERVICES } from '../../src/runtime/index.js';
import { defineService, type ServiceDefinition } from '../../src/runtime/service.js';
import type { ServiceModel } from '../../src/runtime/model.js';
import type { CliContext, CliFileSystem } from '../../src/cli/types.js';

/** The learner's files, in memory. */
export function memoryFiles(initial: Record<string, string | Uint8Array> = {}): CliFileSystem & { text(path: string): string | undefined } {
  const files = new Map<string, Uint8Array>();
  for (const [path, data] of Object.entries(initial)) files.set(path, typeof data === 'string' ? new TextEncoder().encode(data) : data);
  return {
    readFile: (path) => files.get(path),
    writeFile: (path, data) => void files.set(path, data),
    list: () => [...files.keys()].sort(),
    text: (path) => {
      const data = files.get(path);
      return data === undefined ? undefined : new TextDecoder().decode(data);
    },
  };
}

/** The files the usage-error goldens were captured next to (test/cli/fixtures/capture-usage.mjs). */
export const FIXTURE_FILES: Record<string, string | Uint8Array> = {
  'hello.txt': 'hello',
  'data.json': '{"Status": "Enabled"}',
  'bin.dat': new Uint8Array([0xff, 0xfe]),
  'dir/inside.txt': 'x',
};

interface PagerState {
  things: string[];
  calls: Array<Record<string, unknown>>;
}

const string = { type: 'string' } as const;

/**
 * A small paginated service, so pagination is tested against pages we control:
 * ListThings pages `Things` 3 at a time (MaxResults changes that) with a NextToken and a
 * non-aggregate `Owner`; ListPairs has two tokens like ListObjectVersions; ListStuck
 * never stops, as a buggy service would.
 */
export const PAGER_MODEL: ServiceModel = {
  metadata: { apiVersion: '2025-01-01', endpointPrefix: 'pager', protocol: 'json', serviceFullName: 'Fake Pager Service', serviceId: 'Pager' },
  operations: {
    ListThings: {
      name: 'ListThings',
      http: { method: 'POST', requestUri: '/' },
      input: { shape: 'ListThingsRequest' },
      output: { shape: 'ListThingsResponse' },
      errors: [],
      documentation: 'Lists the things.',
      paginator: { input_token: 'NextToken', output_token: 'NextToken', limit_key: 'MaxResults', result_key: 'Things', non_aggregate_keys: ['Owner'] },
    },
    ListPairs: {
      name: 'ListPairs',
      http: { method: 'POST', requestUri: '/' },
      input: { shape: 'ListPairsRequest' },
      output: { shape: 'ListPairsResponse' },
      errors: [],
      paginator: { input_token: ['KeyMarker', 'IdMarker'], output_token: ['NextKeyMarker', 'NextIdMarker'], more_results: 'IsTruncated', limit_key: 'MaxKeys', result_key: ['Pairs', 'Prefixes'] },
    },
    ListStuck: {
      name: 'ListStuck',
      http: { method: 'POST', requestUri: '/' },
      input: { shape: 'ListThingsRequest' },
      output: { shape: 'ListThingsResponse' },
      errors: [],
      paginator: { input_token: 'NextToken', output_token: 'NextToken', limit_key: 'MaxResults', result_key: 'Things' },
    },
  },
  shapes: {
    ListThingsRequest: { type: 'structure', members: { Prefix: { shape: 'String' }, MaxResults: { shape: 'Integer' }, NextToken: { shape: 'String' } } },
    ListThingsResponse: { type: 'structure', members: { Things: { shape: 'Names' }, NextToken: { shape: 'String' }, Owner: { shape: 'String' } } },
    ListPairsRequest: { type: 'structure', members: { KeyMarker: { shape: 'String' }, IdMarker: { shape: 'String' }, MaxKeys: { shape: 'Integer' } } },
    ListPairsResponse: {
      type: 'structure',
      members: {
        Pairs: { shape: 'Names' },
        Prefixes: { shape: 'Names' },
        IsTruncated: { shape: 'Boolean' },
        NextKeyMarker: { shape: 'String' },
        NextIdMarker: { shape: 'String' },
      },
    },
    Names: { type: 'list', member: { shape: 'String' } },
    String: string,
    Integer: { type: 'integer' },
    Boolean: { type: 'boolean' },
  },
};

function page(state: PagerState, input: Record<string, unknown>): { items: string[]; next?: number } {
  state.calls.push({ ...input });
  const matching = state.things.filter((t) => t.startsWith(typeof input.Prefix === 'string' ? input.Prefix : ''));
  const start = typeof input.NextToken === 'string' ? Number(input.NextToken) : typeof input.KeyMarker === 'string' ? Number(input.KeyMarker) : 0;
  const size = typeof input.MaxResults === 'number' ? input.MaxResults : typeof input.MaxKeys === 'number' ? input.MaxKeys : 3;
  const items = matching.slice(start, start + size);
  return start + size < matching.length ? { items, next: start + size } : { items };
}

export const pagerService: ServiceDefinition<unknown> = defineService<PagerState>({
  name: 'pager',
  model: PAGER_MODEL,
  createState: () => ({ things: Array.from({ length: 7 }, (_, i) => `thing-${String(i + 1).padStart(2, '0')}`), calls: [] }),
  operations: {
    ListThings: {
      readOnly: true,
      handler: (ctx, input) => {
        const { items, next } = page(ctx.state, input);
        return { Things: items, ...(next !== undefined ? { NextToken: String(next) } : {}), Owner: 'owner-1' };
      },
    },
    ListPairs: {
      readOnly: true,
      handler: (ctx, input) => {
        const { items, next } = page(ctx.state, input);
        return { Pairs: items, IsTruncated: next !== undefined, ...(next !== undefined ? { NextKeyMarker: String(next), NextIdMarker: `id-${next}` } : {}) };
      },
    },
    ListStuck: {
      readOnly: true,
      handler: (ctx, input) => {
        ctx.state.calls.push({ ...input });
        return { Things: ['same'], NextToken: 'again' };
      },
    },
  },
});

/** A world with every real service and the fake pager. */
export function testWorld(seed = 1): World {
  return new World({ seed, services: [...SERVICES, pagerService] });
}

export function testContext(world: World = testWorld(), files: CliFileSystem = memoryFiles(FIXTURE_FILES)): CliContext {
  return { world, files, defaultRegion: 'us-east-1' };
}

export function pagerCalls(world: World): Array<Record<string, unknown>> {
  return world.serviceState<PagerState>('pager').calls;
}
