/**
 * Whole networks of every neuron model, through the public API: a run split in two and
 * a delay ring that grows between the halves give exactly the spikes of one run; seeds
 * matter; input delivered straight into a model's variables equals input through the
 * delay ring; parameters changed between runs take effect; small E/I networks of the
 * conductance models fire at plausible rates.
 */
import { describe, expect, it } from 'vitest';
import {
  AdEx,
  IFCondExp,
  IFCurrAlpha,
  IFCurrExp,
  Izhikevich,
  Network,
  PopulationRateMonitor,
  SpikeMonitor,
  SpikeSourceArray,
  SpikeSourcePoisson,
  StateMonitor,
  allToAll,
  fixedProbability,
  fromList,
  uniform,
  type NeuronModel,
} from '../../src/index.js';

interface Case {
  model: NeuronModel<object>;
  /** excitatory and inhibitory input weights (nA, uS or mV as the model takes them) */
  wE: number;
  wI: number;
  /** range of initial v, mV */
  v0: [number, number];
}

const CASES: Record<string, Case> = {
  IFCurrExp: { model: IFCurrExp as NeuronModel<object>, wE: 0.6, wI: -0.6, v0: [-65, -55] },
  IFCurrAlpha: { model: IFCurrAlpha as NeuronModel<object>, wE: 3, wI: -3, v0: [-65, -55] },
  IFCondExp: { model: IFCondExp as NeuronModel<object>, wE: 0.012, wI: 0.03, v0: [-65, -55] },
  Izhikevich: { model: Izhikevich as NeuronModel<object>, wE: 6, wI: -6, v0: [-70, -60] },
  AdEx: { model: AdEx as NeuronModel<object>, wE: 0.008, wI: 0.02, v0: [-70, -60] },
};

/**
 * 20 neurons of the model driven by Poisson input (one delay: delivered directly where
 * the model allows), inhibitory Poisson input with heterogeneous delays (through the
 * ring) and sparse recurrent excitation. With `split`, the 200 ms are run as 100 + 100
 * and between them a silent source is connected with delays up to 20 ms, which grows
 * the delay ring and moves every array of the population to a new memory.
 */
function driven(c: Case, seed: number, split: boolean) {
  const net = new Network({ dt: 0.1, seed });
  const pop = net.population(c.model, 20, { initial: { v: uniform(c.v0[0], c.v0[1]) }, label: 'cells' });
  const exc = net.population(SpikeSourcePoisson, 30, { params: { rate: 40 }, label: 'exc' });
  const inh = net.population(SpikeSourcePoisson, 10, { params: { rate: 20 }, label: 'inh' });
  net.connect(exc, pop, fixedProbability(0.3), { weight: c.wE, delay: 1 });
  net.connect(inh, pop, fixedProbability(0.3), { weight: c.wI, delay: uniform(0.5, 2), receptor: 'inhibitory' });
  net.connect(pop, pop, fixedProbability(0.1), { weight: c.wE / 2, delay: 1.5 });
  const spikes = net.add(new SpikeMonitor(pop));
  if (split) {
    net.run(100);
    const silent = net.population(SpikeSourceArray, 2, { params: { spikeTimes: [] }, label: 'silent' });
    net.connect(silent, pop, allToAll(), { weight: Math.abs(c.wE), delay: uniform(1, 20) });
    net.run(100);
  } else {
    net.run(200);
  }
  return { steps: Array.from(spikes.steps), indices: Array.from(spikes.indices) };
}

