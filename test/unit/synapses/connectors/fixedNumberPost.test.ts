import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/core/rng.js';
import { fixedNumberPost } from '../../../../src/synapses/connectors/fixedNumberPost.js';
import { paramError } from '../../../fixtures/parameterError.js';

function chiSquareCritical(dof: number, z = 4): number {
  const a = 2 / (9 * dof);
  return dof * (1 - a + z * Math.sqrt(a)) ** 3;
}

describe('fixedNumberPost(k)', () => {
  it('fixedNumberPost(15).build(300, 200) gives every pre neuron exactly 15 distinct ascending targets', () => {
    const set = fixedNumberPost(15).build(300, 200, new Rng(1), false);
    expect(set.target.length).toBe(4500);
    for (let i = 0; i < 300; i++) {
      expect(set.rowPtr[i + 1] - set.rowPtr[i]).toBe(15);
      const row = set.target.subarray(set.rowPtr[i], set.rowPtr[i + 1]);
      for (let s = 1; s < row.length; s++) expect(row[s]).toBeGreaterThan(row[s - 1]);
      expect(row[row.length - 1]).toBeLessThan(200);
    }
  });

  it('fixedNumberPost(15).build(300, 200) reaches every post neuron equally often (chi-square on in-degrees)', () => {
    const set = fixedNumberPost(15).build(300, 200, new Rng(2), false);
    const n = 200;
    const p = 15 / n;
    const inDeg = new Float64Array(n);
    for (const j of set.target) inDeg[j]++;
    let x2 = 0;
    for (let j = 0; j < n; j++) x2 += (inDeg[j] - 300 * p) ** 2 / (300 * p * (1 - p));
    expect((x2 * (n - 1)) / n).toBeLessThan(chiSquareCritical(n - 1));
  });

  it('fixedNumberPost(k, { allowSelf: false }) on one population never makes i -> i', () => {
    const set = fixedNumberPost(8, { allowSelf: false }).build(40, 40, new Rng(3), true);
    for (let i = 0; i < 40; i++) {
      const row = Array.from(set.target.subarray(set.rowPtr[i], set.rowPtr[i + 1]));
      expect(row.length).toBe(8);
      expect(new Set(row).size).toBe(8);
      expect(row).not.toContain(i);
    }
    const full = fixedNumberPost(39, { allowSelf: false }).build(40, 40, new Rng(3), true);
    for (let i = 0; i < 40; i++) {
      expect(Array.from(full.target.subarray(full.rowPtr[i], full.rowPtr[i + 1]))).toEqual([...Array(40).keys()].filter((j) => j !== i));
    }
  });

  it('fixedNumberPost(k > nPost).build throws a ParameterError naming k', () => {
    expect(paramError(() => fixedNumberPost(6).build(3, 5, new Rng(4), false)).parameter).toBe('k');
    expect(paramError(() => fixedNumberPost(5, { allowSelf: false }).build(5, 5, new Rng(4), true)).parameter).toBe('k');
  });

  it.each([[1.5], [-2], [Infinity]])('fixedNumberPost(%s) throws a ParameterError naming k', (k) => {
    expect(paramError(() => fixedNumberPost(k)).parameter).toBe('k');
  });
});
