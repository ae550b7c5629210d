import { describe, expect, it } from 'vitest';
import { World, DEFAULT_START_MS } from '../../src/runtime/world.js';
import { AwsError } from '../../src/runtime/errors.js';
import { FaultError } from '../../src/runtime/faults/fault.js';
import { counterService, globalCounterService } from './kernel-fixture.js';

interface CounterState {
  counters: Record<string, number>;
  log: string[];
}
const world = (seed = 1) => new World({ services: [counterService, globalCounterService], seed });
const state = (w: World, region?: string) => w.serviceState<CounterState>('counter', region);

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

  it('gives a regional service one state per region, without the handler partitioning it', () => {
    const w = world();
    w.call('counter', 'Increment', { Name: 'a' }, { region: 'us-east-1' });
    w.call('counter', 'Increment', { Name: 'a' }, { region: 'eu-west-1' });
    w.call('counter', 'Increment', { Name: 'a' }, { region: 'eu-west-1' });
    expect(w.call('counter', 'Get', { Name: 'a' }, { region: 'us-east-1' }).Value).toBe(1);
    expect(w.call('counter', 'Get', { Name: 'a' }, { region: 'eu-west-1' }).Value).toBe(2);
    expect(w.call('counter', 'Get', { Name: 'a' }, { region: 'us-west-2' }).Value).toBe(0);
    expect(state(w, 'eu-west-1').counters).toEqual({ a: 2 });
    expect(state(w).counters).toEqual({ a: 1 });
    expect(state(w, 'us-west-2').counters).toEqual({});
  });

  it('gives a global service one state, whichever region a call is sent to', () => {
    const w = world();
    w.call('global-counter', 'Increment', { Name: 'a' }, { region: 'us-east-1' });
    w.call('global-counter', 'Increment', { Name: 'a' }, { region: 'eu-west-1' });
    expect(w.call('global-counter', 'Get', { Name: 'a' }, { region: 'ap-southeast-1' }).Value).toBe(2);
    expect(w.serviceState<CounterState>('global-counter').counters).toEqual({ a: 2 });
  });

  it('refuses serviceState for an unknown service, an unknown region, or a region of a global service', () => {
    const w = world();
    expect(() => w.serviceState('nope')).toThrow('no service nope; services: counter, global-counter');
    expect(() => state(w, 'mars-north-1')).toThrow(/no region mars-north-1; regions: us-east-1, us-east-2/);
    expect(() => w.serviceState('global-counter', 'eu-west-1')).toThrow('global-counter is a global service: its state has no region (asked for eu-west-1)');
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
    expect(state(w).log).toEqual([`${t + 1000}:us-east-1:early`, `${t + 1000}:us-east-1:tie`, `${t + 5000}:us-east-1:late`]);
    expect(w.nowMs).toBe(t + 10_999);
    expect(w.pendingTasks).toBe(0);
  });

  it('runs a scheduled task in the region that scheduled it, on that region\'s state', () => {
    const w = world();
    w.call('counter', 'Increment', { Name: 'a', DelayMs: 1000 }, { region: 'eu-central-1' });
    w.advance(1000);
    expect(state(w, 'eu-central-1')).toEqual({ counters: { a: 1 }, log: [`${DEFAULT_START_MS + 1000}:eu-central-1:a`] });
    expect(state(w)).toEqual({ counters: {}, log: [] });
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

  it('restores every region\'s state and the global state from a snapshot', () => {
    const w = world();
    w.call('counter', 'Increment', { Name: 'a' }, { region: 'eu-west-1' });
    w.call('global-counter', 'Increment', { Name: 'g' });
    const snap = w.snapshot();
    w.call('counter', 'Increment', { Name: 'a' }, { region: 'eu-west-1' });
    w.call('counter', 'Increment', { Name: 'b' }, { region: 'us-west-2' });
    w.call('global-counter', 'Increment', { Name: 'g' });
    w.restore(snap);
    expect(state(w, 'eu-west-1').counters).toEqual({ a: 1 });
    expect(state(w, 'us-west-2').counters).toEqual({});
    expect(w.serviceState<CounterState>('global-counter').counters).toEqual({ g: 1 });
    // Contexts made before the restore see the restored state, not the old objects.
    expect(w.call('counter', 'Get', { Name: 'a' }, { region: 'eu-west-1' }).Value).toBe(1);
  });

  it('gives byte-identical results and snapshots for the same seed and calls across regions', () => {
    const script = (w: World) => {
      const outputs: unknown[] = [];
      for (const region of ['us-east-1', 'eu-west-1', 'ap-southeast-1', 'eu-west-1']) {
        outputs.push(w.call('counter', 'Increment', { Name: 'a' }, { region }));
        outputs.push(w.call('global-counter', 'Increment', { Name: 'a' }, { region }));
        outputs.push(w.call('counter', 'Increment', { Name: 'a', DelayMs: 500 }, { region }));
      }
      w.advance(1000);
      w.injectFault('zone-outage', 'eu-west-1b');
      return JSON.stringify({ outputs, snapshot: w.snapshot() });
    };
    expect(script(world(3))).toBe(script(world(3)));
    expect(script(world(3))).not.toBe(script(world(4)));
  });

  it('a snapshot is not changed by later calls', () => {
    const w = world();
    const snap = w.snapshot();
    w.call('counter', 'Increment', { Name: 'a' });
    w.restore(snap);
    expect(w.call('counter', 'Get', { Name: 'a' }).Value).toBe(0);
    expect(w.activity).toHaveLength(1);
  });
});

