import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import { Rng } from '../../../src/core/rng.js';
import { kWTA } from '../../../src/sdr/kwta.js';

describe('kWTA', () => {
  it('kWTA(values, k) keeps the k largest values', () => {
    expect(Array.from(kWTA([0.1, 5, 3, 5], 2).sparse)).toEqual([1, 3]);
    expect(Array.from(kWTA([0.1, 5, 3, 4], 3).sparse)).toEqual([1, 2, 3]);
    expect(Array.from(kWTA(new Float32Array([-Infinity, 2, Infinity]), 1).sparse)).toEqual([2]);
    expect(kWTA([1, 2, 3], 0).getSum()).toBe(0);
    expect(kWTA([1, 2, 3], 3).getSum()).toBe(3);
  });

  it('kWTA(values, k) without rng breaks ties by lowest index', () => {
    expect(Array.from(kWTA([1, 1, 1, 1], 2).sparse)).toEqual([0, 1]);
    expect(Array.from(kWTA([0, 7, 3, 3, 3], 2).sparse)).toEqual([1, 2]);
  });

  it('kWTA(values, k, seed) breaks ties at random, reproducibly and uniformly', () => {
    const a = kWTA([1, 1, 1, 1, 1, 1], 3, 42);
    expect(a.getSum()).toBe(3);
    expect(kWTA([1, 1, 1, 1, 1, 1], 3, 42).equals(a)).toBe(true);
    const rng = new Rng(7);
    const counts = new Float64Array(6);
    const trials = 6000;
    for (let t = 0; t < trials; t++) for (const i of kWTA([9, 1, 1, 1, 1, 1], 3, rng).sparse) counts[i]++;
    expect(counts[0]).toBe(trials); // never a tie: always wins
    for (let i = 1; i < 6; i++) expect(Math.abs(counts[i] / trials - 0.4)).toBeLessThan(0.03); // 2 of 5 ties
  });

  it('kWTA(values, k, rng, dimensions) shapes the output', () => {
    const out = kWTA([0, 1, 2, 3, 4, 5], 2, undefined, [2, 3]);
    expect(out.dimensions).toEqual([2, 3]);
    expect(Array.from(out.sparse)).toEqual([4, 5]);
  });

  it('kWTA throws for NaN values, k out of range, empty input and a mismatched shape', () => {
    expect(() => kWTA([1, Number.NaN], 1)).toThrow(/'values\[1\]'/);
    expect(() => kWTA([1, 2], 3)).toThrow(/'k' = 3/);
    expect(() => kWTA([1, 2], -1)).toThrow(/'k'/);
    expect(() => kWTA([1, 2], 1.5)).toThrow(/'k'/);
    expect(() => kWTA([], 0)).toThrow(/'values'/);
    expect(() => kWTA([1, 2, 3], 1, undefined, [2, 2])).toThrow(/'dimensions'/);
    expect(() => kWTA([1, 1], 1, -3)).toThrow(ParameterError);
  });
});
