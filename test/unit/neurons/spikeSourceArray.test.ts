/**
 * SpikeSourceArray: a spike at time t is emitted by the step that ends at round(t/dt) dt,
 * so its stamp (SpikeMonitor.steps) is round(t/dt) exactly.
 */
import { describe, expect, it } from 'vitest';
import { Network } from '../../../src/engine/network.js';
import { SpikeMonitor } from '../../../src/engine/monitors/spikeMonitor.js';
import { SpikeSourceArray } from '../../../src/neurons/spikeSourceArray.js';
import { paramError } from '../../fixtures/parameterError.js';

function record(spikeTimes: unknown, n: number, durationMs: number, dt = 0.1) {
  const net = new Network({ dt });
  const pop = net.population(SpikeSourceArray, n, { params: { spikeTimes: spikeTimes as never } });
  const m = net.add(new SpikeMonitor(pop));
  net.run(durationMs);
  return { net, pop, m };
}

describe('SpikeSourceArray', () => {
  it('SpikeSourceArray({ spikeTimes: [0.1, 0.5, 1.0, 12.3, 99.9] }) spikes exactly at stamps 1, 5, 10, 123, 999', () => {
    const { m } = record([0.1, 0.5, 1.0, 12.3, 99.9], 1, 100);
    expect(Array.from(m.steps)).toEqual([1, 5, 10, 123, 999]);
    expect(Array.from(m.indices)).toEqual([0, 0, 0, 0, 0]);
  });

  it('SpikeSourceArray with one list per neuron gives each neuron its own times', () => {
    const { m } = record([[1.0, 2.0], [], [0.2], [2.0, 3.5]], 4, 5);
    expect(Array.from(m.steps)).toEqual([2, 10, 20, 20, 35]);
    expect(Array.from(m.indices)).toEqual([2, 0, 0, 3, 3]);
    expect(Array.from(m.count)).toEqual([2, 0, 1, 2]);
  });

  it('SpikeSourceArray with a single list makes every neuron spike at those times, in index order within a step', () => {
    const { m } = record([0.3, 0.6], 3, 1);
    expect(Array.from(m.steps)).toEqual([3, 3, 3, 6, 6, 6]);
    expect(Array.from(m.indices)).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it('SpikeSourceArray sorts unsorted times and gives one spike for two times on the same grid point', () => {
    const { m } = record([[2.0, 0.5, 1.04, 0.96]], 1, 3);
    // 1.04 and 0.96 both round to stamp 10.
    expect(Array.from(m.steps)).toEqual([5, 10, 20]);
  });

  it('SpikeSourceArray rounds off-grid times to the nearest step (1.04 -> 1.0 ms, 1.06 -> 1.1 ms)', () => {
    const { m } = record([[1.04], [1.06]], 2, 2);
    expect(Array.from(m.steps)).toEqual([10, 11]);
    expect(Array.from(m.indices)).toEqual([0, 1]);
  });

  it('SpikeSourceArray times beyond the run wait for the next run (split runs give the same spikes)', () => {
    const whole = record([[0.5, 5.0, 9.9]], 1, 10).m;
    const net = new Network();
    const pop = net.population(SpikeSourceArray, 1, { params: { spikeTimes: [[0.5, 5.0, 9.9]] } });
    const m = net.add(new SpikeMonitor(pop));
    net.run(4.9);
    expect(Array.from(m.steps)).toEqual([5]);
    net.run(0.1);
    expect(Array.from(m.steps)).toEqual([5, 50]);
    net.run(5);
    expect(m.steps).toEqual(whole.steps);
  });

  it('population.setParameters({ spikeTimes }) after a run replaces the times without replaying the past', () => {
    const net = new Network();
    const pop = net.population(SpikeSourceArray, 1, { params: { spikeTimes: [1.0] } });
    const m = net.add(new SpikeMonitor(pop));
    net.run(2);
    pop.setParameters({ spikeTimes: [0.5, 1.5, 2.0, 2.1, 3.0] });
    net.run(2);
    // Stamp 20 was the last step of the first run; only later times fire.
    expect(Array.from(m.steps)).toEqual([10, 21, 30]);
  });

  it('SpikeSourceArray({ spikeTimes: [] }) never spikes', () => {
    expect(record([], 3, 5).m.numSpikes).toBe(0);
  });

  it('SpikeSourceArray times that fall on grid point 0 (t < dt/2) throw a ParameterError naming spikeTimes', () => {
    const net = new Network({ dt: 0.1 });
    expect(paramError(() => net.population(SpikeSourceArray, 1, { params: { spikeTimes: [0] } })).parameter).toBe('spikeTimes');
    expect(paramError(() => net.population(SpikeSourceArray, 1, { params: { spikeTimes: [1.0, 0.04] } })).parameter).toBe('spikeTimes');
    expect(paramError(() => net.population(SpikeSourceArray, 2, { params: { spikeTimes: [[1.0], [0.01]] } })).parameter).toBe('spikeTimes');
    expect(net.populations.length).toBe(0);
  });

  it('SpikeSourceArray negative or non-finite times throw naming the element', () => {
    const net = new Network();
    expect(paramError(() => net.population(SpikeSourceArray, 1, { params: { spikeTimes: [1, -1] } })).parameter).toBe('spikeTimes[1]');
    expect(paramError(() => net.population(SpikeSourceArray, 2, { params: { spikeTimes: [[1], [2, NaN]] } })).parameter).toBe('spikeTimes[1][1]');
    expect(paramError(() => net.population(SpikeSourceArray, 1, { params: { spikeTimes: [Infinity] } })).parameter).toBe('spikeTimes[0]');
  });

  it('SpikeSourceArray with 3 lists for 4 neurons throws naming spikeTimes', () => {
    const net = new Network();
    expect(paramError(() => net.population(SpikeSourceArray, 4, { params: { spikeTimes: [[1], [2], [3]] } })).parameter).toBe('spikeTimes');
    expect(paramError(() => net.population(SpikeSourceArray, 1, { params: { spikeTimes: 5 as never } })).parameter).toBe('spikeTimes');
  });
});
