import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../../src/core/errors.js';
import { Rng } from '../../../../src/core/rng.js';
import { OjaRule, ojaUpdate } from '../../../../src/synapses/plasticity/ojaRule.js';
import { bindAllToAll } from './harness.js';

describe('OjaRule', () => {
  it('ojaUpdate(rowPtr, target, w, x, y, etaT, ...) adds etaT y (x - y w) to each synapse', () => {
    const w = Float64Array.of(0.5, 0.2);
    ojaUpdate(Uint32Array.of(0, 1, 2), Uint32Array.of(0, 0), w, [2, 3], [4], 0.01, -Infinity, Infinity);
    expect(w[0]).toBeCloseTo(0.5 + 0.01 * 4 * (2 - 4 * 0.5), 15);
    expect(w[1]).toBeCloseTo(0.2 + 0.01 * 4 * (3 - 4 * 0.2), 15);
  });

  it('ojaUpdate on a linear neuron y = w.x converges to the unit principal eigenvector of the input covariance (Oja 1982)', () => {
    const rng = new Rng(9);
    const n = 3;
    const w = Float64Array.of(0.3, 0.3, 0.3);
    const rowPtr = Uint32Array.of(0, 1, 2, 3);
    const target = new Uint32Array(3);
    // inputs with covariance diag(4, 1, 0.25) rotated: principal axis (1, 1, 0)/sqrt 2
    for (let t = 0; t < 40_000; t++) {
      const a = 2 * rng.normal();
      const b = rng.normal();
      const c = 0.5 * rng.normal();
      const x = [(a + b) / Math.SQRT2, (a - b) / Math.SQRT2, c];
      const y = [w[0] * x[0] + w[1] * x[1] + w[2] * x[2]];
      ojaUpdate(rowPtr, target, w, x, y, 2e-4, -Infinity, Infinity);
    }
    const norm = Math.hypot(...w);
    expect(norm).toBeCloseTo(1, 1);
    expect(Math.abs(w[0] / norm)).toBeCloseTo(Math.SQRT1_2, 1);
    expect(Math.abs(w[2] / norm)).toBeLessThan(0.1);
    expect(n).toBe(3);
  });

  it('new OjaRule({ interval }) updates once per window from the spike counts', () => {
    const b = bindAllToAll(new OjaRule({ eta: 1e-3, interval: 10 }), 2, 1, { dt: 0.1, weight: 0.5 });
    // 100 steps = one window; pre 0 fires 3 times, pre 1 once, post twice -> x = 300, 100 Hz, y = 200 Hz
    for (let k = 0; k < 100; k++) {
      b.pre.set(k === 5 || k === 50 || k === 90 ? (k === 50 ? [0, 1] : [0]) : []);
      b.post.set(k === 20 || k === 70 ? [0] : []);
      b.state.step(k);
    }
    const etaT = 1e-3 * 0.01;
    expect(b.weight[0]).toBeCloseTo(0.5 + etaT * 200 * (300 - 200 * 0.5), 12);
    expect(b.weight[1]).toBeCloseTo(0.5 + etaT * 200 * (100 - 200 * 0.5), 12);
    expect(b.state.updates).toBe(2);
  });

  it('new OjaRule({...}) with bad parameters throws a ParameterError naming them', () => {
    for (const [p, name] of [[{ eta: -1 }, 'eta'], [{ interval: 0 }, 'interval'], [{ wMin: 1, wMax: 0 }, 'wMax'], [{ rate: 1 }, 'params.rate']] as const) {
      try {
        new OjaRule(p as never);
        expect.unreachable(name);
      } catch (e) {
        expect(e).toBeInstanceOf(ParameterError);
        expect((e as ParameterError).parameter).toBe(name);
      }
    }
    expect(() => bindAllToAll(new OjaRule({ wMin: 0, wMax: 1 }), 1, 1, { weight: 2 })).toThrow(ParameterError);
  });
});
