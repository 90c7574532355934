/**
 * `new Network({ semantics })`: 'exact' (default, unchanged) and 'spinnaker' (sPyNNaker's
 * tick: a spike of step k is stamped k and acts in the target at step k + d).
 */
import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import { Network } from '../../../src/engine/network.js';
import { SpikeMonitor } from '../../../src/engine/monitors/spikeMonitor.js';
import { PopulationRateMonitor } from '../../../src/engine/monitors/populationRateMonitor.js';
import { IFCurrExp } from '../../../src/neurons/ifCurrExp.js';
import { Izhikevich } from '../../../src/neurons/izhikevich.js';
import { SpikeSourceArray } from '../../../src/neurons/spikeSourceArray.js';
import { allToAll } from '../../../src/synapses/connectors/allToAll.js';
import { oneToOne } from '../../../src/synapses/connectors/oneToOne.js';
import { SpinnakerPairSTDP } from '../../../src/synapses/plasticity/spinnakerPairStdp.js';

const CA3 = { cm: 0.27, tauM: 3, tauRefrac: 1, tauSynE: 0.3, tauSynI: 0.3, vRest: -60, vReset: -60, vThresh: -57 };

/** A source spiking at `times` drives a chain a -> b (delay d1) -> c (delay d2); returns the stamps of each. */
function chain(semantics: 'exact' | 'spinnaker', times: number[], d1: number, d2: number): number[][] {
  const net = new Network({ dt: 1, semantics });
  const src = net.population(SpikeSourceArray, 1, { params: { spikeTimes: times } });
  const b = net.population(IFCurrExp, 1, { params: CA3 });
  const c = net.population(IFCurrExp, 1, { params: CA3 });
  net.connect(src, b, oneToOne(), { weight: 20, delay: d1 });
  net.connect(b, c, oneToOne(), { weight: 20, delay: d2 });
  const ms = [src, b, c].map((p) => net.add(new SpikeMonitor(p)));
  net.run(30);
  return ms.map((m) => Array.from(m.steps));
}

describe('Network semantics', () => {
  it("new Network() defaults to semantics 'exact'", () => {
    expect(new Network().semantics).toBe('exact');
    expect(new Network({ semantics: 'spinnaker', dt: 1 }).semantics).toBe('spinnaker');
  });

  it("new Network({ semantics: 'spinnaker' }) makes each hop of delay d take exactly d ticks, spikes stamped at their tick", () => {
    expect(chain('spinnaker', [0, 10], 1, 3)).toEqual([[0, 10], [1, 11], [4, 14]]);
    expect(chain('spinnaker', [5], 2, 1)).toEqual([[5], [7], [8]]);
  });

  it("SpikeSourceArray under semantics 'spinnaker' sends a spike at t = 0 in tick 0; under 'exact' t = 0 is a ParameterError", () => {
    const net = new Network({ dt: 1, semantics: 'spinnaker' });
    const src = net.population(SpikeSourceArray, 1, { params: { spikeTimes: [0, 3] } });
    const m = net.add(new SpikeMonitor(src));
    const r = net.add(new PopulationRateMonitor(src));
    net.run(5);
    expect(Array.from(m.steps)).toEqual([0, 3]);
    expect(Array.from(m.times)).toEqual([0, 3]);
    expect(Array.from(r.rate.times)).toEqual([0, 1, 2, 3, 4]);
    expect(r.rate.rates[0]).toBe(1000);
    const exact = new Network({ dt: 1 });
    expect(() => exact.population(SpikeSourceArray, 1, { params: { spikeTimes: [0] } })).toThrow(ParameterError);
  });

  it("new Network({ semantics: 'exact' }) keeps the NEST convention: a hop of delay d takes d + 1 steps", () => {
    expect(chain('exact', [1, 10], 1, 3)).toEqual([[1, 10], [3, 12], [7, 16]]);
  });

  it("new Network({ semantics: 'spinnaker' }) subtracts positive inhibitory weights and takes the magnitude of all-negative ones", () => {
    for (const w of [6, -6]) {
      const net = new Network({ dt: 1, semantics: 'spinnaker' });
      const src = net.population(SpikeSourceArray, 1, { params: { spikeTimes: [0] } });
      const n = net.population(IFCurrExp, 1, { params: { ...CA3, cm: 0.14, tauM: 0.5 } });
      net.connect(src, n, oneToOne(), { weight: 9, delay: 1 });
      net.connect(src, n, oneToOne(), { weight: w, delay: 1, receptor: 'inhibitory' });
      const m = net.add(new SpikeMonitor(n));
      net.run(5);
      expect(m.numSpikes).toBe(0); // 9 - 6 nA: +2.68 mV, below the 3 mV to threshold
      expect(n.get('v')[0]).toBeLessThan(-60 + 0.1); // decayed back near rest
    }
  });

  it("network.connect() under semantics 'spinnaker' rejects weights of both signs with a ParameterError", () => {
    const net = new Network({ dt: 1, semantics: 'spinnaker' });
    const src = net.population(SpikeSourceArray, 2, { params: { spikeTimes: [0] } });
    const n = net.population(IFCurrExp, 1);
    expect(() => net.connect(src, n, allToAll(), { weight: [1, -1] })).toThrow(ParameterError);
    expect(net.projections.length).toBe(0);
  });

  it("network.population(Izhikevich) under semantics 'spinnaker' throws a ParameterError naming the model", () => {
    const net = new Network({ dt: 1, semantics: 'spinnaker' });
    expect(() => net.population(Izhikevich, 3)).toThrow(ParameterError);
    expect(() => net.population(Izhikevich, 3)).toThrow(/Izhikevich/);
    expect(net.populations.length).toBe(0);
  });

  it("new Network({ semantics: 'bogus' }) throws a ParameterError; semantics 'spinnaker' is accepted on the gpu backend", () => {
    expect(() => new Network({ semantics: 'bogus' as never })).toThrow(ParameterError);
    expect(() => new Network({ semantics: 'bogus' as never })).toThrow(/semantics/);
    expect(new Network({ semantics: 'spinnaker', backend: 'gpu' }).semantics).toBe('spinnaker');
  });

  it("SpinnakerPairSTDP in a spinnaker network delivers the potentiated weight at the recall spike (one-shot learning)", () => {
    const net = new Network({ dt: 1, semantics: 'spinnaker' });
    const cue = net.population(SpikeSourceArray, 1, { params: { spikeTimes: [1, 3, 31] } });
    const teach = net.population(SpikeSourceArray, 1, { params: { spikeTimes: [0, 2] } });
    const post = net.population(IFCurrExp, 1, { params: CA3 });
    net.connect(teach, post, oneToOne(), { weight: 6, delay: 1 });
    const plastic = net.connect(cue, post, oneToOne(), {
      weight: 0,
      delay: 1,
      plasticity: new SpinnakerPairSTDP({ tauPlus: 3, tauMinus: 3, aPlus: 6, aMinus: 6, wMin: 0, wMax: 6 }),
    });
    const m = net.add(new SpikeMonitor(post));
    net.run(29);
    expect(Array.from(m.steps)).toEqual([1, 3]);
    expect(plastic.weight[0]).toBe(0); // potentiation still pending
    net.run(5);
    expect(plastic.weight[0]).toBeCloseTo(5.998879, 5);
    expect(Array.from(m.steps)).toEqual([1, 3, 32]);
  });
});
