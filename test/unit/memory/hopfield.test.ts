/**
 * HopfieldNetwork: the Hebbian rule, energy descent, both update modes, the capacity
 * numbers of theory.md 3.1 at N = 1000, and the sparse covariance rule.
 */
import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import { Rng } from '../../../src/core/rng.js';
import { HopfieldNetwork, randomBipolarPattern, randomSparsePattern } from '../../../src/memory/hopfield.js';

function meanOverlap(N: number, alpha: number, seed: number, tested = 10): number {
  const rng = new Rng(seed);
  const p = Math.round(alpha * N);
  const net = new HopfieldNetwork(N);
  const patterns = Array.from({ length: p }, () => randomBipolarPattern(N, rng));
  for (const x of patterns) net.store(x);
  let sum = 0;
  for (let t = 0; t < tested; t++) {
    const s = Int8Array.from(patterns[t]);
    net.run(s, { mode: 'async', rng, maxSweeps: 200 });
    sum += net.overlap(s, patterns[t]);
  }
  return sum / tested;
}

describe('HopfieldNetwork (Hebbian, ±1)', () => {
  it('store(pattern) gives J_ij = (1/N) Σ ξ_i ξ_j with J_ii = 0, symmetric', () => {
    const net = new HopfieldNetwork(4);
    net.store(Int8Array.from([1, -1, 1, 1]));
    net.store(Int8Array.from([1, 1, -1, 1]));
    const J = Array.from(net.weights);
    expect(J.slice(0, 4)).toEqual([0, 0, 0, 0.5]);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(net.weights[i * 4 + j]).toBe(net.weights[j * 4 + i]);
    expect(net.patternsStored).toBe(2);
    expect(net.load).toBe(0.5);
  });

  it('energy(state) never increases under run(state, { mode: "async" }), one update at a time', () => {
    const rng = new Rng(2);
    const N = 200;
    const net = new HopfieldNetwork(N);
    for (let m = 0; m < 40; m++) net.store(randomBipolarPattern(N, rng));
    const s = randomBipolarPattern(N, rng);
    let e = net.energy(s);
    for (let step = 0; step < 30; step++) {
      const r = net.run(s, { mode: 'async', rng, maxSweeps: 1 });
      const e2 = net.energy(s);
      expect(e2).toBeLessThanOrEqual(e + 1e-9);
      e = e2;
      if (r.converged) break;
    }
    const final = net.run(s, { mode: 'async', rng });
    expect(final.converged).toBe(true);
    // a fixed point: every unit agrees with the sign of its field
    const h = net.fields(s);
    for (let i = 0; i < N; i++) expect(h[i] * s[i]).toBeGreaterThanOrEqual(0);
  });

  it('run(state, { mode: "sync" }) recovers a pattern from 10 % flipped bits at low load', () => {
    const rng = new Rng(3);
    const N = 500;
    const net = new HopfieldNetwork(N);
    const ps = Array.from({ length: 20 }, () => randomBipolarPattern(N, rng));
    for (const p of ps) net.store(p);
    const s = Int8Array.from(ps[0]);
    for (let i = 0; i < 50; i++) s[i] = -s[i];
    const r = net.run(s, { mode: 'sync' });
    expect(r.converged).toBe(true);
    expect(net.overlap(s, ps[0])).toBe(1);
  });

  it('N = 1000 at alpha = 0.10: mean overlap after async retrieval from the stored patterns is >= 0.99 (theory 0.998)', () => {
    expect(meanOverlap(1000, 0.1, 11)).toBeGreaterThanOrEqual(0.99);
  });

  it('N = 1000 at alpha = 0.18 (above alpha_c = 0.138): mean overlap falls below 0.6', () => {
    expect(meanOverlap(1000, 0.18, 12)).toBeLessThan(0.6);
  });

  it('the same seed gives the same final states', () => {
    const go = (seed: number) => {
      const rng = new Rng(seed);
      const net = new HopfieldNetwork(300);
      for (let m = 0; m < 45; m++) net.store(randomBipolarPattern(300, rng));
      const s = randomBipolarPattern(300, rng);
      net.run(s, { mode: 'async', rng });
      return s;
    };
    expect(go(1)).toEqual(go(1));
    expect(go(1)).not.toEqual(go(2));
  });
});

describe('HopfieldNetwork (covariance rule, sparse 0/1)', () => {
  it('run(state) completes a sparse pattern from a partial cue with the covariance rule and a threshold', () => {
    const rng = new Rng(4);
    const N = 1000;
    const a = 0.05;
    const net = new HopfieldNetwork(N, { rule: 'covariance', codingLevel: a, threshold: 0.3 });
    const ps = Array.from({ length: 100 }, () => randomSparsePattern(N, a, rng));
    for (const p of ps) net.store(p);
    let sum = 0;
    for (let t = 0; t < 5; t++) {
      const s = Int8Array.from(ps[t]);
      let dropped = 0;
      for (let i = 0; i < N && dropped < 20; i++) if (s[i] === 1) { s[i] = 0; dropped++; } // 40 % of the 50 ones
      const e0 = net.energy(s);
      net.run(s, { mode: 'async', rng });
      expect(net.energy(s)).toBeLessThanOrEqual(e0);
      sum += net.overlap(s, ps[t]);
    }
    expect(sum / 5).toBeGreaterThan(0.95);
  });

  it('overlap(state, pattern) of the covariance rule is 1 for the pattern itself', () => {
    const net = new HopfieldNetwork(100, { rule: 'covariance', codingLevel: 0.1 });
    const p = randomSparsePattern(100, 0.1, 1);
    expect(net.overlap(p, p)).toBeCloseTo(1, 12);
  });
});

describe('HopfieldNetwork (validation)', () => {
  it('new HopfieldNetwork and its methods throw a ParameterError for bad input', () => {
    const net = new HopfieldNetwork(10);
    const bad: (() => unknown)[] = [
      () => new HopfieldNetwork(1),
      () => new HopfieldNetwork(2.5),
      () => new HopfieldNetwork(10, { rule: 'oja' as never }),
      () => new HopfieldNetwork(10, { rule: 'covariance' }),
      () => new HopfieldNetwork(10, { rule: 'covariance', codingLevel: 1 }),
      () => new HopfieldNetwork(10, { codingLevel: 0.1 }),
      () => new HopfieldNetwork(10, { threshold: NaN }),
      () => net.store(new Int8Array(10)),
      () => net.store(new Int8Array(9).fill(1)),
      () => net.store([1, -1] as never),
      () => net.run(new Int8Array(10).fill(1)),
      () => net.run(new Int8Array(10).fill(1), { mode: 'async', rng: 1, maxSweeps: 0 }),
      () => net.run(new Int8Array(10).fill(1), { mode: 'both' as never, rng: 1 }),
      () => randomBipolarPattern(0, 1),
      () => randomSparsePattern(10, 0, 1),
    ];
    for (const f of bad) expect(f).toThrow(ParameterError);
  });
});
