/**
 * fixedProbability(p): each pair independently with probability p. Counts are compared
 * with the binomial law within 4 standard deviations; degree histograms with a
 * chi-square test at the 4-sigma quantile (Wilson-Hilferty).
 */
import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../../src/core/errors.js';
import { Rng, logFactorial } from '../../../../src/core/rng.js';
import { Network } from '../../../../src/engine/network.js';
import { IFCurrExp } from '../../../../src/neurons/ifCurrExp.js';
import { fixedProbability } from '../../../../src/synapses/connectors/fixedProbability.js';
import type { ConnectionSet } from '../../../../src/synapses/connector.js';

function chiSquareCritical(dof: number, z = 4): number {
  const a = 2 / (9 * dof);
  return dof * (1 - a + z * Math.sqrt(a)) ** 3;
}

function binomialPmf(k: number, n: number, p: number): number {
  return Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/** Chi-square of observed degrees against Binomial(n, p), pooling bins until each expects >= 10. */
function degreeChiSquare(degrees: ArrayLike<number>, n: number, p: number): { x2: number; dof: number } {
  const counts = new Float64Array(n + 1);
  for (let i = 0; i < degrees.length; i++) counts[degrees[i]]++;
  const total = degrees.length;
  const obs: number[] = [];
  const exp: number[] = [];
  let o = 0;
  let e = 0;
  for (let k = 0; k <= n; k++) {
    o += counts[k];
    e += total * binomialPmf(k, n, p);
    if (e >= 10) {
      obs.push(o);
      exp.push(e);
      o = 0;
      e = 0;
    }
  }
  obs[obs.length - 1] += o;
  exp[exp.length - 1] += e;
  let x2 = 0;
  for (let b = 0; b < obs.length; b++) x2 += (obs[b] - exp[b]) ** 2 / exp[b];
  return { x2, dof: obs.length - 1 };
}

function inDegrees(set: ConnectionSet, nPost: number): Uint32Array {
  const d = new Uint32Array(nPost);
  for (const j of set.target) d[j]++;
  return d;
}

function expectValidCsr(set: ConnectionSet, nPre: number, nPost: number): void {
  expect(set.rowPtr.length).toBe(nPre + 1);
  expect(set.rowPtr[0]).toBe(0);
  expect(set.rowPtr[nPre]).toBe(set.target.length);
  for (let i = 0; i < nPre; i++) {
    expect(set.rowPtr[i + 1]).toBeGreaterThanOrEqual(set.rowPtr[i]);
    for (let s = set.rowPtr[i]; s < set.rowPtr[i + 1]; s++) {
      if (!(set.target[s] < nPost)) throw new Error(`target ${set.target[s]} out of range in row ${i}`);
      // Ascending and therefore distinct within a row.
      if (s > set.rowPtr[i] && !(set.target[s] > set.target[s - 1])) throw new Error(`row ${i} not strictly ascending`);
    }
  }
}

describe('fixedProbability(p)', () => {
  it('fixedProbability(0.05).build(1000, 1000) makes a binomial number of synapses, within 4 sigma of n^2 p', () => {
    const set = fixedProbability(0.05).build(1000, 1000, new Rng(1), false);
    expectValidCsr(set, 1000, 1000);
    const mean = 1000 * 1000 * 0.05;
    const sd = Math.sqrt(mean * 0.95);
    expect(Math.abs(set.target.length - mean)).toBeLessThan(4 * sd);
  });

  it('fixedProbability(0.05).build(1000, 1000) gives Binomial(1000, 0.05) in- and out-degrees (chi-square)', () => {
    const set = fixedProbability(0.05).build(1000, 1000, new Rng(2), false);
    const inDeg = inDegrees(set, 1000);
    const outDeg = Uint32Array.from({ length: 1000 }, (_, i) => set.rowPtr[i + 1] - set.rowPtr[i]);
    for (const deg of [inDeg, outDeg]) {
      const { x2, dof } = degreeChiSquare(deg, 1000, 0.05);
      expect(dof).toBeGreaterThan(5);
      expect(x2).toBeLessThan(chiSquareCritical(dof));
    }
  });

  it('fixedProbability(0.2).build(50, 3000) has an unbiased in-degree per target (the first and last targets included)', () => {
    // With rows of 3000 candidates, a skip-ahead bug at row ends shows up in the first or last target.
    const set = fixedProbability(0.2).build(50, 3000, new Rng(3), false);
    const inDeg = inDegrees(set, 3000);
    const { x2, dof } = degreeChiSquare(inDeg, 50, 0.2);
    expect(x2).toBeLessThan(chiSquareCritical(dof));
    // Column sums over blocks of 300 targets: Binomial(50 * 300, 0.2), sd = 49.
    for (let b = 0; b < 10; b++) {
      let c = 0;
      for (let j = b * 300; j < (b + 1) * 300; j++) c += inDeg[j];
      expect(Math.abs(c - 3000)).toBeLessThan(4 * Math.sqrt(15000 * 0.2 * 0.8));
    }
  });

  it('fixedProbability(1e-4).build(3000, 3000) is right for small p (expected 900 synapses)', () => {
    const set = fixedProbability(1e-4).build(3000, 3000, new Rng(4), false);
    expectValidCsr(set, 3000, 3000);
    expect(Math.abs(set.target.length - 900)).toBeLessThan(4 * Math.sqrt(900 * (1 - 1e-4)));
  });

  it('fixedProbability(0) makes no synapses and fixedProbability(1) connects every pair', () => {
    const none = fixedProbability(0).build(30, 40, new Rng(5), false);
    expect(none.target.length).toBe(0);
    expect(Array.from(none.rowPtr).every((x) => x === 0)).toBe(true);
    const all = fixedProbability(1).build(30, 40, new Rng(5), false);
    expectValidCsr(all, 30, 40);
    expect(all.target.length).toBe(1200);
    for (let i = 0; i < 30; i++) expect(Array.from(all.target.subarray(all.rowPtr[i], all.rowPtr[i + 1]))).toEqual([...Array(40).keys()]);
  });

  it('fixedProbability(1, { allowSelf: false }) on one population connects every pair except i -> i', () => {
    const set = fixedProbability(1, { allowSelf: false }).build(25, 25, new Rng(6), true);
    expectValidCsr(set, 25, 25);
    expect(set.target.length).toBe(25 * 24);
    for (let i = 0; i < 25; i++) {
      const row = Array.from(set.target.subarray(set.rowPtr[i], set.rowPtr[i + 1]));
      expect(row).toEqual([...Array(25).keys()].filter((j) => j !== i));
    }
  });

  it('fixedProbability(0.3, { allowSelf: false }) never connects i -> i on the same population, and gives n(n-1)p synapses within 4 sigma', () => {
    const net = new Network({ seed: 7 });
    const pop = net.population(IFCurrExp, 400);
    const proj = net.connect(pop, pop, fixedProbability(0.3, { allowSelf: false }), { weight: 0.1 });
    const pre = proj.sources();
    let self = 0;
    for (let s = 0; s < proj.size; s++) if (pre[s] === proj.target[s]) self++;
    expect(self).toBe(0);
    const mean = 400 * 399 * 0.3;
    expect(Math.abs(proj.size - mean)).toBeLessThan(4 * Math.sqrt(mean * 0.7));
    // The candidates above i are shifted by one; neuron n-1 must still be reachable from others.
    const inDeg = new Uint32Array(400);
    for (const j of proj.target) inDeg[j]++;
    expect(inDeg[399]).toBeGreaterThan(0);
    expect(inDeg[0]).toBeGreaterThan(0);
    const { x2, dof } = degreeChiSquare(inDeg, 399, 0.3);
    expect(x2).toBeLessThan(chiSquareCritical(dof));
  });

  it('fixedProbability(0.3) with allowSelf true (the default) does make self-connections on one population', () => {
    const set = fixedProbability(0.3).build(400, 400, new Rng(8), true);
    let self = 0;
    for (let i = 0; i < 400; i++) for (let s = set.rowPtr[i]; s < set.rowPtr[i + 1]; s++) if (set.target[s] === i) self++;
    // Binomial(400, 0.3): mean 120, sd 9.2.
    expect(Math.abs(self - 120)).toBeLessThan(4 * Math.sqrt(400 * 0.3 * 0.7));
  });

  it('fixedProbability(1, { allowSelf: false }) between two populations of equal size keeps i -> i (they are different neurons)', () => {
    const net = new Network({ seed: 9 });
    const a = net.population(IFCurrExp, 10);
    const b = net.population(IFCurrExp, 10);
    expect(net.connect(a, b, fixedProbability(1, { allowSelf: false }), { weight: 0.1 }).size).toBe(100);
  });

  it('fixedProbability(p).build is reproducible from the seed and differs for another seed', () => {
    const c = fixedProbability(0.1);
    const a = c.build(200, 200, new Rng(10), false);
    const b = c.build(200, 200, new Rng(10), false);
    const d = c.build(200, 200, new Rng(11), false);
    expect(a.target).toEqual(b.target);
    expect(a.rowPtr).toEqual(b.rowPtr);
    expect(a.target.length === d.target.length && a.target.every((x, i) => x === d.target[i])).toBe(false);
  });

  it('fixedProbability(p) records its parameters for reports', () => {
    const c = fixedProbability(0.25, { allowSelf: false });
    expect(c.kind).toBe('fixedProbability');
    expect(c.params).toEqual({ p: 0.25, allowSelf: false });
  });

  it.each([[1.5], [-0.1], [NaN], ['0.5']])('fixedProbability(%s) throws a ParameterError naming p', (p) => {
    let err: unknown;
    try {
      fixedProbability(p as never);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ParameterError);
    expect((err as ParameterError).parameter).toBe('p');
  });
});
