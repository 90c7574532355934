import { describe, expect, it } from 'vitest';
import { IFCurrExp, Network, SpikeSourceArray, WeightMonitor, fromList, allToAll } from '../../../../src/index.js';
import { expectParameterError } from '../../../fixtures/parameterError.js';

function setup() {
  const net = new Network({ dt: 0.1, seed: 1 });
  const pre = net.population(SpikeSourceArray, 3, { params: { spikeTimes: [1] } });
  const post = net.population(IFCurrExp, 2);
  const proj = net.connect(pre, post, allToAll(), { weight: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6] });
  return { net, pre, post, proj };
}

describe('WeightMonitor', () => {
  it('new WeightMonitor(projection) samples every weight every step by default', () => {
    const { net, proj, post } = setup();
    const wm = net.add(new WeightMonitor(proj));
    expect(wm.population).toBe(post);
    net.run(0.3);
    expect(wm.numSamples).toBe(3);
    expect(Array.from(wm.times)).toEqual([0, 0.1, 0.2]);
    expect(Array.from(wm.synapses)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(wm.snapshot(-1))).toEqual(Array.from(Float32Array.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6)));
  });

  it('new WeightMonitor(projection, { pairs, interval }) records the synapses of the given (pre, post) pairs at the interval', () => {
    const { net, proj } = setup();
    const wm = net.add(new WeightMonitor(proj, { pairs: [[2, 1], [0, 0]], interval: 1 }));
    expect(Array.from(wm.synapses)).toEqual([5, 0]);
    net.run(3);
    proj.weight[5] = 9;
    net.run(1);
    expect(Array.from(wm.times)).toEqual([0, 1, 2, 3]);
    expect(Array.from(wm.trace(0))).toEqual([0.6, 0.6, 0.6, 9].map(Math.fround));
    expect(Array.from(wm.trace(1))).toEqual([0.1, 0.1, 0.1, 0.1].map(Math.fround));
    expect(Array.from(wm.snapshot(0))).toEqual([0.6, 0.1].map(Math.fround));
  });

  it('new WeightMonitor(projection, { synapses }) records chosen synapse ids in the given order', () => {
    const { net, proj } = setup();
    const wm = net.add(new WeightMonitor(proj, { synapses: [3, 1] }));
    net.run(0.1);
    expect(Array.from(wm.snapshot(0))).toEqual([0.4, 0.2].map(Math.fround));
  });

  it('new WeightMonitor with bad options throws a ParameterError naming the option', () => {
    const { net, proj } = setup();
    expectParameterError(() => new WeightMonitor({} as never), 'projection');
    expectParameterError(() => new WeightMonitor(proj, { synapses: [6] }), 'synapses[0]');
    expectParameterError(() => new WeightMonitor(proj, { synapses: [0.5] }), 'synapses[0]');
    expectParameterError(() => new WeightMonitor(proj, { pairs: [[0, 2]] }), 'pairs[0]');
    expectParameterError(() => new WeightMonitor(proj, { pairs: [[3, 0]] }), 'pairs[0]');
    expectParameterError(() => new WeightMonitor(proj, { pairs: [[0, 0]], synapses: [0] }), 'pairs');
    expectParameterError(() => new WeightMonitor(proj, { interval: -1 }), 'interval');
    expectParameterError(() => new WeightMonitor(proj, { every: 1 } as never), 'options.every');
    expectParameterError(() => net.add(new WeightMonitor(proj, { interval: 0.25 })), 'interval');
    const wm = new WeightMonitor(proj);
    expectParameterError(() => wm.snapshot(0), 's');
    expectParameterError(() => wm.trace(6), 'r');
  });

  it('new WeightMonitor on a fromList projection finds the pair in an unsorted row', () => {
    const net = new Network({ dt: 0.1 });
    const pre = net.population(SpikeSourceArray, 2);
    const post = net.population(IFCurrExp, 3);
    const proj = net.connect(pre, post, fromList([[0, 2, 0.7], [0, 1, 0.3], [1, 0, 0.2]]));
    const wm = net.add(new WeightMonitor(proj, { pairs: [[0, 1]] }));
    net.run(0.1);
    expect(Array.from(wm.snapshot(0))).toEqual([Math.fround(0.3)]);
  });
});
