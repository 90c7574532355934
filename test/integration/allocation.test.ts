/**
 * The engine's rule "no allocation per step", checked on warmed-up networks: heap bytes
 * per step over 4000 steps after a full collection (median of 5 such windows). What remains is the fixed cost of one
 * `run()` call and of the measurement (a few kB, about 1-3 B/step here); a boxed double per spike event
 * (16 B each, several per event) or a temporary array per step would exceed the bound.
 */
import { describe, expect, it } from 'vitest';
import { heapBytesPerStep } from '../../bench/heapPerStep.js';
import {
  AdEx,
  AdditiveWeightDependence,
  ClippedHebbianRule,
  GutigWeightDependence,
  IFCondExp,
  IFCurrAlpha,
  IFCurrExp,
  Izhikevich,
  Network,
  SpikeMonitor,
  SpikePairRule,
  SpikeSourcePoisson,
  SpinnakerPairSTDP,
  STDPMechanism,
  TripletRule,
  allToAll,
  fixedProbability,
  type PlasticityRule,
  type ValueSpec,
  uniform,
  type TimingDependence,
  type WeightDependence,
} from '../../src/index.js';
import { buildCuba } from '../../src/networks/cuba.js';

const BOUND = 8;
/** steps per window: long enough to dilute the fixed cost of a run() call, short enough that no scavenge runs at 100 B/step */
const STEPS = 4000;

function plasticNetwork(plasticity: PlasticityRule, delay: ValueSpec = 0.1, semantics: 'exact' | 'spinnaker' = 'exact'): Network {
  const net = new Network({ dt: 0.1, seed: 3, semantics });
  const inputs = net.population(SpikeSourcePoisson, 200, { params: { rate: 20 } });
  const neurons = net.population(IFCurrExp, 20);
  net.connect(inputs, neurons, allToAll(), { weight: 0.5, delay, plasticity });
  net.add(new SpikeMonitor(neurons, { record: false }));
  return net;
}

const stdp = (timing: TimingDependence, weight: WeightDependence) => new STDPMechanism({ timing, weight, dendriticDelayFraction: 0.5 });

describe('allocation per step', () => {
  it('CUBA (N = 1000) allocates less than 8 B per step once warmed up', () => {
    const cuba = buildCuba({ n: 1000, seed: 1 });
    cuba.network.add(new SpikeMonitor(cuba.exc, { record: false }));
    cuba.network.run(1000);
    const bytes = heapBytesPerStep((k) => cuba.network.run(k * 0.1), STEPS);
    console.log(`CUBA N=1000: ${bytes.toFixed(2)} heap B/step (bound ${BOUND})`);
    expect(bytes).toBeLessThan(BOUND);
  });

  it.each([
    ['IFCurrAlpha', (net: Network) => net.population(IFCurrAlpha, 50), 0.5],
    ['IFCondExp', (net: Network) => net.population(IFCondExp, 50), 0.01],
    ['AdEx', (net: Network) => net.population(AdEx, 50), 0.01],
    ['Izhikevich', (net: Network) => net.population(Izhikevich, 50), 2],
  ] as const)('a network of %s neurons allocates less than 8 B per step once warmed up', (_name, population, weight) => {
    const net = new Network({ dt: 0.1, seed: 4 });
    const inputs = net.population(SpikeSourcePoisson, 200, { params: { rate: 20 } });
    const neurons = population(net);
    net.connect(inputs, neurons, fixedProbability(0.2), { weight });
    const spikes = net.add(new SpikeMonitor(neurons, { record: false }));
    net.run(1000);
    const bytes = heapBytesPerStep((k) => net.run(k * 0.1), STEPS);
    console.log(`${_name}: ${bytes.toFixed(2)} heap B/step (bound ${BOUND}), ${spikes.numSpikes} spikes`);
    expect(spikes.numSpikes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(BOUND);
  });

  it.each([
    ['pair STDP, additive weights', () => plasticNetwork(stdp(new SpikePairRule({ tauPlus: 20, tauMinus: 20, aPlus: 0.01, aMinus: 0.0105 }), new AdditiveWeightDependence({ wMin: 0, wMax: 1 })))],
    ['triplet STDP, soft bounds, delayed', () => plasticNetwork(stdp(TripletRule.fromSet('visualCortexAllToAll'), new GutigWeightDependence({ wMin: 0, wMax: 1, muPlus: 0.5, muMinus: 0.5 })), 2)],
    ['pair STDP, per-synapse delays 0.1-3 ms', () => plasticNetwork(stdp(new SpikePairRule({ tauPlus: 20, tauMinus: 20, aPlus: 0.01, aMinus: 0.0105 }), new AdditiveWeightDependence({ wMin: 0, wMax: 1 })), uniform(0.1, 3))],
    ['sPyNNaker pair STDP', () => plasticNetwork(new SpinnakerPairSTDP({ tauPlus: 3, tauMinus: 3, aPlus: 0.1, aMinus: 0.1, wMin: 0, wMax: 1 }), 1, 'spinnaker')],
    ['clipped Hebbian learning', () => plasticNetwork(new ClippedHebbianRule({ window: 5, wOn: 0.5 }), 0.5)],
  ] as const)('a network with %s allocates less than 8 B per step once warmed up', (_name, build) => {
    const net = build();
    net.run(2000);
    const bytes = heapBytesPerStep((k) => net.run(k * 0.1), STEPS);
    console.log(`${_name}: ${bytes.toFixed(2)} heap B/step (bound ${BOUND})`);
    expect(bytes).toBeLessThan(BOUND);
  });
});
