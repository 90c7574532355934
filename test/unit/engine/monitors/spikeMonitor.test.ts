/**
 * SpikeMonitor on a SpikeSourceArray, whose spikes are known exactly: neuron 0 at 0.5 and
 * 1.0 ms, neuron 2 at 0.3, 1.0 and 2.0 ms, neuron 3 at 0.1 ms; with dt 0.1 ms the stamps
 * are 5, 10 / 3, 10, 20 / 1. Recorded in time order, by index within a step.
 */
import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../../src/core/errors.js';
import { Network } from '../../../../src/engine/network.js';
import { SpikeMonitor } from '../../../../src/engine/monitors/spikeMonitor.js';
import { SpikeSourceArray } from '../../../../src/neurons/spikeSourceArray.js';

const TIMES = [[0.5, 1.0], [], [0.3, 1.0, 2.0], [0.1]];

function setup(dt = 0.1) {
  const net = new Network({ dt });
  const src = net.population(SpikeSourceArray, 4, { params: { spikeTimes: TIMES } });
  return { net, src };
}

describe('new SpikeMonitor(population, options)', () => {
  it('spikeMonitor.indices, .steps and .times list every spike in time order', () => {
    const { net, src } = setup();
    const m = net.add(new SpikeMonitor(src));
    net.run(10);
    expect(Array.from(m.steps)).toEqual([1, 3, 5, 10, 10, 20]);
    expect(Array.from(m.indices)).toEqual([3, 2, 0, 0, 2, 2]);
    expect(Array.from(m.times)).toEqual([1, 3, 5, 10, 10, 20].map((k) => k * 0.1));
    expect(m.times).toBeInstanceOf(Float64Array);
    expect(m.numSpikes).toBe(6);
  });

  it('spikeMonitor.count holds the spikes per neuron', () => {
    const { net, src } = setup();
    const m = net.add(new SpikeMonitor(src));
    net.run(10);
    expect(Array.from(m.count)).toEqual([2, 0, 3, 1]);
  });

  it('new SpikeMonitor(pop, { indices: [0, 2] }) records only those neurons, counts elsewhere stay 0', () => {
    const { net, src } = setup();
    const m = net.add(new SpikeMonitor(src, { indices: [2, 0] }));
    net.run(10);
    expect(Array.from(m.indices)).toEqual([2, 0, 0, 2, 2]);
    expect(Array.from(m.steps)).toEqual([3, 5, 10, 10, 20]);
    expect(Array.from(m.count)).toEqual([2, 0, 3, 0]);
    expect(m.numSpikes).toBe(5);
  });

  it('new SpikeMonitor(pop, { record: false }) keeps counts only', () => {
    const { net, src } = setup();
    const m = net.add(new SpikeMonitor(src, { record: false }));
    net.run(10);
    expect(m.indices.length).toBe(0);
    expect(m.times.length).toBe(0);
    expect(Array.from(m.count)).toEqual([2, 0, 3, 1]);
    expect(m.numSpikes).toBe(6);
    expect(m.meanRate()).toBe(150);
  });

  it('spikeMonitor.spikeTrains() gives each neuron its spike times, ms', () => {
    const { net, src } = setup();
    const m = net.add(new SpikeMonitor(src));
    net.run(10);
    const trains = m.spikeTrains();
    expect(trains.length).toBe(4);
    expect(Array.from(trains[0])).toEqual([0.5, 1.0]);
    expect(Array.from(trains[1])).toEqual([]);
    expect(Array.from(trains[2])).toEqual([3 * 0.1, 1.0, 2.0]);
    expect(Array.from(trains[3])).toEqual([0.1]);
  });

  it('spikeMonitor.meanRate() is spikes / recorded neurons / recording time (6 / 4 / 10 ms = 150 Hz)', () => {
    const { net, src } = setup();
    const all = net.add(new SpikeMonitor(src));
    const some = net.add(new SpikeMonitor(src, { indices: [0, 2] }));
    expect(all.meanRate()).toBe(0); // nothing recorded yet
    net.run(10);
    expect(all.duration).toBeCloseTo(10, 12);
    expect(all.meanRate()).toBeCloseTo(150, 9);
    expect(some.meanRate()).toBeCloseTo(5 / 2 / 0.01, 9);
  });

  it('spikeMonitor.reset() forgets spikes and counts and restarts the recording time', () => {
    const { net, src } = setup();
    const m = net.add(new SpikeMonitor(src));
    net.run(1.0);
    expect(m.numSpikes).toBe(5);
    m.reset();
    expect(m.numSpikes).toBe(0);
    expect(m.indices.length).toBe(0);
    expect(Array.from(m.count)).toEqual([0, 0, 0, 0]);
    expect(m.duration).toBe(0);
    net.run(1.5);
    expect(Array.from(m.steps)).toEqual([20]);
    expect(Array.from(m.indices)).toEqual([2]);
    expect(m.duration).toBeCloseTo(1.5, 12);
    expect(m.meanRate()).toBeCloseTo(1 / 4 / 0.0015, 6);
  });

  it('a SpikeMonitor added after a run records from then on, with network-time stamps', () => {
    const { net, src } = setup();
    net.run(0.7);
    const m = net.add(new SpikeMonitor(src));
    net.run(2.0);
    expect(Array.from(m.steps)).toEqual([10, 10, 20]);
    expect(Array.from(m.indices)).toEqual([0, 2, 2]);
    expect(m.duration).toBeCloseTo(2.0, 12);
  });

  it('spikeMonitor.times are stamps x dt: spikes at 0.5, 1.0 / 1.0, 2.0 ms with dt 0.5 have stamps 1, 2, 2, 4', () => {
    const net = new Network({ dt: 0.5 });
    const src = net.population(SpikeSourceArray, 2, { params: { spikeTimes: [[0.5, 1.0], [1.0, 2.0]] } });
    const m = net.add(new SpikeMonitor(src));
    net.run(5);
    expect(Array.from(m.steps)).toEqual([1, 2, 2, 4]);
    expect(Array.from(m.indices)).toEqual([0, 0, 1, 1]);
    expect(Array.from(m.times)).toEqual([0.5, 1.0, 1.0, 2.0]);
  });

  it('spikeMonitor.indices and .steps return copies that later steps do not change', () => {
    const { net, src } = setup();
    const m = net.add(new SpikeMonitor(src));
    net.run(1.0);
    const idx = m.indices;
    net.run(2.0);
    expect(idx.length).toBe(5);
    expect(m.indices.length).toBe(6);
  });

  it('new SpikeMonitor(pop, { indices: [4] }) on 4 neurons throws a ParameterError naming the index', () => {
    const { src } = setup();
    let err: unknown;
    try {
      new SpikeMonitor(src, { indices: [0, 4] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ParameterError);
    expect((err as ParameterError).parameter).toBe('SpikeMonitor.indices[1]');
    expect((err as ParameterError).value).toBe(4);
  });

  it('network.add(monitor of another network) throws a ParameterError naming monitor.population', () => {
    const { src } = setup();
    const other = new Network();
    let err: unknown;
    try {
      other.add(new SpikeMonitor(src));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ParameterError);
    expect((err as ParameterError).parameter).toBe('monitor.population');
    expect(other.monitors.length).toBe(0);
  });
});
