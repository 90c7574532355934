import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import { Rng } from '../../../src/core/rng.js';
import { resolveRng, sampleSorted } from '../../../src/sdr/randomSource.js';

describe('resolveRng', () => {
  it('resolveRng(rng) returns the same generator, so draws advance it', () => {
    const rng = new Rng(1);
    expect(resolveRng(rng, 'rng', 'test')).toBe(rng);
  });

  it('resolveRng(seed) makes a fresh generator: the same seed gives the same stream', () => {
    const a = resolveRng(42, 'rng', 'test');
    const b = resolveRng(42, 'rng', 'test');
    expect(a).not.toBe(b);
    expect(a.nextUint32()).toBe(b.nextUint32());
    expect(resolveRng('abc', 'rng', 'test').nextUint32()).toBe(new Rng('abc').nextUint32());
  });

  it('resolveRng throws a ParameterError naming the parameter for anything else', () => {
    expect(() => resolveRng(-1, 'rng', 'SDR.randomize')).toThrow(ParameterError);
    expect(() => resolveRng(1.5, 'rng', 'SDR.randomize')).toThrow(/'rng'/);
    expect(() => resolveRng(undefined, 'seed', 'X')).toThrow(/'seed'/);
    expect(() => resolveRng({}, 'rng', 'X')).toThrow(/seeded/);
  });
});

describe('sampleSorted', () => {
  it('sampleSorted(rng, n, k) returns k sorted distinct integers in [0, n), sparse and dense', () => {
    const rng = new Rng(3);
    for (const [n, k] of [
      [2048, 40],
      [100, 90],
      [10, 10],
      [5, 0],
      [1, 1],
    ]) {
      const s = sampleSorted(rng, n, k);
      expect(s.length).toBe(k);
      for (let i = 0; i < k; i++) {
        expect(s[i]).toBeLessThan(n);
        if (i > 0) expect(s[i]).toBeGreaterThan(s[i - 1]);
      }
    }
  });

  it('sampleSorted draws every element with probability k/n', () => {
    const rng = new Rng(4);
    for (const [n, k] of [
      [40, 5],
      [40, 30],
    ]) {
      const counts = new Float64Array(n);
      const trials = 4000;
      for (let t = 0; t < trials; t++) for (const i of sampleSorted(rng, n, k)) counts[i]++;
      const p = k / n;
      const sd = Math.sqrt(trials * p * (1 - p));
      for (const c of counts) expect(Math.abs(c - trials * p)).toBeLessThan(4.5 * sd);
    }
  });

  it('sampleSorted with the same seed gives the same sample, also for populations above 2^24', () => {
    expect(sampleSorted(new Rng(9), 2048, 40)).toEqual(sampleSorted(new Rng(9), 2048, 40));
    const big = sampleSorted(new Rng(9), 2 ** 25, 3);
    expect(big).toEqual(sampleSorted(new Rng(9), 2 ** 25, 3));
    expect(big.length).toBe(3);
  });

  it('sampleSorted throws for k > n or negative sizes', () => {
    const rng = new Rng(1);
    expect(() => sampleSorted(rng, 5, 6)).toThrow(/'k' = 6/);
    expect(() => sampleSorted(rng, -1, 0)).toThrow(/'n'/);
    expect(() => sampleSorted(rng, 5, 1.5)).toThrow(/'k'/);
  });
});