describe('neuron models in networks', () => {
  it.each(Object.keys(CASES))(
    'a driven network of %s run as 100 + 100 ms with a delay ring grown in between gives the spikes of one 200 ms run',
    (name) => {
      const c = CASES[name];
      const one = driven(c, 7, false);
      const two = driven(c, 7, true);
      expect(one.steps.length).toBeGreaterThan(20);
      expect(one.steps.length).toBeLessThan(20 * 200); // below 1 spike per ms per neuron
      expect(two).toEqual(one);
      const other = driven(c, 8, false);
      expect(other).not.toEqual(one);
    },
  );

  it.each(['IFCondExp', 'AdEx', 'Izhikevich'])(
    'input to %s delivered straight into its variables (one delay) equals input through the delay ring',
    (name) => {
      const c = CASES[name];
      const trace = (ring: boolean) => {
        const net = new Network({ dt: 0.1, seed: 1 });
        const src = net.population(SpikeSourceArray, 2, { params: { spikeTimes: [[10, 12, 30], []] } });
        const pop = net.population(c.model, 1);
        // a silent second synapse with another delay makes the projection heterogeneous
        const list: Array<[number, number, number, number]> = [[0, 0, 3 * Math.abs(c.wE), 1]];
        if (ring) list.push([1, 0, 3 * Math.abs(c.wE), 2]);
        net.connect(src, pop, fromList(list));
        const vm = net.add(new StateMonitor(pop, ['v']));
        net.run(60);
        return vm.trace('v', 0);
      };
      const direct = trace(false);
      const viaRing = trace(true);
      const rest = direct[0];
      expect(Math.max(...direct) - rest).toBeGreaterThan(0.5); // the input had an effect
      for (let k = 0; k < direct.length; k++) expect(Math.abs(viaRing[k] - direct[k])).toBeLessThan(1e-4);
    },
  );

  it.each([
    ['IFCurrAlpha', IFCurrAlpha, 2],
    ['IFCondExp', IFCondExp, 0.05],
    ['AdEx', AdEx, 0.05],
  ] as const)('population.setParameters({ tauSynE }) on %s between runs gives the response of a fresh network', (_name, model, w) => {
    const response = (changeLater: boolean) => {
      const net = new Network({ dt: 0.1, seed: 1 });
      const src = net.population(SpikeSourceArray, 1, { params: { spikeTimes: [59] } });
      const pop = (net.population as (m: NeuronModel<object>, n: number, o: object) => ReturnType<Network['population']>)(
        model as NeuronModel<object>, 1, { params: { tauSynE: changeLater ? 0.5 : 8 } },
      );
      net.connect(src, pop, allToAll(), { weight: w, delay: 1 });
      const vm = net.add(new StateMonitor(pop, ['v']));
      net.run(50);
      if (changeLater) pop.setParameters({ tauSynE: 8 } as never);
      net.run(50);
      return vm.trace('v', 0);
    };
    const fresh = response(false);
    const changed = response(true);
    expect(Math.max(...fresh) - fresh[0]).toBeGreaterThan(0.5);
    expect(Array.from(changed)).toEqual(Array.from(fresh));
  });

  it.each(['IFCondExp', 'AdEx'])('a sparse E/I network of %s driven by Poisson input fires at a plausible rate', (name) => {
    const c = CASES[name];
    const net = new Network({ dt: 0.1, seed: 3 });
    const e = net.population(c.model, 80, { initial: { v: uniform(c.v0[0], c.v0[1]) }, label: 'E' });
    const i = net.population(c.model, 20, { initial: { v: uniform(c.v0[0], c.v0[1]) }, label: 'I' });
    const drive = net.population(SpikeSourcePoisson, 100, { params: { rate: 30 }, label: 'drive' });
    for (const post of [e, i]) {
      net.connect(drive, post, fixedProbability(0.2), { weight: c.wE, delay: 1 });
      net.connect(e, post, fixedProbability(0.1), { weight: c.wE / 4, delay: uniform(1, 3) });
      net.connect(i, post, fixedProbability(0.2), { weight: 2 * c.wI, delay: 1, receptor: 'inhibitory' });
    }
    const rate = net.add(new PopulationRateMonitor(e));
    const spikes = net.add(new SpikeMonitor(e));
    const vm = net.add(new StateMonitor(e, ['v'], { indices: [0, 1, 2] }));
    net.run(300);
    const hz = spikes.meanRate();
    expect(hz).toBeGreaterThan(0.5);
    expect(hz).toBeLessThan(100);
    expect(rate.rate.rates.length).toBe(3000);
    for (const tr of vm.traces('v')) for (const x of tr) expect(Number.isFinite(x)).toBe(true);
  });
});
