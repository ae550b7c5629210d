import { AwsError } from '../../src/runtime/errors.js';
import { defineService, type ServiceDefinition } from '../../src/runtime/service.js';
import type { ServiceModel } from '../../src/runtime/model.js';

/**
 * A small service whose gadgets become ready (or broken) some virtual seconds after they are
 * made, with waiters that use every matcher, so `aws <service> wait` is tested on acceptors
 * S3's four waiters never reach (path, pathAll, pathAny, error; success, failure, retry).
 */
const string = { type: 'string' } as const;

export const GADGET_MODEL: ServiceModel = {
  metadata: { apiVersion: '2025-01-01', endpointPrefix: 'gadgets', protocol: 'json', serviceFullName: 'Fake Gadget Service', serviceId: 'Gadgets' },
  operations: {
    CreateGadget: { name: 'CreateGadget', http: { method: 'POST', requestUri: '/' }, input: { shape: 'CreateGadgetRequest' }, output: { shape: 'Gadget' }, errors: [] },
    DescribeGadgets: { name: 'DescribeGadgets', http: { method: 'POST', requestUri: '/' }, input: { shape: 'DescribeGadgetsRequest' }, output: { shape: 'DescribeGadgetsResult' }, errors: [] },
  },
  shapes: {
    CreateGadgetRequest: { type: 'structure', required: ['Id'], members: { Id: { shape: 'String' }, Outcome: { shape: 'String' }, ReadyAfter: { shape: 'Integer' }, MinCount: { shape: 'Integer' }, MaxCount: { shape: 'Integer' } } },
    DescribeGadgetsRequest: { type: 'structure', members: { Ids: { shape: 'Ids' } } },
    DescribeGadgetsResult: { type: 'structure', members: { Gadgets: { shape: 'Gadgets' } } },
    Gadgets: { type: 'list', member: { shape: 'Gadget' } },
    Gadget: { type: 'structure', members: { Id: { shape: 'String' }, Status: { shape: 'String' }, Count: { shape: 'String' } } },
    Ids: { type: 'list', member: { shape: 'String' } },
    String: string,
    Integer: { type: 'integer' },
  },
  waiters: {
    GadgetReady: {
      operation: 'DescribeGadgets',
      delay: 5,
      maxAttempts: 4,
      acceptors: [
        { state: 'success', matcher: 'pathAll', argument: 'Gadgets[].Status', expected: 'ready' },
        { state: 'failure', matcher: 'pathAny', argument: 'Gadgets[].Status', expected: 'broken' },
        { state: 'retry', matcher: 'error', expected: 'GadgetNotFound' },
      ],
    },
    GadgetGone: {
      operation: 'DescribeGadgets',
      delay: 2,
      maxAttempts: 3,
      description: 'Wait until the gadgets are gone.',
      acceptors: [
        { state: 'success', matcher: 'error', expected: 'GadgetNotFound' },
        { state: 'success', matcher: 'path', argument: 'length(Gadgets)', expected: 0 },
      ],
    },
  },
};

interface GadgetState {
  gadgets: Array<{ Id: string; Status: string; Count?: string }>;
  deniedAfterMs?: number;
}

export const gadgetService: ServiceDefinition<unknown> = defineService<GadgetState>({
  name: 'gadgets',
  model: GADGET_MODEL,
  createState: () => ({ gadgets: [] }),
  operations: {
    CreateGadget: {
      readOnly: false,
      handler: (ctx, input: { Id: string; Outcome?: string; ReadyAfter?: number; MinCount?: number; MaxCount?: number }) => {
        const gadget = { Id: input.Id, Status: 'pending', ...(input.MinCount !== undefined ? { Count: `${input.MinCount}-${input.MaxCount}` } : {}) };
        ctx.state.gadgets.push(gadget);
        ctx.schedule((input.ReadyAfter ?? 12) * 1000, 'settle', { id: input.Id, outcome: input.Outcome ?? 'ready' });
        return { ...gadget };
      },
    },
    DescribeGadgets: {
      readOnly: true,
      handler: (ctx, input: { Ids?: string[] }) => {
        const ids = input.Ids ?? [];
        if (ids.includes('denied')) throw new AwsError('AccessDenied', 'You may not look at that gadget.', 403);
        const found = ctx.state.gadgets.filter((g) => ids.length === 0 || ids.includes(g.Id));
        const missing = ids.find((id) => !found.some((g) => g.Id === id));
        if (missing !== undefined) throw new AwsError('GadgetNotFound', `Gadget ${missing} does not exist.`, 400);
        return { Gadgets: found.map((g) => ({ ...g })) };
      },
    },
  },
  tasks: {
    settle: (ctx, payload: { id: string; outcome: string }) => {
      const gadget = ctx.state.gadgets.find((g) => g.Id === payload.id);
      if (!gadget) return;
      if (payload.outcome === 'gone') ctx.state.gadgets.splice(ctx.state.gadgets.indexOf(gadget), 1);
      else gadget.Status = payload.outcome;
    },
  },
});
