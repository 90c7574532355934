/**
 * SpinnakerPairSTDP: the unit oracles of the CA3-CAM reference (SPEC section 5.1): the
 * weight a synapse delivers after each presynaptic spike, with tau+ = tau- = 3 ms,
 * A+ = A- = 6 nA, w in [0, 6], delay 1 step, dt 1 ms. The rule is driven through the
 * structural PlasticSynapses interface with hand-set spike lists.
 */
import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../../src/core/errors.js';
import { SpinnakerPairSTDP } from '../../../../src/synapses/plasticity/spinnakerPairStdp.js';
import type { PlasticSynapses } from '../../../../src/synapses/plasticity/plasticityRule.js';

const CA3 = { tauPlus: 3, tauMinus: 3, aPlus: 6, aMinus: 6, wMin: 0, wMax: 6 };

interface Group {
  label: string;
  size: number;
  spikes: Uint32Array;
  spikeCount: number;
  model: { synapseKind: string };
}

function group(label: string): Group {
  return { label, size: 1, spikes: new Uint32Array(1), spikeCount: 0, model: { synapseKind: 'current' } };
}

/** Runs one synapse (delay d) over steps 0..end; returns the weight after each pre spike. */
function delivered(w0: number, pre: number[], post: number[], d = 1, params = CA3, end = 60): number[] {
  const a = group('pre');
  const b = group('post');
  const syn: PlasticSynapses = {
    label: 'test',
    pre: a,
    post: b,
    rowPtr: Uint32Array.of(0, 1),
    target: Uint32Array.of(0),
    weight: Float32Array.of(w0),
    delay: null,
    constantDelay: d,
  };
  const state = new SpinnakerPairSTDP(params).bind(syn, 1);
  const out: number[] = [];
  for (let k = 0; k <= end; k++) {
    a.spikeCount = pre.includes(k) ? 1 : 0;
    b.spikeCount = post.includes(k) ? 1 : 0;
    state.step(k);
    if (a.spikeCount) out.push(syn.weight[0]);
  }
  return out;
}

describe('SpinnakerPairSTDP (sPyNNaker >= 7 pair STDP)', () => {
  it('new SpinnakerPairSTDP(CA3) defers potentiation to the next pre spike: pre {1,3,31}, post {1,3} delivers 0, 0, 5.998879', () => {
    const w = delivered(0, [1, 3, 31], [1, 3]);
    expect(w[0]).toBe(0);
    expect(w[1]).toBe(0);
    expect(w[2]).toBeCloseTo(5.998879, 5);
  });

  it('new SpinnakerPairSTDP(CA3) depresses at lag 0: w0 = 6, pre {1,3,31}, post {2} delivers 6, 0, 0 (forgetting)', () => {
    expect(delivered(6, [1, 3, 31], [2])).toEqual([6, 0, 0]);
  });

  it('new SpinnakerPairSTDP(CA3) leaves w alone without post spikes: w0 = 6, pre {1,3,31} delivers 6, 6, 6', () => {
    expect(delivered(6, [1, 3, 31], [])).toEqual([6, 6, 6]);
  });

  it('new SpinnakerPairSTDP(CA3) depresses by A- o at lag 0 and by 6 e^{-1/3} at lag 1', () => {
    expect(delivered(6, [2], [1])).toEqual([0]);
    expect(delivered(6, [3], [1])[0]).toBeCloseTo(1.700812, 5);
    expect(delivered(6, [3], [1])[0]).toBeCloseTo(6 - 6 * Math.exp(-1 / 3), 6);
  });

  it('new SpinnakerPairSTDP(CA3) learns then loses a little to crosstalk: post {13,15}, pre {13,15,23,25,43}', () => {
    const w = delivered(0, [13, 15, 23, 25, 43], [13, 15]);
    const expected = [0, 0, 5.119446, 4.667354, 4.666234];
    w.forEach((x, i) => expect(x).toBeCloseTo(expected[i], 5));
  });

  it('new SpinnakerPairSTDP({...}).bind() on a delay of 2 steps sees each post spike 2 steps late', () => {
    // delay 2: a post spike at 1 is seen at 3, so a pre spike at 3 depresses at lag 0
    expect(delivered(6, [3], [1], 2)).toEqual([0]);
    expect(delivered(6, [2], [1], 2)).toEqual([6]);
  });

  it('new SpinnakerPairSTDP(bad) throws a ParameterError naming the parameter', () => {
    expect(() => new SpinnakerPairSTDP({ tauPlus: 0 })).toThrow(ParameterError);
    expect(() => new SpinnakerPairSTDP({ aMinus: -1 })).toThrow(/aMinus/);
    expect(() => new SpinnakerPairSTDP({ wMin: 2, wMax: 1 })).toThrow(/wMax/);
    expect(() => new SpinnakerPairSTDP({ wMax: Number.NaN })).toThrow(ParameterError);
    expect(() => new SpinnakerPairSTDP({ tauplus: 3 } as never)).toThrow(/tauplus/);
  });

  it('bind() rejects initial weights outside [wMin, wMax]', () => {
    expect(() => delivered(7, [1], [])).toThrow(/bounds/);
  });
});
