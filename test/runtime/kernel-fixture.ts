import { defineService, type ServiceDefinition } from '../../src/runtime/service.js';
import { AwsError } from '../../src/runtime/errors.js';
import { ids } from '../../src/runtime/random.js';
import type { ServiceModel } from '../../src/runtime/model.js';

/**
 * A tiny regional service for kernel tests: counters (the world keeps a set per region), a
 * delayed increment, a fault reaction. `globalCounterService` is the same service made global.
 */
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
          ctx.schedule(input.DelayMs, 'increment', { name: input.Name });
          return { Scheduled: true };
        }
        ctx.state.counters[input.Name] = (ctx.state.counters[input.Name] ?? 0) + 1;
        return { Value: ctx.state.counters[input.Name], Id: ids.resource(ctx.random, 'ctr') };
      },
    },
    Get: {
      readOnly: true,
      handler: (ctx, input: { Name: string }) => ({ Value: ctx.state.counters[input.Name] ?? 0, NowMs: ctx.nowMs }),
    },
  },
  tasks: {
    increment: (ctx, payload: { name: string }) => {
      ctx.state.counters[payload.name] = (ctx.state.counters[payload.name] ?? 0) + 1;
      ctx.state.log.push(`${ctx.nowMs}:${ctx.region}:${payload.name}`);
    },
  },
  faults: {
    'zone-outage': { react: (ctx, fault, phase) => ctx.state.log.push(`${phase}:${fault.kind}:${fault.target}@${ctx.region}`) },
    'region-outage': { react: (ctx, fault, phase) => ctx.state.log.push(`${phase}:${fault.kind}:${fault.target}@${ctx.region}`) },
    // The counters stand in for instances: a counter's name is a target.
    'instance-failure': {
      targets: (state) => Object.keys(state.counters),
      react: (ctx, fault, phase) => ctx.state.log.push(`${phase}:${fault.kind}:${fault.target}@${ctx.region}`),
    },
  },
});

export const globalCounterService = defineService<CounterState>({ ...(counterService as ServiceDefinition<CounterState>), name: 'global-counter', global: true });
