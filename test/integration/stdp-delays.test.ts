/**
 * STDP on a projection with per-synapse delays learns exactly as the same synapses split
 * into one projection per delay: same postsynaptic spikes, bit-identical weights. Inputs
 * are fixed spike trains (drawn before the networks are built), so both networks see the
 * same presynaptic spikes.
 */
import { describe, expect, it } from 'vitest';
import {
  AdditiveWeightDependence,
  GutigWeightDependence,
  IFCurrExp,
  Network,
  Rng,
  SpikeMonitor,
  SpikePairRule,
  SpikeSourceArray,
  STDPMechanism,
  TripletRule,
  fromList,
  type ConnectionTuple,
  type Projection,
  type WeightDependence,
  type TimingDependence,
} from '../../src/index.js';

const N_PRE = 40;
const N_POST = 8;
const DT = 0.1;
/** delays of the connections, ms: five groups, short and long */
const DELAYS = [0.1, 0.2, 0.5, 1.3, 4];

function spikeTrains(seed: number): number[][] {
  const rng = new Rng(seed);
  return Array.from({ length: N_PRE }, () => {
    const times: number[] = [];
    for (let t = rng.random() * 20; t < 1500; t += 2 + rng.random() * 60) times.push(Math.round(t * 10) / 10);
    return times;
  });
}

function connections(): ConnectionTuple[] {
  const list: ConnectionTuple[] = [];
  for (let i = 0; i < N_PRE; i++) {
    for (let j = 0; j < N_POST; j++) list.push([i, j, 0.2 + 0.05 * ((i * 7 + j * 3) % 11), DELAYS[(i + 2 * j) % DELAYS.length]]);
  }
  return list;
}

/** Runs the network with one projection per list of connections; returns the weights by (pre, post) and the post spikes. */
function run(lists: ConnectionTuple[][], stdp: STDPMechanism): { weights: Map<string, number>; steps: number[]; updates: number } {
  const net = new Network({ dt: DT, seed: 9 });
  const trains = spikeTrains(4);
  const pre = net.population(SpikeSourceArray, N_PRE, { params: { spikeTimes: trains } });
  const post = net.population(IFCurrExp, N_POST, { params: { tauM: 10, tauSynE: 2 } });
  const projections: Projection[] = lists.map((list) => net.connect(pre, post, fromList(list), { plasticity: stdp }));
  const spikes = net.add(new SpikeMonitor(post));
  net.run(1600);
  const weights = new Map<string, number>();
  for (const p of projections) {
    for (let i = 0; i < N_PRE; i++) {
      for (let s = p.rowPtr[i]; s < p.rowPtr[i + 1]; s++) weights.set(`${i},${p.target[s]}`, p.weight[s]);
    }
  }
  const updates = projections.reduce((n, p) => n + (p.plasticity?.updates ?? 0), 0);
  return { weights, steps: Array.from(spikes.steps), updates };
}

describe('STDP with per-synapse delays', () => {
  it.each([
    ['pair rule, additive, f = 0.5', new SpikePairRule({ tauPlus: 16.8, tauMinus: 33.7, aPlus: 0.02, aMinus: 0.012 }), new AdditiveWeightDependence({ wMin: 0, wMax: 1 }), 0.5],
    ['pair rule, additive, f = 1 (all dendritic)', new SpikePairRule({ tauPlus: 20, tauMinus: 20, aPlus: 0.02, aMinus: 0.021 }), new AdditiveWeightDependence({ wMin: 0, wMax: 1 }), 1],
    ['triplet rule, soft bounds, f = 0 (all axonal)', TripletRule.fromSet('visualCortexAllToAll', { a2Plus: 0.05, a2Minus: 0.05 }), new GutigWeightDependence({ wMin: 0, wMax: 1, muPlus: 1, muMinus: 1 }), 0],
  ] as [string, TimingDependence, WeightDependence, number][])('%s: one projection with five delays equals five projections of one delay each', (_name, timing, weight, f) => {
    const stdp = new STDPMechanism({ timing, weight, dendriticDelayFraction: f });
    const all = connections();
    const mixed = run([all], stdp);
    const split = run(DELAYS.map((d) => all.filter((c) => c[3] === d)), stdp);
    expect(mixed.steps.length).toBeGreaterThan(20); // the targets fire, so both event kinds happen
    expect(mixed.steps).toEqual(split.steps);
    expect(mixed.updates).toBe(split.updates);
    let changed = 0;
    for (const [key, w] of split.weights) {
      expect(mixed.weights.get(key), key).toBe(w);
      const [i, j] = key.split(',').map(Number);
      if (w !== Math.fround(0.2 + 0.05 * ((i * 7 + j * 3) % 11))) changed++;
    }
    expect(mixed.weights.size).toBe(N_PRE * N_POST);
    expect(changed).toBeGreaterThan(0.9 * N_PRE * N_POST); // learning happened on nearly every synapse
  });
});