describe('World faults', () => {
  const logs = (w: World) => Object.fromEntries(w.regions.map((r) => [r.name, state(w, r.name).log]).filter(([, log]) => log!.length));

  it('tells a regional service of a zone outage only in that zone\'s region, and answers zone health', () => {
    const w = world();
    w.injectFault('zone-outage', 'us-east-1b');
    expect(w.isZoneDown('us-east-1b')).toBe(true);
    expect(w.isZoneDown('us-east-1a')).toBe(false);
    expect(w.recoverFault('zone-outage', 'us-east-1b')).toBe(true);
    expect(w.recoverFault('zone-outage', 'us-east-1b')).toBe(false);
    expect(logs(w)).toEqual({ 'us-east-1': ['start:zone-outage:us-east-1b@us-east-1', 'end:zone-outage:us-east-1b@us-east-1'] });
    expect(w.serviceState<CounterState>('global-counter').log).toEqual(['start:zone-outage:us-east-1b@us-east-1', 'end:zone-outage:us-east-1b@us-east-1']);
  });

  it('takes down every zone of a region in a region outage', () => {
    const w = world();
    w.injectFault('region-outage', 'eu-west-1');
    expect(w.isZoneDown('eu-west-1c')).toBe(true);
    expect(w.isRegionDown('eu-west-1')).toBe(true);
    expect(w.isRegionDown('us-east-1')).toBe(false);
    expect(logs(w)).toEqual({ 'eu-west-1': ['start:region-outage:eu-west-1@eu-west-1'] });
  });

  it('fails a resource only where a reacting service holds it', () => {
    const w = world();
    w.call('counter', 'Increment', { Name: 'i-0aaa' }, { region: 'us-west-2' });
    w.injectFault('instance-failure', 'i-0aaa');
    expect(logs(w)).toEqual({ 'us-west-2': ['start:instance-failure:i-0aaa@us-west-2'] });
  });

  it.each([
    ['zone-outage', 'us-east-1z', "zone-outage: no Availability Zone 'us-east-1z'; zones in us-east-1: us-east-1a, us-east-1b, us-east-1c"],
    ['zone-outage', 'mars-1a', "zone-outage: no Availability Zone 'mars-1a'; zones: us-east-1a, us-east-1b, us-east-1c, us-east-2a, us-east-2b, us-east-2c, us-west-2a, us-west-2b, us-west-2c, eu-west-1a and 8 more"],
    ['region-outage', 'us-east-9', "region-outage: no region 'us-east-9'; regions: us-east-1, us-east-2, us-west-2, eu-west-1, eu-central-1, ap-southeast-1"],
    ['instance-failure', 'i-doesnotexist', "instance-failure: no instance 'i-doesnotexist' in this account; instances: i-0aaa, i-0bbb"],
    ['meteor', 'us-east-1', "no fault kind 'meteor'; kinds: zone-outage, region-outage, instance-failure"],
  ])('refuses %s %s with a FaultError naming what would be valid, changing nothing', (kind, target, message) => {
    const w = world();
    w.call('counter', 'Increment', { Name: 'i-0aaa' });
    w.call('counter', 'Increment', { Name: 'i-0bbb' }, { region: 'eu-west-1' });
    const before = [w.changeCount, JSON.stringify(w.snapshot())];
    const inject = () => w.injectFault(kind, target);
    expect(inject).toThrow(FaultError);
    expect(inject).toThrow(message);
    expect([w.changeCount, JSON.stringify(w.snapshot())]).toEqual(before);
  });

  it('says there are none when no reacting service holds any resource', () => {
    expect(() => world().injectFault('instance-failure', 'i-0aaa')).toThrow("instance-failure: no instance 'i-0aaa' in this account; there are no instances");
  });

  it('refuses a kind no service reacts to, naming the services and the kinds that do work', () => {
    const w = new World({ services: [{ ...counterService, faults: { 'region-outage': counterService.faults!['region-outage']! } }] });
    expect(() => w.injectFault('instance-failure', 'i-0aaa')).toThrow(
      'instance-failure: no simulated service reacts to it yet (services: counter), so injecting it would change nothing; kinds that do: region-outage',
    );
    expect(() => w.recoverFault('zone-outage', 'us-east-1a')).toThrow(/^zone-outage: no simulated service reacts to it yet/);
    expect(() => new World({ services: [{ ...counterService, faults: {} }] }).injectFault('zone-outage', 'us-east-1a')).toThrow(/no fault kind has a reacting service yet$/);
  });

  it('ends a resource fault in every region when the resource is gone by then', () => {
    const w = world();
    w.call('counter', 'Increment', { Name: 'i-0aaa' }, { region: 'us-west-2' });
    w.injectFault('instance-failure', 'i-0aaa');
    delete state(w, 'us-west-2').counters['i-0aaa'];
    expect(w.recoverFault('instance-failure', 'i-0aaa')).toBe(true);
    expect(logs(w)['us-east-1']).toEqual(['end:instance-failure:i-0aaa@us-east-1']);
  });

  it('refuses a service that reacts to a fault kind missing from the registry', () => {
    expect(() => new World({ services: [{ ...counterService, faults: { meteor: { react: () => undefined } } }] })).toThrow(
      'counter reacts to fault kind meteor, which is not in faults/kinds.ts',
    );
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
