import { defineService } from '../../src/runtime/service.js';
import { AwsError } from '../../src/runtime/errors.js';
import { ids } from '../../src/runtime/random.js';
import type { ServiceModel } from '../../src/runtime/model.js';

/** A tiny service for kernel tests: counters per region, a delayed increment, a fault reaction. */
interface CounterState {
  counters: Record<string, number>;
  log: string[];
}

const model: ServiceModel = {
  metadata: { apiVersion: '2025-01-01', endpointPrefix: 'counter', protocol: 'json', serviceFullName: 'Counter', serviceId: 'Counter' },
  operations: {},
  shapes: {},
};

export const counterService = defineService<CounterState>({
  name: 'counter',
  model,
  createState: () => ({ counters: {}, log: [] }),
  operations: {
    Increment: {
      readOnly: false,
      handler: (ctx, input: { Name: string; DelayMs?: number }) => {
        if (!input.Name) throw new AwsError('ValidationException', 'Name is required.', 400);
        if (input.DelayMs !== undefined) {
          ctx.schedule(input.DelayMs, 'increment', { region: ctx.region, name: input.Name });
          return { Scheduled: true };
        }
        const key = `${ctx.region}/${input.Name}`;
        ctx.state.counters[key] = (ctx.state.counters[key] ?? 0) + 1;
        return { Value: ctx.state.counters[key], Id: ids.resource(ctx.random, 'ctr') };
      },
    },
    Get: {
      readOnly: true,
      handler: (ctx, input: { Name: string }) => ({ Value: ctx.state.counters[`${ctx.region}/${input.Name}`] ?? 0, NowMs: ctx.nowMs }),
    },
  },
  tasks: {
    increment: (ctx, payload: { name: string }) => {
      const key = `${ctx.region}/${payload.name}`;
      ctx.state.counters[key] = (ctx.state.counters[key] ?? 0) + 1;
      ctx.state.log.push(`${ctx.nowMs}:${payload.name}`);
    },
  },
  onFault: (ctx, fault, phase) => {
    if (ctx.region === 'us-east-1') ctx.state.log.push(`${phase}:${fault.kind}:${fault.target}`);
  },
});
