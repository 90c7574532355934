import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import { populationRate } from '../../../src/figures/populationRate.js';

describe('populationRate', () => {
  it('populationRate(times, ids, options) divides bin counts by size and bin width', () => {
    const r = populationRate([1, 2, 6], [0, 1, 0], { size: 2, tStart: 0, tStop: 10, binMs: 5 });
    expect(Array.from(r.t)).toEqual([2.5, 7.5]);
    expect(Array.from(r.rate)).toEqual([200, 100]);
  });

  it('populationRate() counts only its population and window; a spike at tStop falls in the last bin', () => {
    const r = populationRate([0, 5, 10, 11, 3], [2, 3, 2, 2, 9], { start: 2, size: 2, tStart: 0, tStop: 10, binMs: 5 });
    expect(Array.from(r.rate)).toEqual([100, 200]);
  });

  it('populationRate() uses the true width of a last, shorter bin', () => {
    const r = populationRate([9], [0], { size: 1, tStart: 0, tStop: 12, binMs: 5 });
    expect(Array.from(r.t)).toEqual([2.5, 7.5, 11]);
    expect(r.rate[2]).toBe(0);
    const s = populationRate([11], [0], { size: 1, tStart: 0, tStop: 12, binMs: 5 });
    expect(s.rate[2]).toBeCloseTo(500);
  });

  it('populationRate() rejects an empty population, bin or window', () => {
    expect(() => populationRate([], [], { size: 0, tStart: 0, tStop: 1, binMs: 1 })).toThrow(ParameterError);
    expect(() => populationRate([], [], { size: 1, tStart: 0, tStop: 1, binMs: 0 })).toThrow(/binMs/);
    expect(() => populationRate([], [], { size: 1, tStart: 5, tStop: 5, binMs: 1 })).toThrow(/tStop/);
  });
});
