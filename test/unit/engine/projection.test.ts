import { describe, expect, it } from 'vitest';
import { normal, uniform } from '../../../src/core/distributions.js';
import { Network } from '../../../src/engine/network.js';
import { MAX_DELAY_STEPS } from '../../../src/engine/projection.js';
import { IFCurrExp, type IFCurrExpParams } from '../../../src/neurons/ifCurrExp.js';
import type { NeuronModel } from '../../../src/neurons/model.js';
import { SpikeSourcePoisson } from '../../../src/neurons/spikeSourcePoisson.js';
import { allToAll } from '../../../src/synapses/connectors/allToAll.js';
import { fixedProbability } from '../../../src/synapses/connectors/fixedProbability.js';
import { fromList } from '../../../src/synapses/connectors/fromList.js';
import { oneToOne } from '../../../src/synapses/connectors/oneToOne.js';
import { paramError } from '../../fixtures/parameterError.js';

/** IFCurrExp's arithmetic under a conductance label: enough to test how projections treat conductance targets. */
const ConductanceLike: NeuronModel<IFCurrExpParams> = { ...IFCurrExp, name: 'ConductanceLike', synapseKind: 'conductance' };

/** Bytes actually held by the buffers behind a projection's synapse arrays. */
function measuredBytes(arrays: Array<ArrayBufferView | null>): number {
  let bytes = 0;
  for (const a of arrays) {
    if (!a) continue;
    // The whole backing buffer: an exact-size copy, not a view into a larger growth buffer.
    expect(a.buffer.byteLength).toBe(a.byteLength);
    bytes += a.buffer.byteLength;
  }
  return bytes;
}

