import { describe, expect, it } from 'vitest';
import { uniform } from '../../../../src/core/distributions.js';
import { Network } from '../../../../src/engine/network.js';
import { StateMonitor } from '../../../../src/engine/monitors/stateMonitor.js';
import { DCSource } from '../../../../src/engine/stimuli/dcSource.js';
import { IFCurrExp } from '../../../../src/neurons/ifCurrExp.js';
import { paramError } from '../../../fixtures/parameterError.js';

/** 8 LIF neurons with random initial v, driven by a DC current so v changes every step. */
function setup() {
  const net = new Network({ dt: 0.1, seed: 4 });
  const pop = net.population(IFCurrExp, 8, { initial: { v: uniform(-70, -60) } });
  net.inject(new DCSource({ amplitude: 0.6 }), pop);
  return { net, pop };
}

describe('new StateMonitor(population, variables, options)', () => {
  it('the first sample of StateMonitor(pop, ["v"]) is the initial state', () => {
    const { net, pop } = setup();
    const initial = pop.get('v');
    const m = net.add(new StateMonitor(pop, ['v', 'iSynE'], { indices: [3, 0, 7] }));
    net.run(1);
    expect(Array.from(m.indices)).toEqual([3, 0, 7]);
    expect(m.trace('v', 0)[0]).toBe(initial[3]);
    expect(m.trace('v', 1)[0]).toBe(initial[0]);
    expect(m.trace('v', 2)[0]).toBe(initial[7]);
    expect(m.trace('iSynE', 0)[0]).toBe(0);
    expect(m.times[0]).toBe(0);
  });

  it('the sample at time t is the state at the start of the step from t (the state after run(t))', () => {
    const { net, pop } = setup();
    const m = net.add(new StateMonitor(pop, ['v']));
    const states: Float32Array[] = [];
    for (let s = 0; s < 5; s++) {
      states.push(pop.get('v'));
      net.run(0.3);
    }
    expect(m.numSamples).toBe(15);
    for (let s = 0; s < 5; s++) {
      for (let i = 0; i < 8; i++) expect(m.trace('v', i)[3 * s]).toBe(states[s][i]);
    }
    // v changes every step under the DC current: the samples are not all the same.
    expect(new Set(m.trace('v', 0)).size).toBe(15);
  });

  it('StateMonitor(pop, ["v"], { interval: 0.5 }) samples every 5 steps of 0.1 ms: the same values as an every-step monitor', () => {
    const { net, pop } = setup();
    const every = net.add(new StateMonitor(pop, ['v']));
    const sparse = net.add(new StateMonitor(pop, ['v'], { interval: 0.5 }));
    net.run(2);
    expect(sparse.numSamples).toBe(4);
    expect(Array.from(sparse.times)).toEqual([0, 0.5, 1.0, 1.5]);
    expect(every.numSamples).toBe(20);
    for (let i = 0; i < 8; i++) {
      const full = every.trace('v', i);
      expect(Array.from(sparse.trace('v', i))).toEqual([full[0], full[5], full[10], full[15]]);
    }
  });

  it('stateMonitor.times are sample steps x dt', () => {
    const { net, pop } = setup();
    const m = net.add(new StateMonitor(pop, ['v'], { indices: [1] }));
    net.run(1);
    expect(Array.from(m.times)).toEqual(Array.from({ length: 10 }, (_, k) => k * 0.1));
  });

  it('stateMonitor.traces(variable) gives one trace per recorded neuron', () => {
    const { net, pop } = setup();
    const m = net.add(new StateMonitor(pop, ['v'], { indices: [2, 5] }));
    net.run(0.5);
    const tr = m.traces('v');
    expect(tr.length).toBe(2);
    expect(tr[1]).toEqual(m.trace('v', 1));
    expect(tr[0].length).toBe(5);
  });

  it('a StateMonitor keeps sampling after the population arrays move (a ring grown by a later connect)', async () => {
    const { fromList } = await import('../../../../src/synapses/connectors/fromList.js');
    const { net, pop } = setup();
    const every = net.add(new StateMonitor(pop, ['v']));
    net.run(0.5);
    net.connect(pop, pop, fromList([[0, 1, 0.1, 0.1], [1, 0, 0.1, 5.0]]));
    const before = pop.get('v');
    net.run(0.5);
    expect(every.numSamples).toBe(10);
    for (let i = 0; i < 8; i++) expect(every.trace('v', i)[5]).toBe(before[i]);
  });

  it('new StateMonitor(pop, ["u"]) for IFCurrExp throws a ParameterError naming variables', () => {
    const { pop } = setup();
    const e = paramError(() => new StateMonitor(pop, ['v', 'u']));
    expect(e.parameter).toBe('variables');
    expect(e.value).toBe('u');
    expect(e.allowed).toContain('iSynE');
    expect(paramError(() => new StateMonitor(pop, [])).parameter).toBe('variables');
    expect(paramError(() => new StateMonitor(pop, 'v' as never)).parameter).toBe('variables');
  });

  it('StateMonitor({ interval: 0.25 }) with dt 0.1 throws at network.add naming interval; interval -1 throws at construction', () => {
    const { net, pop } = setup();
    const m = new StateMonitor(pop, ['v'], { interval: 0.25 });
    expect(paramError(() => net.add(m)).parameter).toBe('interval');
    expect(net.monitors.length).toBe(0);
    expect(paramError(() => new StateMonitor(pop, ['v'], { interval: -1 })).parameter).toBe('interval');
    expect(paramError(() => new StateMonitor(pop, ['v'], { interval: NaN })).parameter).toBe('interval');
  });

  it('StateMonitor({ indices: [8] }) on 8 neurons throws naming the index', () => {
    const { pop } = setup();
    expect(paramError(() => new StateMonitor(pop, ['v'], { indices: [8] })).parameter).toBe('StateMonitor.indices[0]');
  });

  it('stateMonitor.trace(unrecorded variable) throws naming variable; trace(v, r out of range) naming r', () => {
    const { net, pop } = setup();
    const m = net.add(new StateMonitor(pop, ['v'], { indices: [0, 1] }));
    net.run(0.2);
    expect(paramError(() => m.trace('iSynE', 0)).parameter).toBe('variable');
    expect(paramError(() => m.trace('v', 2)).parameter).toBe('r');
    expect(paramError(() => m.trace('v', -1)).parameter).toBe('r');
  });
});
