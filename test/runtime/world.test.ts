import { describe, expect, it } from 'vitest';
import { World, DEFAULT_START_MS } from '../../src/runtime/world.js';
import { AwsError } from '../../src/runtime/errors.js';
import { counterService } from './kernel-fixture.js';

const world = (seed = 1) => new World({ services: [counterService], seed });
const state = (w: World) => w.serviceState<{ counters: Record<string, number>; log: string[] }>('counter');

describe('World', () => {
  it('gives the same IDs for the same seed and different IDs for another seed', () => {
    const run = (seed: number) => {
      const w = world(seed);
      return [1, 2, 3].map(() => w.call('counter', 'Increment', { Name: 'a' }).Id);
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
    expect(run(7)[0]).toMatch(/^ctr-0[0-9a-f]{16}$/);
  });

  it('keeps per-region state apart', () => {
    const w = world();
    w.call('counter', 'Increment', { Name: 'a' }, { region: 'us-east-1' });
    w.call('counter', 'Increment', { Name: 'a' }, { region: 'eu-west-1' });
    w.call('counter', 'Increment', { Name: 'a' }, { region: 'eu-west-1' });
    expect(w.call('counter', 'Get', { Name: 'a' }, { region: 'us-east-1' }).Value).toBe(1);
    expect(w.call('counter', 'Get', { Name: 'a' }, { region: 'eu-west-1' }).Value).toBe(2);
  });

  it('starts the virtual clock at a fixed time and moves it only when told', () => {
    const w = world();
    expect(w.nowMs).toBe(DEFAULT_START_MS);
    expect(w.call('counter', 'Get', { Name: 'a' }).NowMs).toBe(DEFAULT_START_MS);
    w.advance(90_000);
    expect(w.nowMs).toBe(DEFAULT_START_MS + 90_000);
  });

  it('refuses to move the clock backwards', () => {
    expect(() => world().advance(-1)).toThrow(/only moves forward/);
  });

  it('runs scheduled tasks in time order, at their own time, when the clock passes them', () => {
    const w = world();
    w.call('counter', 'Increment', { Name: 'late', DelayMs: 5000 });
    w.call('counter', 'Increment', { Name: 'early', DelayMs: 1000 });
    w.call('counter', 'Increment', { Name: 'tie', DelayMs: 1000 });
    w.advance(999);
    expect(state(w).log).toEqual([]);
    w.advance(10_000);
    const t = DEFAULT_START_MS;
    expect(state(w).log).toEqual([`${t + 1000}:early`, `${t + 1000}:tie`, `${t + 5000}:late`]);
    expect(w.nowMs).toBe(t + 10_999);
    expect(w.pendingTasks).toBe(0);
  });

  it('logs every call with its time, region, caller, outcome and read-only flag', () => {
    const w = world();
    w.call('counter', 'Increment', { Name: 'a' }, { region: 'eu-west-1', caller: 'setup' });
    w.advance(1000);
    expect(() => w.call('counter', 'Increment', { Name: '' })).toThrow(AwsError);
    w.call('counter', 'Get', { Name: 'a' });
    expect(w.activity.map((r) => [r.seq, r.timeMs - DEFAULT_START_MS, r.operation, r.region, r.caller, r.readOnly, r.errorCode])).toEqual([
      [1, 0, 'Increment', 'eu-west-1', 'setup', false, undefined],
      [2, 1000, 'Increment', 'us-east-1', 'user', false, 'ValidationException'],
      [3, 1000, 'Get', 'us-east-1', 'user', true, undefined],
    ]);
  });

  it('records binary parameters in the activity log by size only', () => {
    const w = world();
    w.call('counter', 'Get', { Name: 'a', Body: new Uint8Array(5) });
    expect(w.activity[0]!.input).toEqual({ Name: 'a', Body: { bytes: 5 } });
  });

  it('answers an unknown region with an AwsError naming the simulated regions', () => {
    const w = world();
    const call = () => w.call('counter', 'Get', { Name: 'a' }, { region: 'mars-north-1' });
    expect(call).toThrow(AwsError);
    expect(call).toThrow(/'mars-north-1' is not one of the simulated regions: us-east-1, us-east-2/);
  });

  it('restores a snapshot exactly, including the clock, pending tasks and the ID sequence', () => {
    const w = world();
    w.call('counter', 'Increment', { Name: 'a' });
    w.call('counter', 'Increment', { Name: 'a', DelayMs: 60_000 });
    const snap = w.snapshot();
    const after = () => [w.call('counter', 'Increment', { Name: 'a' }).Id, (w.advance(120_000), w.call('counter', 'Get', { Name: 'a' }).Value), w.nowMs];
    const first = after();
    w.restore(snap);
    expect(after()).toEqual(first);
    expect(first[1]).toBe(3);
  });

  it('a snapshot is not changed by later calls', () => {
    const w = world();
    const snap = w.snapshot();
    w.call('counter', 'Increment', { Name: 'a' });
    w.restore(snap);
    expect(w.call('counter', 'Get', { Name: 'a' }).Value).toBe(0);
    expect(w.activity).toHaveLength(1);
  });

  it('tells services when a fault starts and ends, and answers zone and region health', () => {
    const w = world();
    w.injectFault('zone-outage', 'us-east-1b');
    expect(w.isZoneDown('us-east-1b')).toBe(true);
    expect(w.isZoneDown('us-east-1a')).toBe(false);
    w.injectFault('region-outage', 'eu-west-1');
    expect(w.isZoneDown('eu-west-1c')).toBe(true);
    expect(w.isRegionDown('eu-west-1')).toBe(true);
    expect(w.recoverFault('zone-outage', 'us-east-1b')).toBe(true);
    expect(w.recoverFault('zone-outage', 'us-east-1b')).toBe(false);
    expect(state(w).log).toEqual(['start:zone-outage:us-east-1b', 'start:region-outage:eu-west-1', 'end:zone-outage:us-east-1b']);
  });
});

describe('World.unrecorded', () => {
  it('leaves calls made inside it out of the activity log, and restores recording after', () => {
    const w = world();
    w.unrecorded(() => w.call('counter', 'Get', { Name: 'a' }));
    expect(() => w.unrecorded(() => w.call('counter', 'Increment', { Name: '' }))).toThrow(AwsError);
    w.call('counter', 'Get', { Name: 'b' });
    expect(w.activity.map((r) => r.input.Name)).toEqual(['b']);
  });
});

describe('World.changeCount', () => {
  it('grows on writes, time, faults and restores, and not on reads or failed calls', () => {
    const w = world();
    const seen = [w.changeCount];
    w.call('counter', 'Get', { Name: 'a' });
    seen.push(w.changeCount);
    expect(() => w.call('counter', 'Increment', { Name: '' })).toThrow(AwsError);
    seen.push(w.changeCount);
    w.call('counter', 'Increment', { Name: 'a' });
    seen.push(w.changeCount);
    w.advance(0);
    seen.push(w.changeCount);
    w.advance(1);
    seen.push(w.changeCount);
    w.injectFault('zone-outage', 'us-east-1a');
    seen.push(w.changeCount);
    expect(seen).toEqual([0, 0, 0, 1, 1, 2, 3]);
  });
});