describe('network.connect(pre, post, connector, options) -> Projection', () => {
  it('a static projection (one delay) measures <= 10 bytes per synapse: Uint32 target + Float32 weight + row pointers', () => {
    const net = new Network({ seed: 1 });
    const a = net.population(IFCurrExp, 2000);
    const proj = net.connect(a, a, fixedProbability(0.04), { weight: 0.081 });
    expect(proj.delay).toBeNull();
    const bytes = measuredBytes([proj.rowPtr, proj.target, proj.weight, proj.delay]);
    expect(bytes).toBe(proj.size * 8 + 2001 * 4);
    expect(proj.bytesPerSynapse).toBe(bytes / proj.size);
    expect(proj.bytesPerSynapse).toBeLessThanOrEqual(10);
  });

  it('per-synapse delays up to 255 steps are stored as Uint8 (<= 10 bytes per synapse measured)', () => {
    const net = new Network({ dt: 0.1, seed: 2 });
    const a = net.population(IFCurrExp, 1000);
    const proj = net.connect(a, a, fixedProbability(0.08), { weight: 0.1, delay: uniform(0.1, 25.5) });
    expect(proj.delay).toBeInstanceOf(Uint8Array);
    expect(proj.constantDelay).toBe(-1);
    expect(proj.maxDelay).toBeLessThanOrEqual(255);
    expect(proj.maxDelay).toBeGreaterThan(250);
    const bytes = measuredBytes([proj.rowPtr, proj.target, proj.weight, proj.delay]);
    expect(proj.bytesPerSynapse).toBe(bytes / proj.size);
    expect(proj.bytesPerSynapse).toBeLessThanOrEqual(10);
  });

  it('a delay of 256 steps or more switches per-synapse delays to Uint16', () => {
    const net = new Network({ dt: 0.1 });
    const a = net.population(IFCurrExp, 2);
    const proj = net.connect(a, a, fromList([[0, 1, 1, 0.1], [1, 0, 1, 25.6]]));
    expect(proj.delay).toBeInstanceOf(Uint16Array);
    expect(Array.from(proj.delay!)).toEqual([1, 256]);
    expect(proj.maxDelay).toBe(256);
  });

  it('equal delays keep no per-synapse array: constantDelay is the delay in steps', () => {
    const net = new Network({ dt: 0.1 });
    const a = net.population(IFCurrExp, 10);
    const proj = net.connect(a, a, allToAll(), { weight: 1, delay: 1.5 });
    expect(proj.delay).toBeNull();
    expect(proj.constantDelay).toBe(15);
    expect(proj.maxDelay).toBe(15);
    expect(Array.from(proj.delaysMs(0.1)).every((d) => d === 1.5)).toBe(true);
  });

  it('delays are rounded to the nearest step (0.14 ms -> 1, 0.26 ms -> 3 with dt 0.1) and default to dt', () => {
    const net = new Network({ dt: 0.1 });
    const a = net.population(IFCurrExp, 3);
    const proj = net.connect(a, a, fromList([[0, 0, 1, 0.14], [1, 1, 1, 0.26], [2, 2, 1]]));
    expect(Array.from(proj.delay!)).toEqual([1, 3, 1]);
    expect(net.connect(a, a, oneToOne(), { weight: 1 }).constantDelay).toBe(1);
  });

  it('a delay of exactly dt is accepted; a delay shorter than dt throws a ParameterError naming delay', () => {
    const net = new Network({ dt: 0.1 });
    const a = net.population(IFCurrExp, 3);
    expect(net.connect(a, a, oneToOne(), { weight: 1, delay: 0.1 }).constantDelay).toBe(1);
    const e = paramError(() => net.connect(a, a, oneToOne(), { weight: 1, delay: 0.05 }));
    expect(e.parameter).toBe('delay');
    expect(e.value).toBe(0.05);
    expect(paramError(() => net.connect(a, a, oneToOne(), { weight: 1, delay: 0 })).parameter).toBe('delay');
    expect(paramError(() => net.connect(a, a, oneToOne(), { weight: 1, delay: -1 })).parameter).toBe('delay');
    // A distribution below dt fails on its first draw.
    expect(paramError(() => net.connect(a, a, allToAll(), { weight: 1, delay: uniform(0, 0.09) })).parameter).toBe('delay');
    expect(paramError(() => net.connect(a, a, oneToOne(), { weight: 1, delay: [0.1, 0.2, 0.01] })).parameter).toBe('delay[2]');
  });

  it(`delays up to MAX_DELAY_STEPS (${MAX_DELAY_STEPS}) steps are accepted; longer ones throw naming delay`, () => {
    const net = new Network({ dt: 1 });
    const a = net.population(IFCurrExp, 2);
    expect(net.connect(a, a, oneToOne(), { weight: 1, delay: MAX_DELAY_STEPS }).maxDelay).toBe(MAX_DELAY_STEPS);
    expect(paramError(() => net.connect(a, a, oneToOne(), { weight: 1, delay: MAX_DELAY_STEPS + 1 })).parameter).toBe('delay');
  });

  it('a conductance-based target with a negative weight throws a ParameterError naming weight', () => {
    const net = new Network();
    const a = net.population(IFCurrExp, 4);
    const g = net.population(ConductanceLike, 4);
    const e = paramError(() => net.connect(a, g, oneToOne(), { weight: -0.01 }));
    expect(e.parameter).toBe('weight');
    expect(e.allowed).toMatch(/>= 0/);
    expect(paramError(() => net.connect(a, g, oneToOne(), { weight: [0.1, 0.1, -0.1, 0.1] })).parameter).toBe('weight[2]');
    expect(paramError(() => net.connect(a, g, fromList([[0, 0, -1]]))).parameter).toBe('weight');
    expect(paramError(() => net.connect(a, g, allToAll(), { weight: normal(0, 1) })).parameter).toBe('weight');
    expect(net.projections.length).toBe(0);
    // Inhibition onto a conductance target is a positive weight on the inhibitory receptor.
    expect(net.connect(a, g, oneToOne(), { weight: 0.01, receptor: 'inhibitory' }).receptor).toBe('inhibitory');
  });

  it('a current-based target takes negative weights (hyperpolarising)', () => {
    const net = new Network();
    const a = net.population(IFCurrExp, 4);
    const proj = net.connect(a, a, oneToOne(), { weight: -0.45, receptor: 'inhibitory' });
    expect(Array.from(proj.weight)).toEqual(new Array(4).fill(Math.fround(-0.45)));
  });

  it('network.connect(...) without a weight throws a ParameterError naming weight', () => {
    const net = new Network();
    const a = net.population(IFCurrExp, 4);
    const e = paramError(() => net.connect(a, a, oneToOne()));
    expect(e.parameter).toBe('weight');
    expect(e.value).toBeUndefined();
  });

  it('weights drawn from a distribution come from the seed: same seed, same weights; another seed, others', () => {
    const weightsFor = (seed: number) => {
      const net = new Network({ seed });
      const a = net.population(IFCurrExp, 200);
      return net.connect(a, a, fixedProbability(0.1), { weight: uniform(0.1, 0.2) });
    };
    const p1 = weightsFor(5);
    const p2 = weightsFor(5);
    const p3 = weightsFor(6);
    expect(p1.target).toEqual(p2.target);
    expect(p1.weight).toEqual(p2.weight);
    expect(p1.weight.length === p3.weight.length && p1.weight.every((w, i) => w === p3.weight[i])).toBe(false);
    // Uniform(0.1, 0.2) in single precision: in range, mean 0.15 within 4 sigma.
    const w = p1.weight;
    let sum = 0;
    for (const x of w) {
      expect(x).toBeGreaterThanOrEqual(Math.fround(0.1));
      expect(x).toBeLessThanOrEqual(Math.fround(0.2));
      sum += x;
    }
    expect(Math.abs(sum / w.length - 0.15)).toBeLessThan(4 * Math.sqrt(0.01 / 12 / w.length));
  });

  it('weights given per synapse are taken in CSR order and must match the synapse count', () => {
    const net = new Network();
    const a = net.population(IFCurrExp, 2);
    const proj = net.connect(a, a, allToAll(), { weight: [1, 2, 3, 4] });
    expect(Array.from(proj.weight)).toEqual([1, 2, 3, 4]);
    expect(Array.from(proj.sources())).toEqual([0, 0, 1, 1]);
    expect(paramError(() => net.connect(a, a, allToAll(), { weight: [1, 2, 3] })).parameter).toBe('weight');
  });

  it('projection.setWeights(spec, rng) replaces the weights and checks them', () => {
    const net = new Network();
    const a = net.population(IFCurrExp, 2);
    const g = net.population(ConductanceLike, 2);
    const proj = net.connect(a, g, oneToOne(), { weight: 0.5 });
    proj.setWeights([0.25, 0.75], net.populations[0].rng);
    expect(Array.from(proj.weight)).toEqual([0.25, 0.75]);
    expect(paramError(() => proj.setWeights(-1, net.populations[0].rng)).parameter).toBe('weight');
    expect(Array.from(proj.weight)).toEqual([0.25, 0.75]);
  });

  it('network.connect(...) defaults: receptor excitatory, label "pre->post", delay dt', () => {
    const net = new Network();
    const a = net.population(IFCurrExp, 2, { label: 'A' });
    const b = net.population(IFCurrExp, 2, { label: 'B' });
    const proj = net.connect(a, b, oneToOne(), { weight: 1 });
    expect(proj.receptor).toBe('excitatory');
    expect(proj.label).toBe('A->B');
    expect(proj.pre).toBe(a);
    expect(proj.post).toBe(b);
    expect(proj.constantDelay).toBe(1);
    expect(net.connect(a, b, oneToOne(), { weight: 1, label: 'named' }).label).toBe('named');
  });

  it('network.connect(..., { receptor: "x" }) throws naming receptor', () => {
    const net = new Network();
    const a = net.population(IFCurrExp, 2);
    expect(paramError(() => net.connect(a, a, oneToOne(), { weight: 1, receptor: 'x' as never })).parameter).toBe('receptor');
  });

  it('network.connect(any, spikeSource) throws naming post: spike sources take no input', () => {
    const net = new Network();
    const a = net.population(IFCurrExp, 2);
    const s = net.population(SpikeSourcePoisson, 2);
    expect(paramError(() => net.connect(a, s, oneToOne(), { weight: 1 })).parameter).toBe('post');
    expect(net.connect(s, a, oneToOne(), { weight: 1 }).size).toBe(2);
  });

  it('an empty projection (fixedProbability(0)) has no synapses and reports 0 bytes per synapse', () => {
    const net = new Network();
    const a = net.population(IFCurrExp, 5);
    const proj = net.connect(a, a, fixedProbability(0), { weight: 1, delay: 2 });
    expect(proj.size).toBe(0);
    expect(proj.bytesPerSynapse).toBe(0);
    expect(proj.maxDelay).toBe(20);
  });
});
