import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../../src/core/errors.js';
import { BCMRule, BCMState, bcmUpdate } from '../../../../src/synapses/plasticity/bcmRule.js';
import { bindAllToAll } from './harness.js';

describe('BCMRule', () => {
  it('bcmUpdate(...) potentiates above the threshold and depresses below it', () => {
    const w = Float64Array.of(1, 1);
    bcmUpdate(Uint32Array.of(0, 2), Uint32Array.of(0, 1), w, [10], [20, 5], [10, 10], 1e-4, 0, Infinity);
    expect(w[0]).toBeCloseTo(1 + 1e-4 * 10 * 20 * 10, 14);
    expect(w[1]).toBeCloseTo(1 - 1e-4 * 10 * 5 * 5, 14);
  });

  it('new BCMRule({...}) slides each threshold towards y^2/y0 over every window', () => {
    const b = bindAllToAll(new BCMRule({ eta: 1e-6, y0: 10, tauTheta: 50, interval: 10 }), 1, 2, { dt: 0.1, weight: 0.5 });
    const state = b.state as BCMState;
    for (let k = 0; k < 100; k++) {
      b.pre.set(k % 10 === 0 ? [0] : []); // 10 spikes in 10 ms: 1000 Hz
      b.post.set(k === 50 ? [0] : []); // post 0: 100 Hz, post 1: silent
      b.state.step(k);
    }
    // weights: eta T x y (y - theta0), theta0 = y0 = 10
    expect(b.weight[0]).toBeCloseTo(0.5 + 1e-6 * 0.01 * 1000 * 100 * (100 - 10), 12);
    expect(b.weight[1]).toBeCloseTo(0.5, 12);
    const relax = -Math.expm1(-10 / 50);
    expect(state.theta[0]).toBeCloseTo(10 + (100 * 100 / 10 - 10) * relax, 10);
    expect(state.theta[1]).toBeCloseTo(10 - 10 * relax, 10);
  });

  it('new BCMRule({...}) with bad parameters throws a ParameterError naming them', () => {
    for (const [p, name] of [[{ y0: 0 }, 'y0'], [{ tauTheta: -1 }, 'tauTheta'], [{ eta: NaN }, 'eta'], [{ wMin: NaN }, 'wMin']] as const) {
      try {
        new BCMRule(p as never);
        expect.unreachable(name);
      } catch (e) {
        expect(e).toBeInstanceOf(ParameterError);
        expect((e as ParameterError).parameter).toBe(name);
      }
    }
  });
});
