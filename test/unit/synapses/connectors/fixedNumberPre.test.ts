import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/core/rng.js';
import { Network } from '../../../../src/engine/network.js';
import { IFCurrExp } from '../../../../src/neurons/ifCurrExp.js';
import { fixedNumberPre } from '../../../../src/synapses/connectors/fixedNumberPre.js';
import { paramError } from '../../../fixtures/parameterError.js';

function chiSquareCritical(dof: number, z = 4): number {
  const a = 2 / (9 * dof);
  return dof * (1 - a + z * Math.sqrt(a)) ** 3;
}

/** Sources of each post neuron, from CSR by pre. */
function sourcesOf(rowPtr: Uint32Array, target: Uint32Array, nPost: number): number[][] {
  const lists: number[][] = Array.from({ length: nPost }, () => []);
  for (let i = 0; i + 1 < rowPtr.length; i++) for (let s = rowPtr[i]; s < rowPtr[i + 1]; s++) lists[target[s]].push(i);
  return lists;
}

describe('fixedNumberPre(k)', () => {
  it('fixedNumberPre(20).build(200, 300) gives every post neuron exactly 20 distinct sources', () => {
    const set = fixedNumberPre(20).build(200, 300, new Rng(1), false);
    expect(set.target.length).toBe(300 * 20);
    expect(set.rowPtr[200]).toBe(6000);
    for (const src of sourcesOf(set.rowPtr, set.target, 300)) {
      expect(src.length).toBe(20);
      expect(new Set(src).size).toBe(20);
      expect(src.every((i) => i >= 0 && i < 200)).toBe(true);
    }
    // Rows (by pre) come out with ascending targets.
    for (let i = 0; i < 200; i++) {
      for (let s = set.rowPtr[i] + 1; s < set.rowPtr[i + 1]; s++) expect(set.target[s]).toBeGreaterThan(set.target[s - 1]);
    }
  });

  it('fixedNumberPre(20).build(200, 300) picks every presynaptic neuron equally often (chi-square on out-degrees)', () => {
    const set = fixedNumberPre(20).build(200, 300, new Rng(2), false);
    const n = 200;
    const p = 20 / n;
    const posts = 300;
    // Out-degree of each pre ~ Binomial(300, 0.1); the counts sum to 6000, so with the
    // within-draw covariance the statistic is n/(n-1) chi-square(n-1).
    let x2 = 0;
    for (let i = 0; i < n; i++) x2 += (set.rowPtr[i + 1] - set.rowPtr[i] - posts * p) ** 2 / (posts * p * (1 - p));
    expect((x2 * (n - 1)) / n).toBeLessThan(chiSquareCritical(n - 1));
  });

  it('fixedNumberPre(10, { allowSelf: false }) on one population never picks j -> j and keeps exact in-degree', () => {
    const net = new Network({ seed: 3 });
    const pop = net.population(IFCurrExp, 50);
    const proj = net.connect(pop, pop, fixedNumberPre(10, { allowSelf: false }), { weight: 0.1 });
    const lists = sourcesOf(proj.rowPtr, proj.target, 50);
    lists.forEach((src, j) => {
      expect(src.length).toBe(10);
      expect(new Set(src).size).toBe(10);
      expect(src).not.toContain(j);
    });
  });

  it('fixedNumberPre(n - 1, { allowSelf: false }) on one population connects every j to all others', () => {
    const set = fixedNumberPre(29, { allowSelf: false }).build(30, 30, new Rng(4), true);
    sourcesOf(set.rowPtr, set.target, 30).forEach((src, j) => {
      expect(src).toEqual([...Array(30).keys()].filter((i) => i !== j));
    });
  });

  it('fixedNumberPre(n) connects everything, and fixedNumberPre(0) nothing', () => {
    expect(fixedNumberPre(12).build(12, 5, new Rng(5), false).target.length).toBe(60);
    expect(fixedNumberPre(0).build(12, 5, new Rng(5), false).target.length).toBe(0);
  });

  it('fixedNumberPre(k > nPre).build throws a ParameterError naming k; with allowSelf false the limit is n - 1', () => {
    const e = paramError(() => fixedNumberPre(13).build(12, 5, new Rng(6), false));
    expect(e.parameter).toBe('k');
    expect(e.value).toBe(13);
    expect(paramError(() => fixedNumberPre(30, { allowSelf: false }).build(30, 30, new Rng(6), true)).parameter).toBe('k');
  });

  it.each([[2.5], [-1], [NaN]])('fixedNumberPre(%s) throws a ParameterError naming k', (k) => {
    expect(paramError(() => fixedNumberPre(k)).parameter).toBe('k');
  });

  it('fixedNumberPre(k).build is reproducible from the seed', () => {
    const a = fixedNumberPre(5).build(40, 40, new Rng(7), false);
    const b = fixedNumberPre(5).build(40, 40, new Rng(7), false);
    const c = fixedNumberPre(5).build(40, 40, new Rng(8), false);
    expect(a.target).toEqual(b.target);
    expect(a.rowPtr).toEqual(b.rowPtr);
    expect(a.rowPtr).not.toEqual(c.rowPtr);
  });
});
