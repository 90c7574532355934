import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../../src/core/errors.js';
import { SynapticScaling, SynapticScalingState } from '../../../../src/synapses/plasticity/synapticScaling.js';
import { bindAllToAll } from './harness.js';

describe('SynapticScaling', () => {
  it('new SynapticScaling({...}) scales all incoming weights of a neuron by 1 + beta T (target - rAvg)', () => {
    const b = bindAllToAll(new SynapticScaling({ targetRate: 5, beta: 0.01, tauAvg: 100, interval: 100 }), 2, 2, { dt: 1, weight: 0.4 });
    const state = b.state as SynapticScalingState;
    for (let k = 0; k < 100; k++) {
      b.pre.set([]);
      b.post.set(k < 5 ? [0] : []); // post 0: 50 Hz over the window, post 1: silent
      b.state.step(k);
    }
    const relax = -Math.expm1(-1);
    const r0 = 5 + (50 - 5) * relax;
    const r1 = 5 + (0 - 5) * relax;
    expect(state.rAvg[0]).toBeCloseTo(r0, 12);
    expect(state.rAvg[1]).toBeCloseTo(r1, 12);
    const f0 = 1 + 0.01 * 0.1 * (5 - r0);
    const f1 = 1 + 0.01 * 0.1 * (5 - r1);
    // synapses (i, j) in CSR order: (0,0), (0,1), (1,0), (1,1)
    expect(Array.from(b.weight)).toEqual([0.4 * f0, 0.4 * f1, 0.4 * f0, 0.4 * f1].map((x) => expect.closeTo(x, 14)));
    expect(b.weight[0] / b.weight[2]).toBeCloseTo(1, 15); // relative weights kept
  });

  it('new SynapticScaling({...}) with bad parameters throws a ParameterError naming them', () => {
    for (const [p, name] of [[{ targetRate: -1 }, 'targetRate'], [{ beta: -1 }, 'beta'], [{ tauAvg: 0 }, 'tauAvg'], [{ interval: NaN }, 'interval']] as const) {
      try {
        new SynapticScaling(p as never);
        expect.unreachable(name);
      } catch (e) {
        expect(e).toBeInstanceOf(ParameterError);
        expect((e as ParameterError).parameter).toBe(name);
      }
    }
  });
});
